# language: de
@Abnahme @LidPruefungStornieren
Funktionalität: Abnahme – LiD-Prüfung stornieren
  Ihre Software storniert eine erfasste LiD-Prüfung vor ihrem Prüfungstag, mit einem Grund.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-LS-01 @quelle:ITM
  Szenario: TF-LS-01 Eine LiD-Prüfung wird storniert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LS-01"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die LiD-Prüfung stornieren, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
      | Grund           | 01               |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5022"

  @TF-LS-02 @rekonstruiert
  Szenario: TF-LS-02 Nach dem Prüfungstag wird nicht storniert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LS-02"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 09.04.2027 erfasst
    Wenn Sie in Ihrer Software die LiD-Prüfung stornieren, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
      | Grund           | 01               |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5012"
    Und Ihre Software zeigt die Meldung "M5012" an

  @TF-LS-03 @quelle:ITM
  Szenario: TF-LS-03 Eine unbekannte Prüfungsnummer
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LS-03"
    Und die Prüfungsnummer "L999999953" gibt es nicht
    Wenn Sie in Ihrer Software die LiD-Prüfung stornieren, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
      | Grund           | 01               |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5010" zum Feld "Pruefungsnummer"
    Und Ihre Software zeigt die Meldung "M5010" an
