# language: de
@Kursauskunft
Funktionalität: Kursauskunft
  Die Kursauskunft liefert, was zuletzt in der Kursplanung oder der letzten Kurs(abschnitts)beginnmeldung
  übermittelt wurde: vor der Kursbeginnmeldung die aktive Kursplanung. Kursart, Beginn-Kursabschnitt und
  Zusatzangaben liefert sie nicht. Ein Kursträger erhält Auskunft nur über seine eigenen Kurse.
  Quellen: inge-public-facts.md §8.2 (Q-KA).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  Szenario: Auskunft über den eigenen geplanten Kurs
    Angenommen ich habe eine vollständige Kursplanung aus Testfall "KA-1" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "verarbeitet"
    Und die Kursauskunft zeigt den Kursstatus "geplant"
    Und die Kursauskunft zeigt den Kursort und die Teilnehmenden der Kursplanung
    Und die Antwort enthält keines der Elemente "Kursart", "BeginnKursabschnitt", "Zusatzangaben"

  Szenario: Eine unbekannte Kurskennung
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  Szenario: Der Kurs eines anderen Kursträgers wird nicht beauskunftet
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 6 Wochen erfasst
    Wenn ich die Kursauskunft zu dieser Kurskennung anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"
    Und die Antwort enthält keines der Elemente "Kurs"
