# language: de
@Abnahme @Kursauskunft
Funktionalität: Abnahme – Kursauskunft
  Ihre Software ruft die Daten eines Kurses ab, den der Träger gemeldet hat, und zeigt sie an: vor
  dem Kursbeginn die aktive Kursplanung, danach die Kursdaten mit dem Kursstatus.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KU-01 @rekonstruiert
  Szenario: TF-KU-01 Kursauskunft zu einer Kursplanung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KU-01"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 07.06.2027
    Wenn Sie in Ihrer Software die Kursauskunft abrufen, mit diesen Angaben:
      | Feld        | Wert          |
      | Kurskennung | <Kurskennung> |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und Ihre Software zeigt "geplant" als Kursstatus an
    Und Ihre Software zeigt "07.06.2027" als Kursbeginn an

  @TF-KU-02 @rekonstruiert
  Szenario: TF-KU-02 Kursauskunft zu einem begonnenen Kurs
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KU-02"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 05.04.2027
    Und am 06.04.2027 ist der Kursbeginn dieses Kurses gemeldet
    Wenn Sie in Ihrer Software die Kursauskunft abrufen, mit diesen Angaben:
      | Feld        | Wert          |
      | Kurskennung | <Kurskennung> |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und Ihre Software zeigt "begonnen" als Kursstatus an

  @TF-KU-03 @quelle:Q-KA
  Szenario: TF-KU-03 Eine unbekannte Kurskennung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KU-03"
    Und die Kurskennung "K999999903" gibt es nicht
    Wenn Sie in Ihrer Software die Kursauskunft abrufen, mit diesen Angaben:
      | Feld        | Wert          |
      | Kurskennung | <Kurskennung> |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"
    Und Ihre Software zeigt die Meldung "M3002" an

  @TF-KU-04 @quelle:Q-KP
  Szenario: TF-KU-04 Kursauskunft zu einer stornierten Kursplanung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KU-04"
    Und am 01.03.2027 ist ein Kurs dieses Testfalls geplant mit Kursbeginn am 07.06.2027
    Und am 15.03.2027 ist die Kursplanung dieses Kurses storniert
    Wenn Sie in Ihrer Software die Kursauskunft abrufen, mit diesen Angaben:
      | Feld        | Wert          |
      | Kurskennung | <Kurskennung> |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010"
    Und Ihre Software zeigt die Meldung "M3010" an
