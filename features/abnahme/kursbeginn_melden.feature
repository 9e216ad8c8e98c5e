# language: de
@Abnahme @KursbeginnMelden
Funktionalität: Abnahme – Kursbeginn melden
  Ihre Software meldet den Beginn eines Kurses spätestens eine Woche nach seinem ersten Tag: den
  ersten Kursabschnitt mit seinem Kursort, den Unterrichtszeiten, der Lehrkraft, einem für die
  Kursart zugelassenen Lehrwerk und den Teilnehmenden. Die Kursplanung des Testfalls ist
  vorbereitet; „Kursabschnitt "1" des Kursplans“ steht für den ersten Abschnitt, wie ihn die
  Planung vorsieht, mit dem Lehrwerk LW-001; die Aufgabe listet jedes Feld.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KB-01 @quelle:Q-KB
  Szenario: TF-KB-01 Der Kursbeginn wird gemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Kursbeginn  | Kursabschnitt "1" des Kursplans |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

  @TF-KB-02 @quelle:ABESO-KURS
  Szenario: TF-KB-02 Eine Meldung mehr als eine Woche nach dem Beginn
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-02"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 29.03.2027
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Kursbeginn  | Kursabschnitt "1" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3014" zum Feld "Kursbeginn/Beginn"
    Und Ihre Software zeigt die Meldung "M3014" an

  @TF-KB-03 @quelle:ABES-KB @quelle:Q-KB
  Szenario: TF-KB-03 Ein nicht zugelassenes Lehrwerk wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-03"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld                  | Wert                             |
      | Kurskennung           | <Kurskennung>                    |
      | Kursbeginn            | Kursabschnitt "1" des Kursplans |
      | Kursbeginn/Lehrwerk[1] | LW-003                          |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3018" zum Feld "Kursbeginn/Lehrwerk[1]"
    Und Ihre Software zeigt die Meldung "M3018" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                   | Wert   |
      | Kursbeginn/Lehrwerk[1] | LW-001 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

  @TF-KB-04 @quelle:ITM @quelle:Q-KB
  Szenario: TF-KB-04 Zu viele TN niederschwellig werden korrigiert
    # Zwei der drei Personen sind Frauen.
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-04"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld                               | Wert                             |
      | Kurskennung                        | <Kurskennung>                    |
      | Kursbeginn                         | Kursabschnitt "1" des Kursplans |
      | Kursbeginn/AnzahlTnNiederschwellig | 3                                |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3019" zum Feld "Kursbeginn/AnzahlTnNiederschwellig"
    Und Ihre Software zeigt die Meldung "M3019" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                               | Wert |
      | Kursbeginn/AnzahlTnNiederschwellig | 2    |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

  @TF-KB-05 @quelle:Q-KB
  Szenario: TF-KB-05 Der Kursbeginn ist schon gemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-05"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Kursbeginn  | Kursabschnitt "1" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3013"
    Und Ihre Software zeigt die Meldung "M3013" an

  @TF-KB-06 @quelle:Q-KB
  Szenario: TF-KB-06 InGe ist beim ersten Versuch nicht erreichbar
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KB-06"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und InGe ist beim ersten Versuch mit den Daten "KO-10000001-08061" nicht erreichbar
    Wenn Sie in Ihrer Software den Kursbeginn melden, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Kursbeginn  | Kursabschnitt "1" des Kursplans |
    Dann InGe war beim ersten Versuch nicht erreichbar, und die Meldung ist nicht verloren
    Und antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"
