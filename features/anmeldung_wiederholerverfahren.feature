# language: de
@AnmeldungWiederholerverfahren
Funktionalität: Anmeldung im Wiederholerverfahren
  Wer im Deutsch-Test für Zuwanderer das Niveau B1 nicht erreicht hat, kann vom BAMF zur
  Kurswiederholung zugelassen werden und erhält dafür ein neues Aktenzeichen, das Aktenzeichen
  Wiederholer. Der Kursträger meldet die Person mit diesem Aktenzeichen an (Formular 630.019);
  der Einstufungstest ist verzichtbar. Danach zeigt die Teilnehmerauskunft den Teilnehmer-Typ 6
  (Kurswiederholer). Ohne Zulassung zur Kurswiederholung wird die Anmeldung abgelehnt.
  Die Szenarien laufen am echten Datum. Herr Osmani (TN-8) wird angemeldet, Frau Dervishi (TN-8)
  nur als Rollback.
  Quellen: inge-public-facts.md §2, §2.2, §4 (CMX-TEV, Q-TESTANM, CMX-KON).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @quelle:CMX-TEV
  Szenario: Eine Person mit Zulassung zur Kurswiederholung wird angemeldet und ist danach Kurswiederholer
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2022 |      |
    Wenn ich die Teilnehmerauskunft zu "Osmani, Arben" aus Testfall "TN-8" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft zeigt den Teilnehmer-Typ "6"
    Und die Teilnehmerauskunft zeigt das Aktenzeichen Wiederholer "7800901-121"

  @quelle:CMX-TEV @quelle:ITM
  Szenario: Ohne Aktenzeichen Wiederholer identifiziert die Personenkennziffer, mit einem Hinweis
    # Das Aktenzeichen Wiederholer wird "anstelle der PK (BAMF) übermittelt, sofern es vorhanden
    # ist" (itm:MANAGER 10.3.9): eine Software, die es noch nicht kennt, meldet die PK.
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber die Person wird mit ihrer Kennziffer der Art "BAMF" identifiziert
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                         |
      | M2020 | Anmeldung/Ident/Aktenzeichen |
      | M2022 |                              |
    Und die Meldung "M2020" nennt "7800901-121"

  @quelle:Q-TESTANM
  Szenario: Alle Befunde einer Wiederholeranmeldung kommen zugleich
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Karimi, Shirin" aus Testfall "TN-9"
    Aber das Feld "Anmeldung/Familienname" hat den Wert "Karimi2"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                   |
      | M2001 | Anmeldung/Familienname |
      | M2021 | Anmeldung/Ident        |

  @quelle:Q-TESTANM
  Szenario: Ohne Zulassung zur Kurswiederholung wird nicht angemeldet
    # Frau Karimi hat die Zulassung beantragt; das BAMF hat noch nicht entschieden.
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Karimi, Shirin" aus Testfall "TN-9"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2021" zum Feld "Anmeldung/Ident"

  @quelle:Q-TESTANM
  Szenario: Eine stornierte Zulassung zur Kurswiederholung genügt nicht
    # Die Zulassung von Frau Berisha wurde am 30.06.2026 storniert.
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Berisha, Drita" aus Testfall "TN-9"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2021" zum Feld "Anmeldung/Ident"

  @quelle:ABES-TN
  Szenario: Geburtsdatum und Aktenzeichen Wiederholer müssen zu derselben Person gehören
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber das Feld "Anmeldung/Ident/Geburtsdatum" hat den Wert "1983-03-31"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Anmeldung/Ident"

  @quelle:ABES-TN
  Szenario: Eine dem BAMF unbekannte Person wird nicht identifiziert
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber die Anfrage gilt der dem BAMF unbekannten Person "Mansour, Karim" aus Testfall "TN-10", geboren am 12.12.1999, mit der Kennziffer "8000901-475" der Art "WIED"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Anmeldung/Ident"

  @quelle:Q-TESTANM
  Szenario: Namen mit Ziffern werden abgelehnt
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber das Feld "Anmeldung/Vorname" hat den Wert "Arben2"
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2001" zum Feld "Anmeldung/Vorname"

  @rekonstruiert
  Szenario: Das Anmeldedatum liegt nicht in der Zukunft
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber das Feld "Anmeldung/Anmeldedatum" liegt 1 Tag in der Zukunft
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2007" zum Feld "Anmeldung/Anmeldedatum"

  @quelle:Q-TESTANM
  Szenario: Fehlende Pflichtfelder werden alle zugleich gemeldet
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Osmani, Arben" aus Testfall "TN-8"
    Aber in der Anfrage fehlen die Felder:
      | Feld                   |
      | Anmeldung/Familienname |
      | Anmeldung/Anmeldedatum |
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                   |
      | M1001 | Anmeldung/Familienname |
      | M1001 | Anmeldung/Anmeldedatum |

  @quelle:ITM @quelle:BAMF-KT
  Szenario: Mit Rollback wird geprüft, aber nichts gespeichert
    # Frau Dervishi ist nur beim Kursträger 10000002 angemeldet.
    Angenommen eine vollständige Anmeldung im Wiederholerverfahren für "Dervishi, Elira" aus Testfall "TN-8"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Anmeldung im Wiederholerverfahren übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M2022"
    Wenn ich die Teilnehmerauskunft zu "Dervishi, Elira" aus Testfall "TN-8" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2030" zum Feld "Ident"
