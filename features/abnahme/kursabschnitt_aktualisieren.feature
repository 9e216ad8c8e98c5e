# language: de
@Abnahme @KursabschnittAktualisieren
Funktionalität: Abnahme – Kursabschnitt aktualisieren
  Ihre Software korrigiert die Angaben eines Kursabschnitts, dessen Beginn gemeldet ist, etwa um
  eine weitere Lehrkraft nachzumelden oder ein vorzeitiges Kursende (Codeliste 816) zu melden. Der
  Kurs des Testfalls ist geplant und begonnen.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-AA-01 @quelle:ITM
  Szenario: TF-AA-01 Eine zweite Lehrkraft wird nachgemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AA-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Kursabschnitt aktualisieren, mit diesen Angaben:
      | Feld                                    | Wert                             |
      | Kurskennung                             | <Kurskennung>                    |
      | Abschnitt                               | Kursabschnitt "1" des Kursplans |
      | Abschnitt/Lehrkraft[2]/Lehrkraftkennung | LK-2020-510012                   |
      | Abschnitt/Lehrkraft[2]/Familienname     | Lange                            |
      | Abschnitt/Lehrkraft[2]/Vorname          | Miriam                           |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3034"

  @TF-AA-02 @quelle:ITM
  Szenario: TF-AA-02 Ein Kursabschnitt, dessen Beginn nicht gemeldet ist
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AA-02"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software den Kursabschnitt aktualisieren, mit diesen Angaben:
      | Feld        | Wert                             |
      | Kurskennung | <Kurskennung>                    |
      | Abschnitt   | Kursabschnitt "2" des Kursplans |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3027" zum Feld "Abschnitt/Kursabschnitt"
    Und Ihre Software zeigt die Meldung "M3027" an

  @TF-AA-03 @quelle:ITM
  Szenario: TF-AA-03 Ein vorzeitiges Kursende mit einer Korrektur
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AA-03"
    Und am 01.02.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 08.03.2027
    Und am 09.03.2027 ist der Kursbeginn dieses Kurses gemeldet
    Und am 06.04.2027 ist der Beginn des Kursabschnitts "2" gemeldet
    Wenn Sie in Ihrer Software den Kursabschnitt aktualisieren, mit diesen Angaben:
      | Feld                          | Wert                             |
      | Kurskennung                   | <Kurskennung>                    |
      | Abschnitt                     | Kursabschnitt "2" des Kursplans |
      | Abschnitt/VorzeitigesKursende | 01                               |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3034"
