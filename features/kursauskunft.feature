# language: de
@Kursauskunft
Funktionalität: Kursauskunft
  Die Kursauskunft liefert, was zuletzt in der Kursplanung oder der letzten Kurs(abschnitts)beginnmeldung
  übermittelt wurde: vor der Kursbeginnmeldung die aktive Kursplanung. Kursart, Beginn-Kursabschnitt und
  Zusatzangaben liefert sie nicht. Ein Kursträger erhält Auskunft nur über seine eigenen Kurse.
  Quellen: inge-public-facts.md §8.2 (Q-KA).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @quelle:Q-KA
  Szenario: Auskunft über den eigenen geplanten Kurs
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KA-1" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort und die Teilnehmenden der Kursplanung
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

  @quelle:Q-KA
  Szenario: Eine unbekannte Kurskennung
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  @quelle:Q-KA
  Szenario: Der Kurs eines anderen Kursträgers wird nicht beauskunftet
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"
    Und die Antwort enthält keines der Elemente "Kurs"

  @quelle:Q-KA
  Szenario: Auskunft nach dem Kursbeginn
    Angenommen heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "begonnen"
    Und die Kursauskunft zeigt den Kursabschnitt "1" als begonnen
    Und die Kursauskunft zeigt für den Kursabschnitt "1" die Lehrkraft "LK-2016-00158"
    Und die Kursauskunft zeigt den Kursabschnitt "2" als nicht begonnen
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

  @quelle:Q-KA
  Szenario: Auskunft über einen vorzeitig beendeten Kurs
    Angenommen heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und heute ist der 06.04.2027
    Und ich habe den Kursbeginn gemeldet
    Und heute ist der 04.05.2027
    Und ich den Beginn des Kursabschnitts "2" mit vorzeitigem Kursende "03" melde
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "beendet"
    Und die Kursauskunft zeigt den Kursabschnitt "2" als begonnen
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

  @quelle:Q-KP
  Szenario: Eine stornierte Kursplanung ist keine aktive Kursplanung mehr
    # Vor der Kursbeginnmeldung zeigt die Auskunft die aktive Kursplanung (Q-KA); storniert kann
    # sie nicht mehr verwendet werden (Q-KP).
    Angenommen heute ist der 01.03.2027
    Und ich habe eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027 erfasst
    Und ich habe die Kursplanung storniert
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld        |
      | M3010 | Kurskennung |
