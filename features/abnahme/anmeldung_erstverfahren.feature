# language: de
@Abnahme @AnmeldungErstverfahren
Funktionalität: Abnahme – Anmeldung im Erstverfahren
  Ihre Software meldet eine Person beim Kursträger im Erstverfahren an. Jeder Testfall verwendet
  nur die Person, die das Testdatenpaket unter seiner Nummer nennt: geben Sie ihre Daten so ein,
  wie das Testdatenpaket sie hat (Name, Geburtsdatum und -ort, Geschlecht, Staatsangehörigkeit,
  Anschrift, Kennziffer), und dazu die Angaben der Tabelle. Zeigt Ihre Software eine Meldung von
  InGe an, korrigieren Sie, wie der Testfall es sagt; eine angenommene Meldung senden Sie nicht
  noch einmal.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-AN-01 @quelle:CMX-TEV
  Szenario: TF-AN-01 Erstanmeldung mit der BAMF-Kennziffer
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-01"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert         |
      | Anmeldung                                          | Haddad, Yara |
      | Anmeldung/Anmeldedatum                             | 12.04.2027   |
      | Anmeldung/Bildungsstand                            | 3A           |
      | Anmeldung/Schreibkundigkeit                        | 3            |
      | Anmeldung/Niederschwellig                          | nein         |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein         |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027   |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01           |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 1            |
      | Anmeldung/KostenbefreiungBeantragt                 | nein         |
      | Anmeldung/Kinderbetreuung                          | nein         |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält genau die Meldungen:
      | Code  | Feld |
      | M2000 |      |

  @TF-AN-02 @quelle:CMX-TEV
  Szenario: TF-AN-02 Erstanmeldung mit dem Aktenzeichen der Ausländerbehörde
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-02"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert                   |
      | Anmeldung                                          | Petrenko, Andrij (ABH) |
      | Anmeldung/Anmeldedatum                             | 12.04.2027             |
      | Anmeldung/Bildungsstand                            | 4A                     |
      | Anmeldung/Schreibkundigkeit                        | 3                      |
      | Anmeldung/Niederschwellig                          | nein                   |
      | Anmeldung/Einstufungstest/Zentralisiert            | ja                     |
      | Anmeldung/Einstufungstest/Testdatum                | 01.04.2027             |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01                     |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 3                      |
      | Anmeldung/KostenbefreiungBeantragt                 | nein                   |
      | Anmeldung/Kinderbetreuung                          | nein                   |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2000"

  @TF-AN-03 @quelle:ABES-TN @quelle:CMX-TEV
  Szenario: TF-AN-03 Ein falsches Geburtsdatum wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-03"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert             |
      | Anmeldung                                          | Yıldırım, Merve  |
      | Anmeldung/Ident/Geburtsdatum                       | 04.06.1996       |
      | Anmeldung/Anmeldedatum                             | 12.04.2027       |
      | Anmeldung/Bildungsstand                            | 3A               |
      | Anmeldung/Schreibkundigkeit                        | 3                |
      | Anmeldung/Niederschwellig                          | nein             |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein             |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027       |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01               |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 1                |
      | Anmeldung/KostenbefreiungBeantragt                 | nein             |
      | Anmeldung/Kinderbetreuung                          | nein             |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Anmeldung/Ident"
    Und Ihre Software zeigt die Meldung "M1010" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                         | Wert       |
      | Anmeldung/Ident/Geburtsdatum | 06.04.1996 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2000"

  @TF-AN-04 @quelle:Q-TESTANM
  Szenario: TF-AN-04 Die Person ist schon bei einem anderen Träger angemeldet
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-04"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert           |
      | Anmeldung                                          | Tesfay, Filmon |
      | Anmeldung/Anmeldedatum                             | 12.04.2027     |
      | Anmeldung/Bildungsstand                            | 2              |
      | Anmeldung/Schreibkundigkeit                        | 3              |
      | Anmeldung/Niederschwellig                          | nein           |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein           |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027     |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01             |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 2              |
      | Anmeldung/KostenbefreiungBeantragt                 | nein           |
      | Anmeldung/Kinderbetreuung                          | nein           |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2010" zum Feld "Anmeldung/Ident"
    Und Ihre Software zeigt die Meldung "M2010" an

  @TF-AN-05 @quelle:CMX-TEV @quelle:ITM
  Szenario: TF-AN-05 Bei ISCED 1 fehlen die Schuljahre
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-05"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert               |
      | Anmeldung                                          | Al-Jabouri, Ruqaya |
      | Anmeldung/Anmeldedatum                             | 12.04.2027         |
      | Anmeldung/Bildungsstand                            | 1                  |
      | Anmeldung/Schreibkundigkeit                        | 3                  |
      | Anmeldung/Niederschwellig                          | nein               |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein               |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027         |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01                 |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 1                  |
      | Anmeldung/KostenbefreiungBeantragt                 | nein               |
      | Anmeldung/Kinderbetreuung                          | nein               |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2005" zum Feld "Anmeldung/Schuljahre"
    Und Ihre Software zeigt die Meldung "M2005" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                 | Wert |
      | Anmeldung/Schuljahre | 4    |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2000"

  @TF-AN-06 @quelle:CMX-TEV
  Szenario: TF-AN-06 InGe ist beim ersten Versuch nicht erreichbar
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-06"
    Und InGe ist beim ersten Versuch mit den Daten "5010601-439" nicht erreichbar
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert         |
      | Anmeldung                                          | Moradi, Omid |
      | Anmeldung/Anmeldedatum                             | 12.04.2027   |
      | Anmeldung/Bildungsstand                            | 3B           |
      | Anmeldung/Schreibkundigkeit                        | 3            |
      | Anmeldung/Niederschwellig                          | nein         |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein         |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027   |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01           |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 2            |
      | Anmeldung/KostenbefreiungBeantragt                 | nein         |
      | Anmeldung/Kinderbetreuung                          | nein         |
    Dann InGe war beim ersten Versuch nicht erreichbar, und die Meldung ist nicht verloren
    Und antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2000"

  @TF-AN-07 @quelle:CMX-TEV @quelle:ITM
  Szenario: TF-AN-07 Der Einstufungstest ist verzichtbar
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-07"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                   | Wert        |
      | Anmeldung                              | Nowak, Marta |
      | Anmeldung/Anmeldedatum                 | 12.04.2027  |
      | Anmeldung/Bildungsstand                | 5A          |
      | Anmeldung/Schreibkundigkeit            | 3           |
      | Anmeldung/Niederschwellig              | nein        |
      | Anmeldung/Einstufungstest/Verzichtbar  | ja          |
      | Anmeldung/KostenbefreiungBeantragt     | nein        |
      | Anmeldung/Kinderbetreuung              | nein        |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2000"

  @TF-AN-08 @quelle:CMX-TEV @quelle:ITM
  Szenario: TF-AN-08 Eine Person mit nur einem Namen
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-AN-08"
    Wenn Sie in Ihrer Software die Person im Erstverfahren anmelden, mit diesen Angaben:
      | Feld                                               | Wert       |
      | Anmeldung                                          | Samadi     |
      | Anmeldung/Vorname                                  | (leer)     |
      | Anmeldung/Anmeldedatum                             | 12.04.2027 |
      | Anmeldung/Bildungsstand                            | 2          |
      | Anmeldung/Schreibkundigkeit                        | 3          |
      | Anmeldung/Niederschwellig                          | nein       |
      | Anmeldung/Einstufungstest/Zentralisiert            | nein       |
      | Anmeldung/Einstufungstest/Testdatum                | 06.04.2027 |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        | 01         |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt | 1          |
      | Anmeldung/KostenbefreiungBeantragt                 | nein       |
      | Anmeldung/Kinderbetreuung                          | nein       |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält genau die Meldungen:
      | Code  | Feld |
      | M2000 |      |
