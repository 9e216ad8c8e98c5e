# language: de
@Abnahme @AnmeldungWiederholerverfahren
Funktionalität: Abnahme – Anmeldung im Wiederholerverfahren
  Ihre Software meldet eine Person zur Kurswiederholung an: mit dem Aktenzeichen Wiederholer, das
  das BAMF vergeben hat, Name und Anschrift; der Einstufungstest ist verzichtbar. Die Personen der
  Testfälle haben einen Kurs bis zum 30.01.2026 besucht und sind beim Träger im Erstverfahren
  angemeldet.

  Grundlage:
    Angenommen der Abnahmetag ist der 12.04.2027

  @TF-WV-01 @quelle:CMX-TEV
  Szenario: TF-WV-01 Anmeldung im Wiederholerverfahren
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-WV-01"
    Wenn Sie in Ihrer Software die Person im Wiederholerverfahren anmelden, mit diesen Angaben:
      | Feld                                  | Wert                |
      | Anmeldung                             | Hoxha, Drita (WIED) |
      | Anmeldung/Anmeldedatum                | 12.04.2027          |
      | Anmeldung/Einstufungstest/Verzichtbar | ja                  |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält genau die Meldungen:
      | Code  | Feld |
      | M2022 |      |

  @TF-WV-02 @quelle:Q-TESTANM
  Szenario: TF-WV-02 Ohne Zulassung zur Kurswiederholung
    # Die Zulassung ist beantragt, aber nicht erteilt.
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-WV-02"
    Wenn Sie in Ihrer Software die Person im Wiederholerverfahren anmelden, mit diesen Angaben:
      | Feld                                  | Wert                |
      | Anmeldung                             | Darwish, Fadi (WIED) |
      | Anmeldung/Anmeldedatum                | 12.04.2027          |
      | Anmeldung/Einstufungstest/Verzichtbar | ja                  |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2021"
    Und Ihre Software zeigt die Meldung "M2021" an

  @TF-WV-03 @quelle:CMX-TEV @rekonstruiert
  Szenario: TF-WV-03 Ein Anmeldedatum in der Zukunft wird korrigiert
    Angenommen Sie verwenden nur die Daten des Testfalls "TF-WV-03"
    Wenn Sie in Ihrer Software die Person im Wiederholerverfahren anmelden, mit diesen Angaben:
      | Feld                                  | Wert                    |
      | Anmeldung                             | Sultani, Parwana (WIED) |
      | Anmeldung/Anmeldedatum                | 19.04.2027              |
      | Anmeldung/Einstufungstest/Verzichtbar | ja                      |
    Dann antwortet InGe mit dem Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2007" zum Feld "Anmeldung/Anmeldedatum"
    Und Ihre Software zeigt die Meldung "M2007" an
    Wenn Sie die Angaben so korrigieren und die Meldung erneut senden:
      | Feld                   | Wert       |
      | Anmeldung/Anmeldedatum | 12.04.2027 |
    Dann antwortet InGe mit dem Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2022"
