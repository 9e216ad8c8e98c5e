# language: de
@Abnahme @LidPruefungAktualisieren
Funktionalität: Abnahme – LiD-Prüfung aktualisieren
  Ihre Software verschiebt eine erfasste LiD-Prüfung, auch dann mindestens zwei Wochen vor dem neuen
  Prüfungstag, mit der Prüfungsnummer, die InGe vergeben hat. Die Prüfung des Testfalls ist am
  01.03.2027 für den 10.05.2027 erfasst; ihre Prüfungsnummer steht in der Aufgabe.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-LA-01 @quelle:ITM
  Szenario: TF-LA-01 Eine LiD-Prüfung wird verschoben
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LA-01"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die LiD-Prüfung aktualisieren, mit diesen Angaben:
      | Feld            | Wert                                  |
      | Pruefungsnummer | <Prüfungsnummer>                      |
      | Pruefung        | LiD-Prüfung des Testfalls am 17.05.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5021"

  @TF-LA-02 @quelle:ITM
  Szenario: TF-LA-02 Eine Verschiebung auf weniger als zwei Wochen wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LA-02"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die LiD-Prüfung aktualisieren, mit diesen Angaben:
      | Feld            | Wert                                  |
      | Pruefungsnummer | <Prüfungsnummer>                      |
      | Pruefung        | LiD-Prüfung des Testfalls am 19.04.2027 |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5002" zum Feld "Pruefung/Pruefungsdatum"
    Und Ihre Software zeigt die Meldung "M5002" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                    | Wert       |
      | Pruefung/Pruefungsdatum | 03.05.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5021"

  @TF-LA-03 @rekonstruiert
  Szenario: TF-LA-03 Eine stornierte LiD-Prüfung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LA-03"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Und am 15.03.2027 ist diese LiD-Prüfung storniert
    Wenn Sie in Ihrer Software die LiD-Prüfung aktualisieren, mit diesen Angaben:
      | Feld            | Wert                                  |
      | Pruefungsnummer | <Prüfungsnummer>                      |
      | Pruefung        | LiD-Prüfung des Testfalls am 17.05.2027 |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5011"
    Und Ihre Software zeigt die Meldung "M5011" an
