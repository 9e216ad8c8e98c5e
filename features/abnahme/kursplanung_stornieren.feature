# language: de
@Abnahme @KursplanungStornieren
Funktionalität: Abnahme – Kursplanung stornieren
  Ihre Software storniert eine Kursplanung, solange der Kursbeginn nicht gemeldet ist, mit einem
  Grund der Codeliste 814. Der Kurs des Testfalls ist vorbereitet; seine Kurskennung steht in der
  Aufgabe.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KS-01 @quelle:Q-KP
  Szenario: TF-KS-01 Eine Kursplanung wird storniert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KS-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 07.06.2027
    Wenn Sie in Ihrer Software die Kursplanung stornieren, mit diesen Angaben:
      | Feld              | Wert          |
      | Kurskennung       | <Kurskennung> |
      | Stornierungsgrund | 01            |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3031"

  @TF-KS-02 @quelle:ITM
  Szenario: TF-KS-02 Ein begonnener Kurs wird nicht storniert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KS-02"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software die Kursplanung stornieren, mit diesen Angaben:
      | Feld              | Wert          |
      | Kurskennung       | <Kurskennung> |
      | Stornierungsgrund | 01            |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3012"
    Und Ihre Software zeigt die Meldung "M3012" an

  @TF-KS-03 @quelle:Q-KP
  Szenario: TF-KS-03 Eine stornierte Kursplanung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KS-03"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 07.06.2027
    Und am 15.03.2027 ist die Kursplanung dieses Kurses storniert
    Wenn Sie in Ihrer Software die Kursplanung stornieren, mit diesen Angaben:
      | Feld              | Wert          |
      | Kurskennung       | <Kurskennung> |
      | Stornierungsgrund | 02            |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010"
    Und Ihre Software zeigt die Meldung "M3010" an
