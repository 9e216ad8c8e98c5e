# language: de
@LidPruefungAuskunft
Funktionalität: LiD-Prüfung Auskunft
  Die Auskunft zeigt die beim BAMF gespeicherten Daten einer Prüfung und ihre Prüflinge, nur für Prüfungen,
  die der Kursträger selbst erfasst hat (itm:MANAGER 10.5). Identifizierte Prüflinge stehen darin mit
  Geburtsdatum und BAMF-Personenkennziffer, Selbstzahler mit ihren Angaben (inge-public-facts.md §8.3,
  rekonstruiert). Die Prüfung eines anderen Kursträgers wird wie eine unbekannte behandelt.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027
    Und ich habe eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027 erfasst

  @quelle:ITM
  Szenario: Auskunft über die eigene Prüfung mit ihren Prüflingen
    Angenommen eine Meldung der Person "Gebreyesus, Senait" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem die Person "Nazari, Hamid" aus Testfall "LID-1" mit ihrem Aktenzeichen der Art "ABH"
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Und ich die Auskunft zu dieser LiD-Prüfung anfordere
    Dann ist der Status "verarbeitet"
    Und die LiD-Auskunft zeigt den Prüfungsstatus "erfasst"
    Und die LiD-Auskunft zeigt die zuletzt gespeicherten Prüfungsdaten
    Und die LiD-Auskunft zeigt die gemeldeten Prüflinge

  @quelle:ITM
  Szenario: Eine unbekannte Prüfungsnummer
    Wenn ich die Auskunft zur LiD-Prüfung "L999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |
    Und die Antwort enthält keines der Elemente "Pruefung"

  @quelle:ITM
  Szenario: Die Prüfung eines anderen Kursträgers wird nicht beauskunftet
    Angenommen ich bin als anderer Kursträger angemeldet
    Wenn ich die Auskunft zu dieser LiD-Prüfung anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |
    Und die Antwort enthält keines der Elemente "Pruefung"
    Und die Meldung "M5010" lautet wie für eine unbekannte Prüfungsnummer
