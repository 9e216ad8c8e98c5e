# language: de
@KursortaenderungMelden
Funktionalität: Kursortänderung melden
  Findet ein Kursabschnitt an einem anderen der zugelassenen Kursorte statt, meldet der
  Kursträger die Änderung, solange der Beginn dieses Kursabschnitts nicht gemeldet ist. Der
  Kursabschnitt muss zur Kursart gehören.
  Der Kurs aus KL-1 ist am 05.04.2027 am Kursort KO-10000001-04 begonnen; Kursabschnitt 3 ist ab
  31.05.2027 geplant. KO-10000001-05 ist der zweite Kursort des Kursträgers.
  Quellen: inge-public-facts.md §2.12 (ITM), itm:MANAGER 10.3.4.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet

  @quelle:ITM
  Szenario: Ein Kursabschnitt, der noch nicht begonnen hat, zieht an einen anderen Kursort
    Angenommen heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "3" den Kursort "KO-10000001-05" melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3035"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "3" am Kursort "KO-10000001-05"

  @quelle:ITM
  Szenario: Für einen begonnenen Kursabschnitt wird kein Kursort geändert
    Angenommen heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "1" den Kursort "KO-10000001-05" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3028" zum Feld "Aenderung[1]/Kursabschnitt"

  @quelle:ITM
  Szenario: Jede Änderung einer Meldung wird geprüft, gespeichert wird keine
    Angenommen heute ist der 20.04.2027
    Und eine Kursortänderung für Kursabschnitt "3" zum Kursort "KO-10000001-05"
    Und eine weitere Kursortänderung für Kursabschnitt "1" zum Kursort "KO-10000001-05"
    Wenn ich die Kursortänderung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3028" zum Feld "Aenderung[2]/Kursabschnitt"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt für den Kursabschnitt "3" keine Kursortänderung

  @quelle:Q-KB
  Szenariogrundriss: Nur ein Kursort des Kursträgers: <Kursort>
    Angenommen heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "3" den Kursort "<Kursort>" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Aenderung[1]/Kursort"

    Beispiele:
      | Kursort        |
      | KO-99999999-01 |
      | KO-10000002-01 |

  @quelle:BAMF-ABR
  Szenario: Ein Kursabschnitt, den die Kursart nicht hat, wird abgelehnt
    Angenommen heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "7" den Kursort "KO-10000001-05" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3022" zum Feld "Aenderung[1]/Kursabschnitt"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen heute ist der 20.04.2027
    Und eine Kursortänderung für Kursabschnitt "3" zum Kursort "KO-10000001-05"
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich die Kursortänderung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Für den Kurs eines anderen Kursträgers wird kein Kursort geändert
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Und heute ist der 20.04.2027
    Wenn ich für den Kursabschnitt "3" den Kursort "KO-10000001-05" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Für eine stornierte Kursplanung wird kein Kursort geändert
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 07.06.2027 erfasst
    Und ich habe die Kursplanung storniert
    Wenn ich für den Kursabschnitt "2" den Kursort "KO-10000001-05" melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird die Kursortänderung geprüft, aber nicht gespeichert
    Angenommen heute ist der 20.04.2027
    Und eine Kursortänderung für Kursabschnitt "3" zum Kursort "KO-10000001-05"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Kursortänderung melde
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3035"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt für den Kursabschnitt "3" keine Kursortänderung
