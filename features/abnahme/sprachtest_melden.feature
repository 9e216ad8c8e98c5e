# language: de
@Abnahme @SprachtestMelden
Funktionalität: Abnahme – Sprachtest melden
  Ihre Software meldet die Teilnahme am „Deutsch-Test für Zuwanderer“: die Auftragsnummer (seit
  2023 der Platzhalter 1234567), das Testdatum, den Kurs, und je Prüfling seine Bogennummer,
  seine Ausweisnummer und seine Anschrift. InGe antwortet mit einer Rückmeldung je Prüfling
  (verarbeitet oder abgelehnt). Der Kurs des Testfalls hat am 08.03.2027 begonnen; die Personen
  besuchen ihn.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-ST-01 @quelle:ABESO-TEST
  Szenario: TF-ST-01 Sprachtest von zwei Prüflingen
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-ST-01"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Sprachtest melden, mit diesen Angaben:
      | Feld                                | Wert                |
      | Sprachtest/Auftragsnummer           | 1234567             |
      | Sprachtest/Testdatum                | 10.04.2027          |
      | Sprachtest/Kurskennung              | <Kurskennung>       |
      | Sprachtest/Pruefling[1]             | Kowalska, Magdalena |
      | Sprachtest/Pruefling[1]/Bogennummer | 0401011             |
      | Sprachtest/Pruefling[1]/Ausweisnummer | P5040101          |
      | Sprachtest/Pruefling[2]             | Ionescu, Mihai      |
      | Sprachtest/Pruefling[2]/Bogennummer | 0401012             |
      | Sprachtest/Pruefling[2]/Ausweisnummer | P5040102          |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2043"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
    Und die Rückmeldung zum 2. Prüfling lautet "verarbeitet"

  @TF-ST-02 @quelle:Q-ST
  Szenario: TF-ST-02 Eine schon gemeldete Bogennummer wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-ST-02"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Und am 10.04.2027 ist der Sprachtest von "Khalil, Omar" mit der Bogennummer "0402021" gemeldet
    Wenn Sie in Ihrer Software den Sprachtest melden, mit diesen Angaben:
      | Feld                                  | Wert           |
      | Sprachtest/Auftragsnummer             | 1234567        |
      | Sprachtest/Testdatum                  | 10.04.2027     |
      | Sprachtest/Kurskennung                | <Kurskennung>  |
      | Sprachtest/Pruefling[1]               | Berisha, Elira |
      | Sprachtest/Pruefling[1]/Bogennummer   | 0402021        |
      | Sprachtest/Pruefling[1]/Ausweisnummer | P5040201       |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2042"
    Und Ihre Software zeigt die Meldung "M2042" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                                | Wert    |
      | Sprachtest/Pruefling[1]/Bogennummer | 0402022 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"

  @TF-ST-03 @quelle:ITM
  Szenario: TF-ST-03 Eine Bogennummer im falschen Format wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-ST-03"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Sprachtest melden, mit diesen Angaben:
      | Feld                                  | Wert            |
      | Sprachtest/Auftragsnummer             | 1234567         |
      | Sprachtest/Testdatum                  | 10.04.2027      |
      | Sprachtest/Kurskennung                | <Kurskennung>   |
      | Sprachtest/Pruefling[1]               | Ahmadi, Shabnam |
      | Sprachtest/Pruefling[1]/Bogennummer   | 9403031         |
      | Sprachtest/Pruefling[1]/Ausweisnummer | P5040301        |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2041"
    Und Ihre Software zeigt die Meldung "M2041" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                                | Wert    |
      | Sprachtest/Pruefling[1]/Bogennummer | 0403031 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"

  @TF-ST-04 @rekonstruiert
  Szenario: TF-ST-04 Ein Testdatum in der Zukunft wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-ST-04"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Sprachtest melden, mit diesen Angaben:
      | Feld                                  | Wert          |
      | Sprachtest/Auftragsnummer             | 1234567       |
      | Sprachtest/Testdatum                  | 17.04.2027    |
      | Sprachtest/Kurskennung                | <Kurskennung> |
      | Sprachtest/Pruefling[1]               | Demir, Esra   |
      | Sprachtest/Pruefling[1]/Bogennummer   | 0404041       |
      | Sprachtest/Pruefling[1]/Ausweisnummer | P5040401      |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2007" zum Feld "Sprachtest/Testdatum"
    Und Ihre Software zeigt die Meldung "M2007" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                 | Wert       |
      | Sprachtest/Testdatum | 10.04.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
