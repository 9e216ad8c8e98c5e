# language: de
@LidPruefungErfassen
Funktionalität: LiD-Prüfung erfassen
  Nur ein als Prüfstelle zugelassener Kursträger (§ 20a IntV, BAMF-LF4) erfasst einen Test „Leben in
  Deutschland“, mindestens zwei Wochen nach dem Tag der Erfassung (itm:MANAGER 10.5), mit Beginn, Raum, der
  E-Mail-Adresse der Ansprechperson (Q-LID), seinem Verwaltungsstandort und, wenn er will, seiner Lieferadresse
  für das Prüfungsmaterial (CMX-SYS). Das BAMF vergibt eine Prüfungsnummer (Q-LID).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027

  @quelle:Q-LID
  Szenario: Eine vollständige LiD-Prüfung wird erfasst
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält eine neue Prüfungsnummer
    Und die Meldung "M5020" nennt die Prüfungsnummer
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "erfasst"
    Und die LiD-Auskunft zeigt die zuletzt gespeicherten Prüfungsdaten

  @quelle:CMX-SYS
  Szenario: Die Lieferadresse darf fehlen
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber in der Anfrage fehlen die Felder:
      | Feld                   |
      | Pruefung/Lieferadresse |
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält eine neue Prüfungsnummer

  @quelle:ITM
  Szenario: Genau zwei Wochen nach heute reichen
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 24.03.2027
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält eine neue Prüfungsnummer

  @quelle:ITM
  Szenario: Dreizehn Tage nach heute sind zu kurzfristig
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 23.03.2027
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                    |
      | M5002 | Pruefung/Pruefungsdatum |
    Und die Antwort enthält keine Prüfungsnummer

  @quelle:BAMF-LF4
  Szenario: Ein Kursträger, der keine Prüfstelle ist, kann keine LiD-Prüfung erfassen
    Angenommen ich bin als anderer Kursträger angemeldet
    Und eine vollständige LiD-Prüfung aus Testfall "KP-2" in 4 Wochen
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                  |
      | M5001 | Mandant/Traegernummer |
    Und die Antwort enthält keine Prüfungsnummer

  @quelle:Q-KB
  Szenariogrundriss: Der Prüfungsort muss ein Kursort des Trägers sein (<Fall>)
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber das Feld "Pruefung/Pruefungsort" hat den Wert "<Pruefungsort>"
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                  |
      | M3001 | Pruefung/Pruefungsort |
    Und die Antwort enthält keine Prüfungsnummer

    Beispiele:
      | Fall                              | Pruefungsort   |
      | unbekannter Kursort               | KO-99999999-01 |
      | Kursort eines anderen Kursträgers | KO-10000002-01 |

  @rekonstruiert
  Szenariogrundriss: Eine ungültige E-Mail-Adresse der Ansprechperson (<Email>)
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber das Feld "Pruefung/KontaktEmail" hat den Wert "<Email>"
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                  |
      | M5003 | Pruefung/KontaktEmail |

    Beispiele:
      | Email                        |
      | pruefung(at)beispiel.example |
      | pruefung@localhost           |
      | pruefung@                    |

  @quelle:CMX-SYS
  Szenario: Der Verwaltungsstandort eines anderen Kursträgers wird abgelehnt
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber das Feld "Pruefung/Verwaltungsstandort" hat den Wert "VS-10000002-01"
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                         |
      | M5004 | Pruefung/Verwaltungsstandort |

  @quelle:CMX-SYS
  Szenario: Eine fremde Lieferadresse wird abgelehnt
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber das Feld "Pruefung/Lieferadresse" hat den Wert "LA-99999999-01"
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                   |
      | M5005 | Pruefung/Lieferadresse |

  @quelle:Q-TESTANM
  Szenario: Fehlende Pflichtfelder werden alle zugleich gemeldet
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Aber in der Anfrage fehlen die Felder:
      | Feld                         |
      | Pruefung/Pruefungsdatum      |
      | Pruefung/Pruefungsort        |
      | Pruefung/Raumnummer          |
      | Pruefung/KontaktEmail        |
      | Pruefung/Verwaltungsstandort |
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                         |
      | M1001 | Pruefung/Pruefungsdatum      |
      | M1001 | Pruefung/Pruefungsort        |
      | M1001 | Pruefung/Raumnummer          |
      | M1001 | Pruefung/KontaktEmail        |
      | M1001 | Pruefung/Verwaltungsstandort |
    Und die Antwort enthält keine Prüfungsnummer

  @quelle:ITM
  Szenario: Mit Rollback wird geprüft, aber nichts gespeichert, und die Prüfungsnummer nicht wieder vergeben
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Und die Anfrage ist als Rollback markiert
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M5020"
    Und die Antwort enthält eine neue Prüfungsnummer
    Und die LiD-Auskunft zu dieser Prüfung meldet "M5010"
    Wenn ich dieselbe LiD-Prüfung ohne Rollback erfasse
    Dann ist der Status "verarbeitet"
    Und die Prüfungsnummer unterscheidet sich von der vorigen
