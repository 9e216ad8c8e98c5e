# language: de
@KursabschnittsbeginnMelden
Funktionalität: Kursabschnittsbeginn melden
  Nach dem Kursbeginn meldet der Kursträger den Beginn jedes weiteren Kursabschnitts, in der
  Reihenfolge der Kursart und jeden nur einmal, spätestens eine Woche nach seinem Beginn, mit
  mindestens einer zugelassenen Lehrkraft und den Teilnehmenden dieses Kursabschnitts. Nach einem
  vorzeitigen Kursende (Codeliste 816) wird kein weiterer Kursabschnitt angenommen.
  Der Kurs aus KL-1 ist am 05.04.2027 begonnen; seine Kursabschnitte sind ab 03.05. (2),
  31.05. (3), 28.06. (4), 26.07. (5), 23.08. (6) und 20.09.2027 (OK) geplant.
  Quellen: inge-public-facts.md §2.10 bis §2.12 (BAMF-KT, Q-KP, ABESO-KURS), itm:MANAGER 10.3.2.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet

  @quelle:Q-KP
  Szenario: Der Beginn des zweiten Kursabschnitts wird gemeldet
    Angenommen heute ist der 04.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "2" als begonnen
    Und die Kursauskunft zeigt den Kursabschnitt "3" als nicht begonnen

  @quelle:BAMF-KT
  Szenario: Vor der Kursbeginnmeldung wird kein Kursabschnitt angenommen
    # Ein zweiter Kurs, geplant ab 07.06.2027; sein Kursabschnitt 2 beginnt am 05.07.2027.
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 07.06.2027 erfasst
    Und heute ist der 06.07.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3023" zum Feld "Kurskennung"

  @rekonstruiert
  Szenario: Der erste Kursabschnitt ist mit dem Kursbeginn schon gemeldet
    Wenn ich den Beginn des Kursabschnitts "1" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3024" zum Feld "Abschnitt/Kursabschnitt"

  @rekonstruiert
  Szenario: Ein Kursabschnitt wird nur einmal gemeldet
    Angenommen heute ist der 04.05.2027
    Und ich habe den Beginn des Kursabschnitts "2" gemeldet
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3024" zum Feld "Abschnitt/Kursabschnitt"

  @quelle:Q-KP
  Szenario: Kein Kursabschnitt wird übersprungen
    Angenommen heute ist der 01.06.2027
    Wenn ich den Beginn des Kursabschnitts "3" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3025" zum Feld "Abschnitt/Kursabschnitt"

  @quelle:ITM
  Szenario: Nach einem vorzeitigen Kursende wird kein Kursabschnitt mehr angenommen
    Angenommen heute ist der 04.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" mit vorzeitigem Kursende "01" melde
    Dann ist der Status "verarbeitet"
    Angenommen heute ist der 01.06.2027
    Wenn ich den Beginn des Kursabschnitts "3" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3026" zum Feld "Kurskennung"

  @quelle:ABESO-KURS
  Szenario: Eine Meldung mehr als eine Woche nach dem Beginn des Kursabschnitts wird abgelehnt
    Angenommen heute ist der 11.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3014" zum Feld "Abschnitt/Beginn"

  @rekonstruiert
  Szenario: Ein Kursabschnitt, der noch nicht begonnen hat, wird nicht angenommen
    Angenommen heute ist der 30.04.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3015" zum Feld "Abschnitt/Beginn"

  @quelle:Q-TESTANM
  Szenario: Ohne Lehrkraft wird der Kursabschnitt abgelehnt
    Angenommen heute ist der 04.05.2027
    Und eine vollständige Meldung des Beginns von Kursabschnitt "2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                |
      | Abschnitt/Lehrkraft |
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1001" zum Feld "Abschnitt/Lehrkraft"

  @quelle:Q-KB @quelle:ABES-SPAET @quelle:ABES-KB @rekonstruiert
  Szenariogrundriss: Die Angaben zum Kursabschnitt werden wie beim Kursbeginn geprüft: <Regel>
    Angenommen heute ist der 04.05.2027
    Und eine vollständige Meldung des Beginns von Kursabschnitt "2"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "<Code>" zum Feld "<Meldungsfeld>"

    Beispiele:
      | Regel                                     | Feld                                    | Wert          | Code  | Meldungsfeld                            |
      | Lehrkraft dem BAMF unbekannt              | Abschnitt/Lehrkraft[1]/Lehrkraftkennung | LK-0000-00000 | M3005 | Abschnitt/Lehrkraft[1]/Lehrkraftkennung |
      | Zulassung der Lehrkraft abgelaufen        | Abschnitt/Lehrkraft[1]/Lehrkraftkennung | LK-2017-00088 | M3029 | Abschnitt/Lehrkraft[1]/Lehrkraftkennung |
      | Lehrwerk für die Kursart nicht zugelassen | Abschnitt/Lehrwerk[1]                   | LW-009        | M3018 | Abschnitt/Lehrwerk[1]                   |
      | mehr Teilnehmende als TnrKursMax          | Abschnitt/TnrKursMax                    | 7             | M3006 | Abschnitt/Teilnehmer                    |

  @quelle:ITM
  Szenario: Bei Unterbrechung in den Schulferien werden Ferien nicht gesondert gemeldet
    Angenommen heute ist der 04.05.2027
    Und eine vollständige Meldung des Beginns von Kursabschnitt "2"
    Aber das Feld "Abschnitt/UnterbrechungSchulferien" hat den Wert "true"
    Und das Feld "Abschnitt/Unterbrechung[1]/Von" hat den Wert "2027-05-18"
    Und das Feld "Abschnitt/Unterbrechung[1]/Bis" hat den Wert "2027-05-28"
    Und das Feld "Abschnitt/Unterbrechung[1]/Grund" hat den Wert "01"
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3021" zum Feld "Abschnitt/Unterbrechung[1]/Grund"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen heute ist der 04.05.2027
    Und eine vollständige Meldung des Beginns von Kursabschnitt "2"
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Für den Kurs eines anderen Kursträgers wird kein Kursabschnitt angenommen
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Und heute ist der 04.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Für eine stornierte Kursplanung wird kein Kursabschnitt angenommen
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 07.06.2027 erfasst
    Und ich habe die Kursplanung storniert
    Und heute ist der 06.07.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird der Kursabschnittsbeginn geprüft, aber nicht gespeichert
    Angenommen heute ist der 04.05.2027
    Und eine vollständige Meldung des Beginns von Kursabschnitt "2"
    Und die Anfrage ist als Rollback markiert
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3033"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "2" als nicht begonnen
