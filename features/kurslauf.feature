# language: de
@Kurslauf
Funktionalität: Der Lebenslauf eines Kurses
  Ein Kurs lebt von der Kursplanung über die Kursbeginnmeldung bis zur Meldung seines letzten
  Kursabschnitts. Jede Meldung hängt von den vorigen ab und von dem Tag, an dem sie eintrifft;
  darum stellt jedes Szenario die Uhr des Kursträgers ("heute ist der ...").
  Die vollständige Kursplanung sieht jeden Kursabschnitt mit 100 UE vor, vier Wochen zu 25 UE
  von Montag bis Freitag, und alle Teilnehmenden des Testfalls ab dem ersten Kursabschnitt.
  Quellen: inge-public-facts.md §2.5 bis §2.12, §3 und §8.2; itm:MANAGER 10.3.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @KursplanungErfassen @KursplanungAktualisieren @KursbeginnMelden @KursabschnittsbeginnMelden @KursabschnittAktualisieren @KursortaenderungMelden @Kursauskunft
  @quelle:CMX-VER @quelle:Q-KB @quelle:Q-KP @quelle:ITM
  Szenario: Ein allgemeiner Integrationskurs von der Planung bis zum Orientierungskurs
    # Kursart 01: Kursabschnitte 1 bis 6 und der Orientierungskurs (OK), geplant ab
    # 05.04., 03.05., 31.05., 28.06., 26.07., 23.08. und 20.09.2027; Kursende 15.10.2027.
    Angenommen heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort "KO-10000001-04"

    # Vor dem Kursbeginn wird die Planung aktualisiert.
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kursplanung/TnrKursMax" hat den Wert "16"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3030"

    # Am Tag nach dem Beginn wird der Kursbeginn gemeldet.
    Angenommen heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "1" als begonnen
    Und die Kursauskunft zeigt den Kursabschnitt "2" als nicht begonnen
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

    # Eine zweite Lehrkraft unterrichtet im ersten Kursabschnitt mit.
    Angenommen heute ist der 12.04.2027
    Und eine Aktualisierung des Kursabschnitts "1"
    Aber das Feld "Abschnitt/Lehrkraft[2]/Lehrkraftkennung" hat den Wert "LK-2022-00764"
    Wenn ich den Kursabschnitt "1" aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3034"

    # Der dritte Kursabschnitt findet im Haus am Stadtpark statt.
    Angenommen heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "3" den Kursort "KO-10000001-05" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3035"

    Angenommen heute ist der 04.05.2027
    Wenn ich den Beginn des Kursabschnitts "2" am 03.05.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Angenommen heute ist der 01.06.2027
    Wenn ich den Beginn des Kursabschnitts "3" am 31.05.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Angenommen heute ist der 29.06.2027
    Wenn ich den Beginn des Kursabschnitts "4" am 28.06.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Angenommen heute ist der 27.07.2027
    Wenn ich den Beginn des Kursabschnitts "5" am 26.07.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Angenommen heute ist der 24.08.2027
    Wenn ich den Beginn des Kursabschnitts "6" am 23.08.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Angenommen heute ist der 21.09.2027
    Wenn ich den Beginn des Kursabschnitts "OK" am 20.09.2027 melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "1" als begonnen
    Und die Kursauskunft zeigt für den Kursabschnitt "1" die Lehrkräfte "LK-2016-00158", "LK-2022-00764"
    Und die Kursauskunft zeigt den Kursabschnitt "3" als begonnen
    Und die Kursauskunft zeigt den Kursabschnitt "3" am Kursort "KO-10000001-05"
    Und die Kursauskunft zeigt den Kursabschnitt "OK" als begonnen
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

  @KursplanungErfassen @KursbeginnMelden @KursabschnittsbeginnMelden @Kursauskunft
  @quelle:ITM @quelle:Q-KB @quelle:Q-KP
  Szenario: Ein Jugendintegrationskurs endet vorzeitig
    # Kursart 02: Kursabschnitte 1 bis 9 und der Orientierungskurs, je vier Wochen ab 12.04.2027
    # (Kursabschnitt 2 ab 10.05., 3 ab 07.06., 4 ab 05.07., 5 ab 02.08.2027).
    Angenommen heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung der Kursart "02" aus Testfall "KL-2" mit Kursbeginn am 12.04.2027 erfasst

    Angenommen heute ist der 13.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3032"

    # 11.05.2027
    Angenommen 28 Tage vergehen
    Wenn ich den Beginn des Kursabschnitts "2" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    # 08.06.2027
    Angenommen 28 Tage vergehen
    Wenn ich den Beginn des Kursabschnitts "3" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"

    # 06.07.2027: zu wenige Teilnehmende, der vierte Kursabschnitt ist der letzte (Codeliste 816, "01").
    Angenommen 28 Tage vergehen
    Wenn ich den Beginn des Kursabschnitts "4" mit vorzeitigem Kursende "01" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3033"
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "beendet"
    Und die Kursauskunft zeigt den Kursabschnitt "4" als begonnen
    Und die Kursauskunft zeigt den Kursabschnitt "5" als nicht begonnen

    # 03.08.2027
    Angenommen 28 Tage vergehen
    Wenn ich den Beginn des Kursabschnitts "5" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3026" zum Feld "Kurskennung"
