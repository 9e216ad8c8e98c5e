# language: de
@KursplanungStornieren
Funktionalität: Kursplanung stornieren
  Eine Kursplanung, deren Kurs nicht stattfindet, storniert der Kursträger mit einem
  Stornierungsgrund (Codeliste 814). Nach der Kursbeginnmeldung ist das nicht mehr möglich;
  eine stornierte Kursplanung kann nicht mehr verwendet werden.
  Quellen: inge-public-facts.md §2.7 (Q-KP), itm:MANAGER 10.3.1.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst

  @quelle:Q-KP
  Szenario: Eine Kursplanung wird vor dem Kursbeginn storniert
    Angenommen heute ist der 15.03.2027
    Und eine Stornierung dieser Kursplanung mit dem Grund "02"
    Wenn ich die Kursplanung storniere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3031"
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:Q-KP
  Szenario: Ohne Kursbeginnmeldung kann auch nach dem geplanten Kursbeginn storniert werden
    Angenommen heute ist der 08.04.2027
    Und eine Stornierung dieser Kursplanung mit dem Grund "02"
    Wenn ich die Kursplanung storniere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3031"

  @quelle:Q-TESTANM
  Szenario: Der Stornierungsgrund ist Pflicht
    Angenommen eine Stornierung dieser Kursplanung mit dem Grund "02"
    Aber in der Anfrage fehlen die Felder:
      | Feld              |
      | Stornierungsgrund |
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1001" zum Feld "Stornierungsgrund"

  @quelle:ITM
  Szenario: Ein Stornierungsgrund außerhalb der Codeliste wird abgelehnt
    Angenommen eine Stornierung dieser Kursplanung mit dem Grund "77"
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1002" zum Feld "Stornierungsgrund"

  @quelle:ITM
  Szenario: Nach der Kursbeginnmeldung kann nicht mehr storniert werden
    Angenommen heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3012" zum Feld "Kurskennung"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "begonnen"

  @quelle:Q-KP
  Szenario: Eine stornierte Kursplanung kann nicht noch einmal storniert werden
    Angenommen ich habe die Kursplanung storniert
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3010" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Angenommen eine Stornierung dieser Kursplanung mit dem Grund "01"
    Aber das Feld "Kurskennung" hat den Wert "K999999999"
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Die Kursplanung eines anderen Kursträgers kann nicht storniert werden
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursplanung storniere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:ITM
  Szenario: Mit Rollback wird die Stornierung geprüft, aber nichts geändert
    Angenommen eine Stornierung dieser Kursplanung mit dem Grund "01"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Kursplanung storniere
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M3031"
    Und die Kursauskunft zu dieser Kurskennung zeigt den Kursstatus "geplant"
