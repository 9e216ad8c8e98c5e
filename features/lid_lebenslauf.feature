# language: de
@LidPruefungErfassen @LidPruefungAktualisieren @LidPruefungStornieren @LidTeilnehmendeMelden @LidPruefungAuskunft
Funktionalität: LiD-Prüfung – der Lebenslauf einer Prüfung
  Ein als Prüfstelle zugelassener Kursträger (§ 20a IntV) erfasst einen Test „Leben in Deutschland“
  mindestens zwei Wochen im Voraus und erhält dafür eine Prüfungsnummer. Er kann die Prüfung ändern, ihre
  Prüflinge melden – auch Selbstzahler –, beim BAMF nachsehen, was gespeichert ist, und sie stornieren.
  Quellen: itm:MANAGER 10.5, inge-public-facts.md §2.13 bis §2.17 (Q-LID, CMX-SYS, BAMF-LF4).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027

  @quelle:Q-LID @quelle:ITM
  Szenario: Erfassen, ändern, Prüflinge melden, beauskunften und stornieren
    Angenommen eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027
    Wenn ich die LiD-Prüfung erfasse
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält eine neue Prüfungsnummer
    Und die Meldung "M5020" nennt die Prüfungsnummer

    Angenommen eine Aktualisierung dieser LiD-Prüfung auf den 21.04.2027
    Und das Feld "Pruefung/Raumnummer" hat den Wert "2.11"
    Wenn ich die LiD-Prüfung aktualisiere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5021"

    Angenommen eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5023"

    Wenn ich die Auskunft zu dieser LiD-Prüfung anfordere
    Dann ist der Status "verarbeitet"
    Und die LiD-Auskunft zeigt den Prüfungsstatus "erfasst"
    Und die LiD-Auskunft zeigt die zuletzt gespeicherten Prüfungsdaten
    Und die LiD-Auskunft zeigt die gemeldeten Prüflinge

    Wenn ich die LiD-Prüfung storniere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5022"
    Und die LiD-Auskunft zu dieser Prüfung zeigt den Prüfungsstatus "storniert"
    Und die LiD-Auskunft zeigt die gemeldeten Prüflinge
