# language: de
@Abnahme @LidPruefungAuskunft
Funktionalität: Abnahme – Auskunft zur LiD-Prüfung
  Ihre Software ruft die Daten einer LiD-Prüfung des Trägers mit ihren gemeldeten Prüflingen ab und
  zeigt sie an.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-LU-01 @rekonstruiert
  Szenario: TF-LU-01 Auskunft zu einer LiD-Prüfung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LU-01"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Und am 15.03.2027 sind "Kidane, Senait" und "Al-Tamimi, Ali" zu dieser LiD-Prüfung gemeldet
    Wenn Sie in Ihrer Software die Auskunft zur LiD-Prüfung abrufen, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und Ihre Software zeigt "10.05.2027" als Prüfungsdatum an
    Und Ihre Software zeigt "5170102-438" als Kennziffer eines Prüflings an

  @TF-LU-02 @quelle:ITM
  Szenario: TF-LU-02 Eine unbekannte Prüfungsnummer
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LU-02"
    Und die Prüfungsnummer "L999999972" gibt es nicht
    Wenn Sie in Ihrer Software die Auskunft zur LiD-Prüfung abrufen, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5010" zum Feld "Pruefungsnummer"
    Und Ihre Software zeigt die Meldung "M5010" an
