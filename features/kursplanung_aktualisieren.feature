# language: de
@KursplanungAktualisieren
Funktionalität: Kursplanung aktualisieren
  Eine gespeicherte Kursplanung kann der Kursträger vor dem Beginn des ersten Kursabschnitts
  beliebig oft aktualisieren; es gelten dieselben Regeln wie beim Erfassen. Eine stornierte
  Kursplanung kann nicht mehr verwendet werden.
  Quellen: inge-public-facts.md §2.6 und §2.7 (CMX-VER, Q-KP), itm:MANAGER 10.3.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst

  @quelle:CMX-VER
  Szenario: Eine Aktualisierung vor dem Kursbeginn wird gespeichert
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-10000001-05"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3030"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort "KO-10000001-05"

  @quelle:CMX-VER
  Szenario: Die Kursplanung kann mehrmals aktualisiert werden, zuletzt am Vortag des Kursbeginns
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-10000001-05"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "verarbeitet"
    Angenommen heute ist der 04.04.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-10000001-04"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3030"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort "KO-10000001-04"

  @quelle:CMX-VER
  Szenario: Am Tag des geplanten Kursbeginns kann die Kursplanung nicht mehr aktualisiert werden
    Angenommen heute ist der 05.04.2027
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3011" zum Feld "Kurskennung"

  @quelle:ITM @quelle:ABES-TN @quelle:Q-KB @rekonstruiert
  Szenariogrundriss: Die Regeln der Kursplanung gelten auch für die Aktualisierung: <Regel>
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "<Code>" zum Feld "<Meldungsfeld>"

    Beispiele:
      | Regel                                      | Feld                                                  | Wert           | Code  | Meldungsfeld                                          |
      | Kursart außerhalb der Codeliste            | Kursplanung/Kursart                                   | 77             | M1002 | Kursplanung/Kursart                                   |
      | unbekannter Kursort                        | Kursplanung/Kursort                                   | KO-99999999-01 | M3001 | Kursplanung/Kursort                                   |
      | Kursort eines anderen Kursträgers          | Kursplanung/Kursort                                   | KO-10000002-01 | M3001 | Kursplanung/Kursort                                   |
      | Person, die das BAMF nicht kennt           | Kursplanung/Teilnehmer[1]/Ident/Geburtsdatum          | 1901-01-01     | M1010 | Kursplanung/Teilnehmer[1]/Ident                       |
      | unbekannte Lehrkraft                       | Kursplanung/Lehrkraft[1]/Lehrkraftkennung             | LK-0000-00000  | M3005 | Kursplanung/Lehrkraft[1]/Lehrkraftkennung             |
      | Kursende vor dem Kursbeginn                | Kursplanung/Kursende                                  | 2027-04-01     | M3003 | Kursplanung/Kursende                                  |
      | Kursvergütung Mindestbetrag in der Planung | Kursplanung/Zusatzangaben/KursverguetungMindestbetrag | true           | M3007 | Kursplanung/Zusatzangaben/KursverguetungMindestbetrag |

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Die Kursplanung eines anderen Kursträgers kann nicht aktualisiert werden
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Eine stornierte Kursplanung kann nicht aktualisiert werden
    Angenommen ich habe die Kursplanung storniert
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird die Aktualisierung geprüft, aber nichts geändert
    Angenommen heute ist der 15.03.2027
    Und eine Aktualisierung dieser Kursplanung
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-10000001-05"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Kursplanung aktualisiere
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3030"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort "KO-10000001-04"
