# language: de
@Abnahme @KursortaenderungMelden
Funktionalität: Abnahme – Kursortänderung melden
  Ihre Software meldet, dass ein Kursabschnitt, dessen Beginn noch nicht gemeldet ist, an einem
  anderen Kursort des Trägers stattfindet. Der Kurs des Testfalls ist am 05.04.2027 begonnen; sein
  Kursabschnitt 3 beginnt am 31.05.2027. Der zweite Kursort des Testfalls ist ein Kursort des
  Trägers.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KO-01 @quelle:ITM
  Szenario: TF-KO-01 Ein Kursabschnitt zieht an einen anderen Kursort
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KO-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software die Kursortänderung melden, mit diesen Angaben:
      | Feld                       | Wert              |
      | Kurskennung                | <Kurskennung>     |
      | Aenderung[1]/Kursabschnitt | 3                 |
      | Aenderung[1]/Kursort       | KO-10000001-11012 |
      | Aenderung[1]/GueltigAb     | 31.05.2027        |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3035"

  @TF-KO-02 @quelle:ITM
  Szenario: TF-KO-02 Für einen begonnenen Kursabschnitt kein anderer Kursort
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KO-02"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software die Kursortänderung melden, mit diesen Angaben:
      | Feld                       | Wert              |
      | Kurskennung                | <Kurskennung>     |
      | Aenderung[1]/Kursabschnitt | 1                 |
      | Aenderung[1]/Kursort       | KO-10000001-11022 |
      | Aenderung[1]/GueltigAb     | 12.04.2027        |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3028" zum Feld "Aenderung[1]/Kursabschnitt"
    Und Ihre Software zeigt die Meldung "M3028" an

  @TF-KO-03 @quelle:ITM @quelle:Q-KB
  Szenario: TF-KO-03 Ein unbekannter Kursort wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KO-03"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software die Kursortänderung melden, mit diesen Angaben:
      | Feld                       | Wert              |
      | Kurskennung                | <Kurskennung>     |
      | Aenderung[1]/Kursabschnitt | 3                 |
      | Aenderung[1]/Kursort       | KO-10000001-11039 |
      | Aenderung[1]/GueltigAb     | 31.05.2027        |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Aenderung[1]/Kursort"
    Und Ihre Software zeigt die Meldung "M3001" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                 | Wert              |
      | Aenderung[1]/Kursort | KO-10000001-11032 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3035"
