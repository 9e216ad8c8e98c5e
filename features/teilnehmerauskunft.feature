# language: de
@Teilnehmerauskunft
Funktionalität: Teilnehmerauskunft
  Der Kursträger fragt das BAMF, was es über eine Person weiß: Personendaten, jede
  Teilnahmeberechtigung und Verpflichtung mit der ausstellenden Stelle und ihrem Aktenzeichen,
  Kontingent, Kursbesuche, Erstanmeldung, TN-Typ, KB-Typ und DTZ-Ergebnisse. Hinweise sagen, was
  die Auskunft bezweckt: weitere verpflichtende Stellen, eine nach mehr als einem Jahr ohne
  Kursbesuch erloschene Berechtigung, ein teilweise bei anderen Trägern verbrauchtes Kontingent.
  Auskunft gibt es nur zu Personen, die beim Träger angemeldet sind oder an seinen Kursen
  teilnehmen (Voreinstellung, siehe Regeln.Auskunft).
  Weil Erlöschen und Kontingent vom Tag abhängen, steht die Uhr des Kursträgers auf dem
  16.11.2026.
  Quellen: inge-public-facts.md §1.2, §2.3, §8.1 (Q-TNA, CMX-KON, BAMF-KT, XA-TS).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 16.11.2026

  @quelle:Q-TNA
  Szenario: Teilnahmeberechtigung durch das BAMF
    Wenn ich die Teilnehmerauskunft zu "Kowalczyk, Agnieszka" aus Testfall "TN-1" anfordere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält keine Meldungen
    Und die Teilnehmerauskunft nennt die Person "Kowalczyk, Agnieszka", geboren am 18.06.1990
    Und die Teilnehmerauskunft nennt den früheren Namen "Wiśniewska"
    Und die Teilnehmerauskunft nennt die Behörde "Bundesamt für Migration und Flüchtlinge" der Art "BAMF" mit dem Aktenzeichen "7100101-152" und der Zulassungsart "B"
    Und die Teilnehmerauskunft zeigt den Teilnehmer-Typ "5" und den KB-Typ "1"
    Und das Kontingent ist genehmigt 700, beansprucht 0, verfügbar 700

  @quelle:Q-TNA
  Szenario: Teilnahmeberechtigung durch die Ausländerbehörde, gefragt mit deren Kennziffer
    Wenn ich die Teilnehmerauskunft zu "Khoury, Rania" aus Testfall "TN-2" mit der Kennziffer der Art "ABH" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Person "Khoury, Rania", geboren am 03.09.1997
    Und die Teilnehmerauskunft nennt die Behörde "Landratsamt Beispielkreis – Ausländerbehörde" der Art "ABH" mit dem Aktenzeichen "ABH-09-2026-017342" und der Zulassungsart "B"
    Und die Teilnehmerauskunft zeigt den Teilnehmer-Typ "3" und den KB-Typ "2"

  @quelle:Q-TNA
  Szenario: Spätaussiedlerin mit Teilnahmeberechtigung durch das Bundesverwaltungsamt
    Wenn ich die Teilnehmerauskunft zu "Reimer, Jelena" aus Testfall "TN-3" mit der Kennziffer der Art "BVA" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Person "Reimer, Jelena", geboren am 05.12.1978
    Und die Teilnehmerauskunft nennt den früheren Namen "Dück"
    Und die Teilnehmerauskunft nennt die Behörde "Bundesverwaltungsamt – Außenstelle Friedland" der Art "BVA" mit dem Aktenzeichen "BVA-2026-204517" und der Zulassungsart "B"
    Und die Teilnehmerauskunft zeigt den Teilnehmer-Typ "7" und den KB-Typ "2"

  @quelle:Q-TNA
  Szenario: Verpflichtung durch das Jobcenter, gefragt mit der Kundennummer
    Wenn ich die Teilnehmerauskunft zu "Amiri, Farhad" aus Testfall "TN-4" mit der Kennziffer der Art "TGS" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Behörde "Jobcenter Beispielstadt" der Art "TGS" mit dem Aktenzeichen "962D311842" und der Zulassungsart "V"
    Und die Teilnehmerauskunft zeigt den Teilnehmer-Typ "8" und den KB-Typ "3"
    Und das Kontingent ist genehmigt 700, beansprucht 0, verfügbar 700

  @quelle:BAMF-KT
  Szenario: Zwei Stellen verpflichten dieselbe Person, beide sind zu informieren
    Wenn ich die Teilnehmerauskunft zu "Woldemariam, Saba" aus Testfall "TN-5" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Behörden "Stadt Beispielstadt – Ausländerbehörde" und "Jobcenter Beispielstadt"
    Und die Teilnehmerauskunft nennt die Behörde "Stadt Beispielstadt – Ausländerbehörde" der Art "ABH" mit dem Aktenzeichen "ABH-09-2026-021905" und der Zulassungsart "V"
    Und die Teilnehmerauskunft nennt die Behörde "Jobcenter Beispielstadt" der Art "TGS" mit dem Aktenzeichen "962D318077" und der Zulassungsart "V"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2032 |      |
    Und die Meldung "M2032" nennt "Jobcenter Beispielstadt, Stadt Beispielstadt – Ausländerbehörde"

  @quelle:BAMF-KT
  Szenario: Nach mehr als einem Jahr ohne Kursbesuch ist die Berechtigung erloschen
    # Letzter Kursbesuch bis 28.02.2025; am 28.02.2026 genau ein Jahr, erloschen ab 01.03.2026.
    Wenn ich die Teilnehmerauskunft zu "Çelik, Mustafa" aus Testfall "TN-6" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnahmeberechtigung "ABH-09-2024-008815" ist am 01.03.2026 erloschen
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2031 |      |
    Und die Meldung "M2031" nennt "01.03.2026"

  @quelle:BAMF-KT
  Szenario: Nach genau einem Jahr ohne Kursbesuch ist die Berechtigung noch nicht erloschen
    Angenommen heute ist der 28.02.2026
    Wenn ich die Teilnehmerauskunft zu "Çelik, Mustafa" aus Testfall "TN-6" anfordere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält nicht die Meldung "M2031"
    Und die Teilnehmerauskunft zeigt einen Kursbesuch beim Kursträger "10000001" mit den Kursabschnitten "1, 2" zu je 100 UE
    Und das Kontingent ist genehmigt 700, beansprucht 200, verfügbar 500

  @quelle:BAMF-KT
  Szenario: Das Kontingent ist teilweise bei einem anderen Kursträger verbraucht
    Wenn ich die Teilnehmerauskunft zu "Lysenko, Oksana" aus Testfall "TN-7" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft zeigt einen Kursbesuch beim Kursträger "10000099" mit den Kursabschnitten "1, 2, 3" zu je 100 UE
    Und das Kontingent ist genehmigt 700, beansprucht 300, verfügbar 400
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2033 |      |
    Und die Meldung "M2033" nennt "300 von 700"

  @quelle:CMX-KON
  Szenario: Zulassung zur Kurswiederholung und DTZ-Ergebnis
    Wenn ich die Teilnehmerauskunft zu "Osmani, Arben" aus Testfall "TN-8" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Behörde "Bundesamt für Migration und Flüchtlinge" der Art "BAMF" mit dem Aktenzeichen "7800901-121" und der Zulassungsart "W"
    Und die Teilnehmerauskunft zeigt das Aktenzeichen Wiederholer "7800901-121"
    Und die Teilnehmerauskunft zeigt das DTZ-Ergebnis "A2" vom 14.02.2026
    Und das Kontingent ist genehmigt 700, beansprucht 700, verfügbar 0

  @quelle:BAMF-KT
  Szenario: Eine stornierte Zulassung zur Kurswiederholung und zwei DTZ-Ergebnisse
    Wenn ich die Teilnehmerauskunft zu "Berisha, Drita" aus Testfall "TN-9" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnahmeberechtigung "7900902-121" ist am 30.06.2026 storniert
    Und die Teilnehmerauskunft zeigt das DTZ-Ergebnis "A2" vom 15.11.2025
    Und die Teilnehmerauskunft zeigt das DTZ-Ergebnis "B1" vom 16.05.2026
    Und die Teilnahmeberechtigung "7900102-121" ist am 01.11.2026 erloschen
    Und die Antwort enthält die Meldung "M2031"

  @KursplanungErfassen @KursbeginnMelden
  @quelle:Q-TNA
  Szenario: Ein dem BAMF gemeldeter Kursabschnitt erscheint als Kursbesuch
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn am 30.11.2026
    Und die Kursplanung nennt zusätzlich "Khoury, Rania" aus Testfall "TN-2"
    Und ich habe diese Kursplanung erfasst
    Und heute ist der 01.12.2026
    Und ich habe den Kursbeginn gemeldet
    Wenn ich die Teilnehmerauskunft zu "Khoury, Rania" aus Testfall "TN-2" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft zeigt diesen Kurs mit dem Kursabschnitt "1" zu 100 UE
    Und das Kontingent ist genehmigt 700, beansprucht 100, verfügbar 600
    Und die Antwort enthält nicht die Meldung "M2033"

  @quelle:ABES-TN
  Szenario: Zwillinge mit demselben Geburtsdatum unterscheidet das Aktenzeichen
    Wenn ich die Teilnehmerauskunft zu "Darwish, Omar" aus Testfall "TN-11" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Person "Darwish, Omar", geboren am 15.08.2000
    Wenn ich die Teilnehmerauskunft zu "Darwish, Huda" aus Testfall "TN-11" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Person "Darwish, Huda", geboren am 15.08.2000
    Wenn ich die Teilnehmerauskunft mit dem Geburtsdatum 15.08.2000 und der Kennziffer "ABH-09-2026-020115" der Art "ABH" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft nennt die Person "Darwish, Huda", geboren am 15.08.2000

  @quelle:ABES-TN
  Szenario: Das Aktenzeichen allein identifiziert niemanden
    Wenn ich die Teilnehmerauskunft mit dem Geburtsdatum 16.08.2000 und der Kennziffer "8100101-475" der Art "BAMF" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Ident"
    Und die Teilnehmerauskunft enthält keine Teilnehmerdaten

  @quelle:ABES-TN
  Szenario: Eine dem BAMF unbekannte Person wird nicht identifiziert
    Wenn ich die Teilnehmerauskunft zu der dem BAMF unbekannten Person "Mansour, Karim" aus Testfall "TN-10", geboren am 12.12.1999, mit der Kennziffer "8000101-475" der Art "BAMF" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld  |
      | M1010 | Ident |
    Und die Teilnehmerauskunft enthält keine Teilnehmerdaten

  @quelle:BAMF-KT
  Szenario: Keine Auskunft zu einer Person, die bei einem anderen Träger angemeldet ist
    Wenn ich die Teilnehmerauskunft zu "Hosseini, Reza" aus Testfall "TN-12" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2030" zum Feld "Ident"
    Und die Teilnehmerauskunft enthält keine Teilnehmerdaten

  @quelle:BAMF-KT
  Szenario: Ein anderer Kursträger erhält keine Auskunft zu den Personen dieses Trägers
    Angenommen ich bin als anderer Kursträger angemeldet
    Wenn ich die Teilnehmerauskunft zu "Kowalczyk, Agnieszka" aus Testfall "TN-1" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2030" zum Feld "Ident"
    Und die Teilnehmerauskunft enthält keine Teilnehmerdaten
