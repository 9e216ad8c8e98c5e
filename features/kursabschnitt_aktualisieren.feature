# language: de
@KursabschnittAktualisieren
Funktionalität: Kursabschnitt aktualisieren
  Die Angaben zu einem Kursabschnitt, dessen Beginn gemeldet ist, kann der Kursträger
  aktualisieren, etwa um eine weitere Lehrkraft zu melden. Es gelten dieselben Regeln wie für die
  Kursabschnittsbeginnmeldung. Ein vorzeitiges Kursende (Codeliste 816) kann auch mit einer
  Korrektur gemeldet werden; die Korrektur des letzten gemeldeten Kursabschnitts ohne Kursende
  nimmt es zurück. Wer nach den ersten 25 Unterrichtseinheiten hinzukommt, tritt nur
  ausnahmsweise ein (Warnung).
  Der Kurs aus KL-1 ist am 05.04.2027 mit der Lehrkraft LK-2016-00158 begonnen.
  Quellen: inge-public-facts.md §2.11 (ITM), itm:MANAGER 10.3.3.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet

  @quelle:ITM
  Szenario: Eine zweite Lehrkraft wird für den ersten Kursabschnitt nachgemeldet
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Abschnitt/Lehrkraft[2]/Lehrkraftkennung" hat den Wert "LK-2022-00764"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3034"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt für den Kursabschnitt "1" die Lehrkräfte "LK-2016-00158", "LK-2022-00764"

  @quelle:ITM @rekonstruiert
  Szenario: Die Korrektur des letzten Kursabschnitts nimmt ein vorzeitiges Kursende zurück
    Angenommen heute ist der 04.05.2027
    Und ich den Beginn des Kursabschnitts "2" mit vorzeitigem Kursende "01" melde
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "beendet"
    Und heute ist der 05.05.2027
    Und eine Aktualisierung des Kursabschnitts "2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                          |
      | Abschnitt/VorzeitigesKursende |
    Wenn ich den Kursabschnitt "2" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Angenommen heute ist der 01.06.2027
    Wenn ich den Beginn des Kursabschnitts "3" melde
    Dann ist der Status "verarbeitet"

  @quelle:ITM @rekonstruiert
  Szenario: Ein vorzeitiges Kursende kann auch mit einer Korrektur gemeldet werden
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Abschnitt/VorzeitigesKursende" hat den Wert "01"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "beendet"
    Angenommen heute ist der 04.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3026" zum Feld "Kurskennung"
    Und die Meldung "M3026" nennt "Kursabschnitt 1"

  @quelle:BAMF-LF3
  Szenario: Wer nach den ersten 25 Unterrichtseinheiten hinzukommt, bekommt eine Warnung
    # Kursabschnitt 1 ab Montag, 05.04.2027; bis Freitag, 16.04., sind zwei Wochen unterrichtet.
    Angenommen heute ist der 16.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber die Meldung nennt zusätzlich "Al-Hassan, Rami" aus Testfall "KP-1"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3040" zum Feld "Abschnitt/Teilnehmer[9]"

  @quelle:BAMF-LF3
  Szenario: Wer in den ersten 25 Unterrichtseinheiten hinzukommt, bekommt keine Warnung
    Angenommen heute ist der 06.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber die Meldung nennt zusätzlich "Al-Hassan, Rami" aus Testfall "KP-1"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält nicht die Meldung "M3040"

  @quelle:ITM
  Szenario: Ein Kursabschnitt, dessen Beginn nicht gemeldet ist, kann nicht aktualisiert werden
    Angenommen heute ist der 04.05.2027
    Wenn ich den Kursabschnitt "2" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3027" zum Feld "Abschnitt/Kursabschnitt"

  @quelle:Q-TESTANM
  Szenario: Ohne Lehrkraft wird die Aktualisierung abgelehnt
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber in der Anfrage fehlen die Felder:
      | Feld                |
      | Abschnitt/Lehrkraft |
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1001" zum Feld "Abschnitt/Lehrkraft"

  @quelle:Q-KB @quelle:ABES-SPAET @quelle:ABES-KB @rekonstruiert
  Szenariogrundriss: Die Aktualisierung wird wie die Meldung geprüft: <Regel>
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "<Code>" zum Feld "<Meldungsfeld>"

    Beispiele:
      | Regel                                     | Feld                                    | Wert          | Code  | Meldungsfeld                            |
      | Lehrkraft dem BAMF unbekannt              | Abschnitt/Lehrkraft[2]/Lehrkraftkennung | LK-0000-00000 | M3005 | Abschnitt/Lehrkraft[2]/Lehrkraftkennung |
      | Zulassung der Lehrkraft abgelaufen        | Abschnitt/Lehrkraft[2]/Lehrkraftkennung | LK-2017-00088 | M3029 | Abschnitt/Lehrkraft[2]/Lehrkraftkennung |
      | Lehrwerk für die Kursart nicht zugelassen | Abschnitt/Lehrwerk[2]                   | LW-009        | M3018 | Abschnitt/Lehrwerk[2]                   |
      | mehr Teilnehmende als TnrKursMax          | Abschnitt/TnrKursMax                    | 7             | M3006 | Abschnitt/Teilnehmer                    |

  @quelle:ITM
  Szenario: Bei Unterbrechung in den Schulferien werden Ferien nicht gesondert gemeldet
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Abschnitt/UnterbrechungSchulferien" hat den Wert "true"
    Und das Feld "Abschnitt/Unterbrechung[1]/Von" hat den Wert "2027-04-19"
    Und das Feld "Abschnitt/Unterbrechung[1]/Bis" hat den Wert "2027-04-23"
    Und das Feld "Abschnitt/Unterbrechung[1]/Grund" hat den Wert "01"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3021" zum Feld "Abschnitt/Unterbrechung[1]/Grund"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Der Kursabschnitt eines anderen Kursträgers kann nicht aktualisiert werden
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Und heute ist der 12.04.2027
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Zu einer stornierten Kursplanung wird kein Kursabschnitt aktualisiert
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 07.06.2027 erfasst
    Und ich habe die Kursplanung storniert
    Und heute ist der 08.06.2027
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird die Aktualisierung geprüft, aber nichts geändert
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Abschnitt/Lehrkraft[2]/Lehrkraftkennung" hat den Wert "LK-2022-00764"
    Und die Anfrage ist als Rollback markiert
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3034"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt für den Kursabschnitt "1" die Lehrkraft "LK-2016-00158"
