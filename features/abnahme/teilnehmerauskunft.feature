# language: de
@Abnahme @Teilnehmerauskunft
Funktionalität: Abnahme – Teilnehmerauskunft
  Ihre Software ruft ab, was das BAMF zu einer Person weiß, die beim Träger angemeldet ist:
  Personendaten, Teilnahmeberechtigungen mit ihren Behörden, das Kontingent, Kursbesuche. Die
  Person wird mit Geburtsdatum und einer Kennziffer identifiziert.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-TA-01 @rekonstruiert
  Szenario: TF-TA-01 Teilnehmerauskunft mit der BAMF-Kennziffer
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-TA-01"
    Wenn Sie in Ihrer Software die Teilnehmerauskunft abrufen, mit diesen Angaben:
      | Feld  | Wert              |
      | Ident | Kovalenko, Dmytro |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und Ihre Software zeigt "700" als genehmigte Unterrichtseinheiten an

  @TF-TA-02 @rekonstruiert
  Szenario: TF-TA-02 Teilnehmerauskunft mit dem Aktenzeichen der Ausländerbehörde
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-TA-02"
    Wenn Sie in Ihrer Software die Teilnehmerauskunft abrufen, mit diesen Angaben:
      | Feld  | Wert              |
      | Ident | Aksoy, Elif (ABH) |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und Ihre Software zeigt "Stadt Beispielstadt – Ausländerbehörde" als Behörde der Teilnahmeberechtigung an

  @TF-TA-03 @quelle:BAMF-KT
  Szenario: TF-TA-03 Keine Auskunft zu einer Person eines anderen Trägers
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-TA-03"
    Wenn Sie in Ihrer Software die Teilnehmerauskunft abrufen, mit diesen Angaben:
      | Feld  | Wert                |
      | Ident | Gebremariam, Samuel |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2030"
    Und Ihre Software zeigt die Meldung "M2030" an

  @TF-TA-04 @quelle:ABES-TN
  Szenario: TF-TA-04 Ein falsches Geburtsdatum wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-TA-04"
    Wenn Sie in Ihrer Software die Teilnehmerauskunft abrufen, mit diesen Angaben:
      | Feld               | Wert         |
      | Ident              | Hamadi, Sara |
      | Ident/Geburtsdatum | 26.04.1998   |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Ident"
    Und Ihre Software zeigt die Meldung "M1010" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld               | Wert       |
      | Ident/Geburtsdatum | 26.04.1999 |
    Dann antwortet InGe mit dem Status "verarbeitet"

  @TF-TA-05 @quelle:BAMF-KT
  Szenario: TF-TA-05 Zwei Stellen verpflichten die Person
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-TA-05"
    Wenn Sie in Ihrer Software die Teilnehmerauskunft abrufen, mit diesen Angaben:
      | Feld  | Wert          |
      | Ident | Karimi, Arash |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2032"
    Und Ihre Software zeigt die Meldung "M2032" an
