# language: de
@Abnahme @KursabschnittsbeginnMelden
Funktionalität: Abnahme – Kursabschnittsbeginn melden
  Ihre Software meldet nach dem Kursbeginn den Beginn jedes weiteren Kursabschnitts, in der
  Reihenfolge der Kursart, spätestens eine Woche nach seinem ersten Tag. Der Kurs des Testfalls ist
  geplant und begonnen; „Kursabschnitt "2" des Kursplans“ steht für diesen Abschnitt, wie ihn die
  Planung vorsieht.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-AB-01 @quelle:Q-KP
  Szenario: TF-AB-01 Der Beginn des zweiten Kursabschnitts
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AB-01"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Beginn des Kursabschnitts melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Abschnitt   | Kursabschnitt "2" des Kursplans |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

  @TF-AB-02 @quelle:Q-KP
  Szenario: TF-AB-02 Ein übersprungener Kursabschnitt wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AB-02"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Beginn des Kursabschnitts melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Abschnitt   | Kursabschnitt "3" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3025" zum Feld "Abschnitt/Kursabschnitt"
    Und Ihre Software zeigt die Meldung "M3025" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld      | Wert                             |
      | Abschnitt | Kursabschnitt "2" des Kursplans |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

  @TF-AB-03 @rekonstruiert
  Szenario: TF-AB-03 Ein Kursabschnitt, der noch nicht begonnen hat
    # Kursabschnitt 2 beginnt am 19.04.2027.
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AB-03"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 22.03.2027
    Und am 23.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Beginn des Kursabschnitts melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Abschnitt   | Kursabschnitt "2" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3015" zum Feld "Abschnitt/Beginn"
    Und Ihre Software zeigt die Meldung "M3015" an

  @TF-AB-04 @quelle:ITM
  Szenario: TF-AB-04 Nach einem vorzeitigen Kursende
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AB-04"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Und am 06.04.2027 ist der Beginn des Kursabschnitts "2" gemeldet mit vorzeitigem Kursende "01"
    Wenn Sie in Ihrer Software den Beginn des Kursabschnitts melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Abschnitt   | Kursabschnitt "3" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3026" zum Feld "Kurskennung"
    Und Ihre Software zeigt die Meldung "M3026" an
