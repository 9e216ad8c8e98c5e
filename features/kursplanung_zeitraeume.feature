# language: de
@KursplanungErfassen
Funktionalität: Kursplanung: Zeiträume der Kursabschnitte und Unterrichtszeiten
  Jeder geplante Kursabschnitt liegt im Zeitraum des Kurses; eine Unterrichtszeit endet nach ihrem
  Beginn, und die Pause liegt in ihr. Beides ist rekonstruiert: Das Formular 630.017o kennt
  Unterrichts- und Pausenzeiten je Wochentag (KLARO-KB), eine Regel dazu nennt keine Quelle.
  Quellen: inge-public-facts.md §2.5 (Q-KP, ABESO-KURS: Inhalt der Kursplanung), §2.8 (KLARO-KB).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen

  @rekonstruiert
  Szenario: Ein Kursabschnitt, der vor dem Kursbeginn beginnt, wird abgelehnt
    Aber das Feld "Kursplanung/Abschnitt[1]/Beginn" liegt 1 Tag in der Zukunft
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                     |
      | M3008 | Kursplanung/Abschnitt[1] |

  @rekonstruiert
  Szenariogrundriss: Eine ungültige Unterrichtszeit wird abgelehnt: <Regel>
    Aber das Feld "Kursplanung/Unterrichtszeit[2]/<Feld>" hat den Wert "<Wert>"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                           |
      | M3009 | Kursplanung/Unterrichtszeit[2] |

    Beispiele:
      | Regel                                | Feld        | Wert  |
      | das Ende liegt vor dem Beginn        | Ende        | 08:00 |
      | die Pause endet nach dem Unterricht  | PauseEnde   | 13:00 |
      | die Pause beginnt vor dem Unterricht | PauseBeginn | 08:00 |
