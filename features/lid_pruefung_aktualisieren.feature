# language: de
@LidPruefungAktualisieren
Funktionalität: LiD-Prüfung aktualisieren
  Der Kursträger ändert eine Prüfung, die er selbst erfasst und nicht storniert hat (itm:MANAGER 10.5), bis
  zum Prüfungstag; auch das neue Prüfungsdatum liegt mindestens zwei Wochen nach dem Tag der Änderung.
  Nach dem Prüfungstag ist keine Änderung mehr möglich (rekonstruiert).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027
    Und ich habe eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027 erfasst

  @quelle:ITM
  Szenario: Datum, Beginn und Raum einer Prüfung werden geändert
    Angenommen eine Aktualisierung dieser LiD-Prüfung auf den 21.04.2027
    Und das Feld "Pruefung/Beginnzeit" hat den Wert "13:30"
    Und das Feld "Pruefung/Raumnummer" hat den Wert "2.11"
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5021"
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @quelle:ITM
  Szenario: Das neue Prüfungsdatum darf genau zwei Wochen nach heute liegen
    Angenommen eine Aktualisierung dieser LiD-Prüfung auf den 24.03.2027
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @quelle:ITM
  Szenario: Ein neues Prüfungsdatum weniger als zwei Wochen nach heute wird abgelehnt
    Angenommen eine Aktualisierung dieser LiD-Prüfung auf den 23.03.2027
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                    |
      | M5002 | Pruefung/Pruefungsdatum |
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @quelle:ITM
  Szenario: Eine unbekannte Prüfungsnummer
    Angenommen eine Aktualisierung dieser LiD-Prüfung
    Aber das Feld "Pruefungsnummer" hat den Wert "L999999999"
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |

  @quelle:ITM
  Szenario: Die Prüfung eines anderen Kursträgers kann nicht geändert werden
    Angenommen ich bin als anderer Kursträger angemeldet
    Und eine Aktualisierung dieser LiD-Prüfung auf den 21.04.2027
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |
    Und die Meldung "M5010" lautet wie für eine unbekannte Prüfungsnummer
    Und ich bin als Kursträger angemeldet
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @rekonstruiert
  Szenario: Eine stornierte Prüfung kann nicht mehr geändert werden
    Angenommen ich habe die LiD-Prüfung storniert
    Und eine Aktualisierung dieser LiD-Prüfung auf den 21.04.2027
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5011 | Pruefungsnummer |
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @rekonstruiert
  Szenario: Nach dem Prüfungstag kann die Prüfung nicht mehr geändert werden
    Angenommen heute ist der 15.04.2027
    Und eine Aktualisierung dieser LiD-Prüfung auf den 12.05.2027
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5012 | Pruefungsnummer |
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten

  @quelle:ITM
  Szenario: Mit Rollback wird die Änderung geprüft, aber nicht gespeichert
    Angenommen eine Aktualisierung dieser LiD-Prüfung auf den 21.04.2027
    Und die Anfrage ist als Rollback markiert
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M5021"
    Und die LiD-Auskunft zu dieser Prüfung zeigt die zuletzt gespeicherten Prüfungsdaten
