# language: de
@Abnahme @LidPruefungErfassen
Funktionalität: Abnahme – LiD-Prüfung erfassen
  Ihre Software erfasst als Prüfstelle eine Prüfung „Leben in Deutschland“ mindestens zwei Wochen
  vor dem Prüfungstag, am Kursort des Testfalls als Prüfungsort, mit dem Verwaltungsstandort und der
  Lieferadresse des Trägers. „LiD-Prüfung des Testfalls am …“ steht für diese Prüfung: Beginn
  10:00 Uhr, Raum 1.07, Kontakt lid-pruefung@kurstraeger.example, Verwaltungsstandort
  VS-10000001-01, Lieferadresse LA-10000001-01. Ihre Software zeigt die Prüfungsnummer, die InGe
  vergibt.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-LE-01 @quelle:Q-LID
  Szenario: TF-LE-01 Eine LiD-Prüfung wird erfasst
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LE-01"
    Wenn Sie in Ihrer Software die LiD-Prüfung erfassen, mit diesen Angaben:
      | Feld     | Wert                                  |
      | Pruefung | LiD-Prüfung des Testfalls am 17.05.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5020"
    Und Ihre Software zeigt die Prüfungsnummer an

  @TF-LE-02 @quelle:ITM @quelle:Q-LID
  Szenario: TF-LE-02 Weniger als zwei Wochen vorher wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LE-02"
    Wenn Sie in Ihrer Software die LiD-Prüfung erfassen, mit diesen Angaben:
      | Feld     | Wert                                  |
      | Pruefung | LiD-Prüfung des Testfalls am 20.04.2027 |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5002" zum Feld "Pruefung/Pruefungsdatum"
    Und Ihre Software zeigt die Meldung "M5002" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                    | Wert       |
      | Pruefung/Pruefungsdatum | 03.05.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5020"
    Und Ihre Software zeigt die Prüfungsnummer an

  @TF-LE-03 @quelle:CMX-SYS @quelle:Q-LID
  Szenario: TF-LE-03 Eine falsche Lieferadresse wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LE-03"
    Wenn Sie in Ihrer Software die LiD-Prüfung erfassen, mit diesen Angaben:
      | Feld                   | Wert                                  |
      | Pruefung               | LiD-Prüfung des Testfalls am 17.05.2027 |
      | Pruefung/Lieferadresse | LA-10000001-09                        |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5005" zum Feld "Pruefung/Lieferadresse"
    Und Ihre Software zeigt die Meldung "M5005" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                   | Wert           |
      | Pruefung/Lieferadresse | LA-10000001-01 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5020"

  @TF-LE-04 @quelle:Q-LID
  Szenario: TF-LE-04 InGe ist beim ersten Versuch nicht erreichbar
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LE-04"
    Und InGe ist beim ersten Versuch mit den Daten "KO-10000001-13041" nicht erreichbar
    Wenn Sie in Ihrer Software die LiD-Prüfung erfassen, mit diesen Angaben:
      | Feld     | Wert                                  |
      | Pruefung | LiD-Prüfung des Testfalls am 17.05.2027 |
    Dann InGe war beim ersten Versuch nicht erreichbar, und die Meldung ist nicht verloren
    Und antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5020"
