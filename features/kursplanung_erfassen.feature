# language: de
@KursplanungErfassen
Funktionalität: Kursplanung erfassen
  Der Kursträger meldet einen geplanten Kurs möglichst drei Monate vor Beginn, damit das BAMF
  Teilnahmeberechtigte zusteuern kann. Das BAMF vergibt dafür eine Kurskennung.
  Quellen: inge-public-facts.md §2.5 bis §2.7 (CMX-VER, Q-KP, ABESO-KURS), itm:MANAGER 10.5.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @quelle:CMX-VER
  Szenario: Eine vollständige Kursplanung wird gespeichert
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält eine neue Kurskennung
    Und die Antwort enthält die Meldung "M3000"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"

  @quelle:Q-TESTANM
  Szenario: Fehlende Pflichtfelder werden alle zugleich gemeldet
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber in der Anfrage fehlen die Felder:
      | Feld                   |
      | Kursplanung/Kursart    |
      | Kursplanung/Kursbeginn |
      | Kursplanung/Kursort    |
      | Kursplanung/TnrKursMax |
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                   |
      | M1001 | Kursplanung/Kursart    |
      | M1001 | Kursplanung/Kursbeginn |
      | M1001 | Kursplanung/Kursort    |
      | M1001 | Kursplanung/TnrKursMax |
    Und die Antwort enthält keine Kurskennung

  @quelle:ITM
  Szenario: Ein Schlüssel außerhalb der Codeliste wird abgelehnt
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Kursart" hat den Wert "77"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1002" zum Feld "Kursplanung/Kursart"

  @quelle:Q-KB
  Szenario: Ein unbekannter Kursort wird abgelehnt
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-99999999-01"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Kursplanung/Kursort"

  @quelle:Q-KB
  Szenario: Der Kursort eines anderen Kursträgers wird abgelehnt
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Kursort" hat den Wert "KO-10000002-01"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Kursplanung/Kursort"

  @quelle:ABES-TN
  Szenario: Eine Person, die das BAMF nicht kennt, wird nicht identifiziert
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Teilnehmer[1]/Ident/Geburtsdatum" hat den Wert "1901-01-01"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Kursplanung/Teilnehmer[1]/Ident"

  @quelle:ITM
  Szenario: Kursvergütung Mindestbetrag gehört in die Kursbeginnmeldung, nicht in die Kursplanung
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag" hat den Wert "true"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3007" zum Feld "Kursplanung/Zusatzangaben/KursverguetungMindestbetrag"

  @quelle:CMX-VER
  Szenario: Eine Kursplanung nach dem Kursbeginn braucht einen Grund für die Nachmeldung
    Angenommen heute ist der 10.03.2027
    Und eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn am 08.03.2027
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3004" zum Feld "Kursplanung/Nachmeldungsgrund"

  @quelle:CMX-VER
  Szenario: Am Tag des Kursbeginns ist der Kurs begonnen, die Kursplanung also nachgemeldet
    # Derselbe Stichtag wie für die Aktualisierung, die am Tag des Kursbeginns endet.
    Angenommen heute ist der 08.03.2027
    Und eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn am 08.03.2027
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3004" zum Feld "Kursplanung/Nachmeldungsgrund"

  @quelle:BAMF-KT @quelle:CMX-VER
  Szenario: Am Vortag des Kursbeginns braucht die Kursplanung keinen Grund
    Angenommen heute ist der 07.03.2027
    Und eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn am 08.03.2027
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält nicht die Meldung "M3004"
    Und die Antwort enthält die Meldung "M3036" zum Feld "Kursplanung/Kursbeginn"

  @quelle:CMX-VER
  Szenario: Eine nachgemeldete Kursplanung mit Grund wird gespeichert
    Angenommen heute ist der 10.03.2027
    Und eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn am 08.03.2027
    Aber das Feld "Kursplanung/Nachmeldungsgrund" hat den Wert "01"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3000"

  @quelle:BAMF-KT @quelle:CMX-VER
  Szenario: Weniger als drei Monate vor dem Kursbeginn gibt es einen Hinweis
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                   |
      | M3000 |                        |
      | M3036 | Kursplanung/Kursbeginn |

  @quelle:BAMF-KT @quelle:CMX-VER
  Szenario: Drei Monate und mehr vor dem Kursbeginn gibt es keinen Hinweis
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 14 Wochen
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M3000 |      |

  @quelle:ABES-SPAET
  Szenario: Wer nur den Orientierungskurs besuchen soll, wird nicht eingeplant
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 14 Wochen
    Aber das Feld "Kursplanung/Teilnehmer[2]/Kursabschnitt" hat den Wert "OK"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3039" zum Feld "Kursplanung/Teilnehmer[2]/Kursabschnitt"

  @rekonstruiert
  Szenario: Ein Kursabschnitt findet zugleich an einem weiteren Kursort statt
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 14 Wochen
    Aber das Feld "Kursplanung/Abschnitt[2]/WeitererKursort[1]" hat den Wert "KO-10000001-02"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt für den Kursabschnitt "2" die weiteren Kursorte "KO-10000001-02"

  @quelle:Q-KB
  Szenario: Auch ein weiterer Kursort muss ein Kursort des Kursträgers sein
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 14 Wochen
    Aber das Feld "Kursplanung/Abschnitt[2]/WeitererKursort[1]" hat den Wert "KO-10000002-01"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3001" zum Feld "Kursplanung/Abschnitt[2]/WeitererKursort[1]"

  @rekonstruiert
  Szenario: Ein Kursende vor dem Kursbeginn wird abgelehnt
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Kursende" liegt 1 Tag vor dem Kursbeginn
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3003" zum Feld "Kursplanung/Kursende"

  @rekonstruiert
  Szenario: Ein ungültiges Datum ist ein technischer Fehler
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Aber das Feld "Kursplanung/Kursbeginn" hat den Wert "01.04.2027"
    Wenn ich die Kursplanung erfasse
    Dann antwortet der Dienst mit dem Fault "F108" zum Feld "Kursplanung/Kursbeginn"

  @quelle:ITM @quelle:Q-KA
  Szenario: Mit Rollback wird geprüft, aber nichts gespeichert
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Kursauskunft zu dieser Kurskennung meldet "M3002"
