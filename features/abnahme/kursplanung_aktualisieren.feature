# language: de
@Abnahme @KursplanungAktualisieren
Funktionalität: Abnahme – Kursplanung aktualisieren
  Ihre Software aktualisiert eine Kursplanung, solange der Kurs nicht begonnen hat: sie sendet die
  ganze Planung mit der Kurskennung, die InGe vergeben hat. Der Kurs des Testfalls ist vorbereitet;
  seine Kurskennung steht in der Aufgabe.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KA-01 @quelle:CMX-VER
  Szenario: TF-KA-01 Eine Kursplanung wird aktualisiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KA-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 07.06.2027
    Wenn Sie in Ihrer Software die Kursplanung aktualisieren, mit diesen Angaben:
      | Feld                   | Wert                                 |
      | Kurskennung            | <Kurskennung>                        |
      | Kursplanung            | Kursplan des Testfalls ab 07.06.2027 |
      | Kursplanung/TnrKursMax | 16                                   |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3030"

  @TF-KA-02 @quelle:CMX-VER
  Szenario: TF-KA-02 Nach dem Kursbeginn wird keine Kursplanung aktualisiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KA-02"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Wenn Sie in Ihrer Software die Kursplanung aktualisieren, mit diesen Angaben:
      | Feld                   | Wert                                 |
      | Kurskennung            | <Kurskennung>                        |
      | Kursplanung            | Kursplan des Testfalls ab 05.04.2027 |
      | Kursplanung/TnrKursMax | 16                                   |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3011"
    Und Ihre Software zeigt die Meldung "M3011" an

  @TF-KA-03 @quelle:Q-KA
  Szenario: TF-KA-03 Die Kursplanung eines anderen Trägers
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KA-03"
    Und am 01.03.2027 hat ein anderer Kursträger einen Kurs mit den Personen dieses Testfalls geplant
    Wenn Sie in Ihrer Software die Kursplanung aktualisieren, mit diesen Angaben:
      | Feld        | Wert                                 |
      | Kurskennung | <Kurskennung des anderen Kursträgers> |
      | Kursplanung | Kursplan des Testfalls ab 07.06.2027 |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"
    Und Ihre Software zeigt die Meldung "M3002" an
