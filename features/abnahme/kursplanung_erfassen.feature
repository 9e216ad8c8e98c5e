# language: de
@Abnahme @KursplanungErfassen
Funktionalität: Abnahme – Kursplanung erfassen
  Ihre Software meldet einen geplanten Kurs möglichst drei Monate vor seinem Beginn. Erfassen Sie
  in jedem Testfall den Kurs mit den Daten, die das Testdatenpaket unter seiner Nummer nennt: den
  Kursort, die Lehrkraft und die Personen des Testfalls, alle ab dem ersten Kursabschnitt. „Kursplan
  des Testfalls ab …“ steht für den vollständigen Plan eines allgemeinen Integrationskurses (Kursart
  01) ab diesem Montag: alle Kursabschnitte der Kursart nacheinander zu je 25 Unterrichtseinheiten
  in der Woche, Montag bis Freitag 08:30 bis 12:45 mit Pause 10:00 bis 10:15, höchstens 20
  Teilnehmende; die Aufgabe listet jedes Feld. Ihre Software zeigt die Kurskennung, die InGe vergibt.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-KP-01 @quelle:CMX-VER
  Szenario: TF-KP-01 Eine vollständige Kursplanung
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-01"
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld        | Wert                                 |
      | Kursplanung | Kursplan des Testfalls ab 02.08.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält genau die Meldungen:
      | Code  | Feld |
      | M3000 |      |
    Und Ihre Software zeigt die Kurskennung an

  @TF-KP-02 @quelle:CMX-VER @quelle:Q-KB
  Szenario: TF-KP-02 Ein unbekannter Kursort wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-02"
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld                | Wert                                 |
      | Kursplanung         | Kursplan des Testfalls ab 02.08.2027 |
      | Kursplanung/Kursort | KO-10000001-05029                    |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Kursplanung/Kursort"
    Und Ihre Software zeigt die Meldung "M3001" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                | Wert              |
      | Kursplanung/Kursort | KO-10000001-05021 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3000"
    Und Ihre Software zeigt die Kurskennung an

  @TF-KP-03 @quelle:CMX-VER
  Szenario: TF-KP-03 Eine Kursplanung nach dem Kursbeginn braucht einen Grund
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-03"
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld        | Wert                                 |
      | Kursplanung | Kursplan des Testfalls ab 05.04.2027 |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3004" zum Feld "Kursplanung/Nachmeldungsgrund"
    Und Ihre Software zeigt die Meldung "M3004" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                          | Wert |
      | Kursplanung/Nachmeldungsgrund | 01   |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3000"

  @TF-KP-04 @quelle:ABES-SPAET @quelle:CMX-VER
  Szenario: TF-KP-04 TnrKursMax unter der Zahl der Teilnehmenden wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-04"
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld                   | Wert                                 |
      | Kursplanung            | Kursplan des Testfalls ab 02.08.2027 |
      | Kursplanung/TnrKursMax | 2                                    |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3006" zum Feld "Kursplanung/Teilnehmer"
    Und Ihre Software zeigt die Meldung "M3006" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                   | Wert |
      | Kursplanung/TnrKursMax | 15   |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3000"

  @TF-KP-05 @quelle:CMX-VER
  Szenario: TF-KP-05 InGe ist beim ersten Versuch nicht erreichbar
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-05"
    Und InGe ist beim ersten Versuch mit den Daten "KO-10000001-05051" nicht erreichbar
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld        | Wert                                 |
      | Kursplanung | Kursplan des Testfalls ab 02.08.2027 |
    Dann InGe war beim ersten Versuch nicht erreichbar, und die Meldung ist nicht verloren
    Und antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3000"

  @TF-KP-06 @quelle:BAMF-KT @quelle:CMX-VER
  Szenario: TF-KP-06 Weniger als drei Monate vor dem Kursbeginn
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-KP-06"
    Wenn Sie in Ihrer Software die Kursplanung erfassen, mit diesen Angaben:
      | Feld        | Wert                                 |
      | Kursplanung | Kursplan des Testfalls ab 10.05.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält genau die Meldungen:
      | Code  | Feld                   |
      | M3000 |                        |
      | M3036 | Kursplanung/Kursbeginn |
    Und Ihre Software zeigt die Meldung "M3036" an
    Und Ihre Software zeigt die Kurskennung an
