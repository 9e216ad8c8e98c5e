# language: de
@KursbeginnMelden
Funktionalität: Kursbeginn melden
  Hat der erste Kursabschnitt begonnen, meldet der Kursträger den Kursbeginn: einmal je Kurs,
  spätestens eine Woche nach dem Beginn, mit mindestens einer zugelassenen Lehrkraft, am eigenen
  Kursort, mit Lehrwerken, die für die Kursart zugelassen sind, und mit Teilnehmenden, von denen
  mindestens eine Person schon in der Kursplanung stand.
  Die vorbereitete Kursbeginnmeldung folgt der Kursplanung aus KL-1: Kursabschnitt 1 ab 05.04.2027
  am Kursort KO-10000001-04, die acht Teilnehmenden der Planung (vier Frauen), die Lehrkraft
  LK-2016-00158, TnrKursMax 20 und das Lehrwerk LW-001.
  Quellen: inge-public-facts.md §2.8 bis §2.10 (Q-KB, ABES-KB, ABESO-KURS, CMX-VER), itm:MANAGER 10.3.1.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst

  @quelle:Q-KB
  Szenario: Der Kursbeginn wird am Tag nach dem Beginn gemeldet
    Angenommen heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "1" als begonnen

  @quelle:Q-KB @quelle:ABESO-KURS
  Szenariogrundriss: Die Meldefrist von einer Woche: gemeldet am <Heute>
    Angenommen heute ist der <Heute>
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

    Beispiele:
      | Heute      |
      | 05.04.2027 |
      | 12.04.2027 |

  @quelle:ABESO-KURS
  Szenario: Eine Meldung mehr als eine Woche nach dem Beginn wird abgelehnt
    Angenommen heute ist der 13.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3014" zum Feld "Kursbeginn/Beginn"

  @rekonstruiert
  Szenario: Ein Beginn, der noch in der Zukunft liegt, wird abgelehnt
    Angenommen heute ist der 02.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3015" zum Feld "Kursbeginn/Beginn"

  @quelle:Q-KB
  Szenario: Der Kursbeginn wird nur einmal gemeldet
    Angenommen heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3013" zum Feld "Kurskennung"

  @quelle:CMX-VER
  Szenario: Mindestens eine gemeldete Person muss schon in der Kursplanung stehen
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber die Meldung nennt als Teilnehmende nur die Personen aus Testfall "KL-3"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3016" zum Feld "Kursbeginn/Teilnehmer"

  @quelle:CMX-VER
  Szenario: Die Kursplanung muss Teilnehmende im ersten Kursabschnitt haben
    Angenommen eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Aber alle Teilnehmenden der Kursplanung steigen erst im Kursabschnitt "2" ein
    Und ich habe diese Kursplanung erfasst
    Und heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3017" zum Feld "Kurskennung"

  @quelle:ABES-SPAET @quelle:CMX-VER
  Szenario: Eine erst nach dem Kursbeginn erfasste Kursplanung wird nicht am Vortag gemessen
    # M3017 prüft die Kursplanung am Vortag des Kursbeginns; eine nachgemeldete gab es da noch
    # nicht. Wer zum Kursbeginn gemeldet wird, muss aber im ersten Kursabschnitt eingeplant sein.
    Angenommen heute ist der 07.04.2027
    Und eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Aber das Feld "Kursplanung/Nachmeldungsgrund" hat den Wert "01"
    Und alle Teilnehmenden der Kursplanung steigen erst im Kursabschnitt "2" ein
    Und ich habe diese Kursplanung erfasst
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält nicht die Meldung "M3017"
    Und die Antwort enthält die Meldung "M3037" zum Feld "Kursbeginn/Teilnehmer[1]"

  @quelle:ABES-SPAET
  Szenario: Wer erst für einen späteren Kursabschnitt eingeplant ist, wird nicht zum Kursbeginn gemeldet
    # Alemu, Tesfaye steigt laut dieser Kursplanung erst im Kursabschnitt 2 ein.
    Angenommen eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Aber das Feld "Kursplanung/Teilnehmer[8]/Kursabschnitt" hat den Wert "2"
    Und ich habe diese Kursplanung erfasst
    Und heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber die Meldung nennt zusätzlich "Alemu, Tesfaye" aus Testfall "KL-1"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3037" zum Feld "Kursbeginn/Teilnehmer[8]"

  @quelle:ABES-SPAET
  Szenario: TnrKursMax ist um die später Einsteigenden zu verringern
    # Eine von acht Personen steigt später ein: höchstens 19 der 20 Plätze für die anderen.
    Angenommen eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Aber das Feld "Kursplanung/Teilnehmer[8]/Kursabschnitt" hat den Wert "2"
    Und ich habe diese Kursplanung erfasst
    Und heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3038" zum Feld "Kursbeginn/TnrKursMax"
    Und die Meldung "M3038" nennt "höchstens 19"

  @quelle:ABES-SPAET
  Szenario: Mit verringerter TnrKursMax gibt es keine Warnung
    Angenommen eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Aber das Feld "Kursplanung/Teilnehmer[8]/Kursabschnitt" hat den Wert "2"
    Und ich habe diese Kursplanung erfasst
    Und heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/TnrKursMax" hat den Wert "19"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält nicht die Meldung "M3038"

  @quelle:ABES-KB
  Szenario: Ein Lehrwerk, das für die Kursart nicht zugelassen ist, wird abgelehnt
    # LW-009 ist nur für Alphabetisierungskurse (Kursart 05) zugelassen.
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/Lehrwerk[1]" hat den Wert "LW-009"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3018" zum Feld "Kursbeginn/Lehrwerk[1]"

  @quelle:ITM
  Szenario: Anzahl TN niederschwellig bis zur Zahl der gemeldeten Frauen wird angenommen
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/AnzahlTnNiederschwellig" hat den Wert "4"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"

  @quelle:ITM
  Szenario: Mehr TN niederschwellig als gemeldete Frauen werden abgelehnt
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/AnzahlTnNiederschwellig" hat den Wert "5"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3019" zum Feld "Kursbeginn/AnzahlTnNiederschwellig"

  @quelle:ITM
  Szenario: Bei einem Wiederholerkurs gibt es keine TN niederschwellig
    Angenommen ich habe eine vollständige Kursplanung der Kursart "10" aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/AnzahlTnNiederschwellig" hat den Wert "1"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3020" zum Feld "Kursbeginn/AnzahlTnNiederschwellig"

  @quelle:ITM
  Szenario: Bei Unterbrechung in den Schulferien werden Ferien nicht gesondert gemeldet
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/UnterbrechungSchulferien" hat den Wert "true"
    Und das Feld "Kursbeginn/Unterbrechung[1]/Von" hat den Wert "2027-04-19"
    Und das Feld "Kursbeginn/Unterbrechung[1]/Bis" hat den Wert "2027-04-23"
    Und das Feld "Kursbeginn/Unterbrechung[1]/Grund" hat den Wert "01"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3021" zum Feld "Kursbeginn/Unterbrechung[1]/Grund"

  @quelle:BAMF-ABR
  Szenario: Ein Kursabschnitt, den die Kursart nicht hat, wird abgelehnt
    # Ein allgemeiner Integrationskurs hat die Kursabschnitte 1 bis 6 und OK.
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/Kursabschnitt" hat den Wert "7"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3022" zum Feld "Kursbeginn/Kursabschnitt"

  @quelle:Q-KB
  Szenario: Der Kursort eines anderen Kursträgers wird abgelehnt
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/Kursort" hat den Wert "KO-10000002-01"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Kursbeginn/Kursort"

  @quelle:Q-TESTANM
  Szenario: Ohne Lehrkraft wird der Kursbeginn abgelehnt
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber in der Anfrage fehlen die Felder:
      | Feld                 |
      | Kursbeginn/Lehrkraft |
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1001" zum Feld "Kursbeginn/Lehrkraft"

  @quelle:Q-KB @rekonstruiert
  Szenariogrundriss: Die Lehrkraft muss zugelassen sein: <Regel>
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/Lehrkraft[1]/Lehrkraftkennung" hat den Wert "<Lehrkraft>"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "<Code>" zum Feld "Kursbeginn/Lehrkraft[1]/Lehrkraftkennung"

    Beispiele:
      | Regel                                       | Lehrkraft     | Code  |
      | dem BAMF unbekannt                          | LK-0000-00000 | M3005 |
      | Zulassung endet vor dem Beginn (31.03.2027) | LK-2017-00088 | M3029 |

  @quelle:ABES-SPAET
  Szenario: Mehr Teilnehmende als TnrKursMax werden abgelehnt
    # Acht Teilnehmende und eine selbstzahlende Person, zulässig sind acht.
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/TnrKursMax" hat den Wert "8"
    Und das Feld "Kursbeginn/AnzahlSelbstzahler" hat den Wert "1"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3006" zum Feld "Kursbeginn/Teilnehmer"

  @quelle:Q-KB
  Szenario: Kursvergütung Mindestbetrag ist in der Kursbeginnmeldung zulässig
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kursbeginn/Zusatzangaben/KursverguetungMindestbetrag" hat den Wert "true"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Für den Kurs eines anderen Kursträgers kann kein Kursbeginn gemeldet werden
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Und heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Für eine stornierte Kursplanung kann kein Kursbeginn gemeldet werden
    Angenommen ich habe die Kursplanung storniert
    Und heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird der Kursbeginn geprüft, aber nicht gespeichert
    Angenommen heute ist der 06.04.2027
    Und eine vollständige Kursbeginnmeldung zu diesem Kurs
    Und die Anfrage ist als Rollback markiert
    Wenn ich den Kursbeginn melde
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3032"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursabschnitt "1" als nicht begonnen
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
