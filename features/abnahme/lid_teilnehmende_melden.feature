# language: de
@Abnahme @LidTeilnehmendeMelden
Funktionalität: Abnahme – Teilnehmende der LiD-Prüfung melden
  Ihre Software meldet die Prüflinge einer LiD-Prüfung: Personen, die das BAMF kennt, mit
  Geburtsdatum und Kennziffer, und Selbstzahler mit Name, Geburtsdatum, Geburtsort, Geschlecht,
  Staatsangehörigkeit und Anschrift. Die Prüfung des Testfalls ist am 01.03.2027 für den 10.05.2027
  erfasst. Ob eine Person bei einem Träger angemeldet ist, zählt für die LiD-Prüfung nicht.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-LT-01 @quelle:ITM
  Szenario: TF-LT-01 Drei Teilnehmende werden gemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LT-01"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die Teilnehmenden der LiD-Prüfung melden, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
      | Pruefling[1]    | Bondar, Iryna    |
      | Pruefling[2]    | Çelik, Mehmet    |
      | Pruefling[3]    | Weldu, Luwam     |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5023"

  @TF-LT-02 @quelle:ITM
  Szenario: TF-LT-02 Ein Selbstzahler wird gemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LT-02"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die Teilnehmenden der LiD-Prüfung melden, mit diesen Angaben:
      | Feld                     | Wert             |
      | Pruefungsnummer          | <Prüfungsnummer> |
      | Pruefling[1]             | Rashid, Haider   |
      | Pruefling[2]/Selbstzahler | Wójcik, Tomasz  |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5023"

  @TF-LT-03 @rekonstruiert
  Szenario: TF-LT-03 Eine schon gemeldete Person
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LT-03"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Und am 15.03.2027 ist "Stan, Elena" zu dieser LiD-Prüfung gemeldet
    Wenn Sie in Ihrer Software die Teilnehmenden der LiD-Prüfung melden, mit diesen Angaben:
      | Feld            | Wert             |
      | Pruefungsnummer | <Prüfungsnummer> |
      | Pruefling[1]    | Stan, Elena      |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M5013"
    Und Ihre Software zeigt die Meldung "M5013" an

  @TF-LT-04 @quelle:ABES-TN @quelle:ITM
  Szenario: TF-LT-04 Ein falsches Geburtsdatum wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-LT-04"
    Und am 01.03.2027 ist eine LiD-Prüfung dieses Testfalls für den 10.05.2027 erfasst
    Wenn Sie in Ihrer Software die Teilnehmenden der LiD-Prüfung melden, mit diesen Angaben:
      | Feld                            | Wert             |
      | Pruefungsnummer                 | <Prüfungsnummer> |
      | Pruefling[1]                    | Haidari, Naweed  |
      | Pruefling[1]/Ident/Geburtsdatum | 11.07.1989       |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Pruefling[1]/Ident"
    Und Ihre Software zeigt die Meldung "M1010" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                            | Wert       |
      | Pruefling[1]/Ident/Geburtsdatum | 07.11.1989 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5023"
