# language: de
@LidPruefungStornieren
Funktionalität: LiD-Prüfung stornieren
  Der Kursträger storniert eine Prüfung, die er selbst erfasst hat (itm:MANAGER 10.5), einmal und spätestens
  am Prüfungstag (rekonstruiert). Die Auskunft zeigt die Prüfung danach als storniert.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027
    Und ich habe eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027 erfasst

  @quelle:ITM
  Szenario: Eine Prüfung wird storniert
    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5022"
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "storniert"

  @rekonstruiert
  Szenario: Eine stornierte Prüfung kann nicht noch einmal storniert werden
    Angenommen ich habe die LiD-Prüfung storniert
    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5011 | Pruefungsnummer |

  @rekonstruiert
  Szenario: Nach dem Prüfungstag kann die Prüfung nicht mehr storniert werden
    Angenommen heute ist der 15.04.2027
    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5012 | Pruefungsnummer |
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "erfasst"

  @quelle:ITM
  Szenario: Die Prüfung eines anderen Kursträgers kann nicht storniert werden
    Angenommen ich bin als anderer Kursträger angemeldet
    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |
    Und die Meldung "M5010" lautet wie für eine unbekannte Prüfungsnummer
    Und ich bin als Kursträger angemeldet
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "erfasst"

  @quelle:ITM
  Szenario: Mit Rollback wird die Stornierung geprüft, aber nicht gespeichert
    Angenommen eine Stornierung dieser LiD-Prüfung
    Und die Anfrage ist als Rollback markiert
    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M5022"
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "erfasst"
