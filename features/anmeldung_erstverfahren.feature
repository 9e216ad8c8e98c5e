# language: de
@AnmeldungErstverfahren
Funktionalität: Anmeldung im Erstverfahren
  Der Kursträger meldet jede Person beim BAMF an, bevor er sie in einen Kurs aufnimmt: die Daten
  des Anmeldeformulars 630.016 (§ 7 Abs. 1 IntV). Die Person wird mit Geburtsdatum und einem
  Aktenzeichen identifiziert; Namen enthalten keine Ziffern und Sonderzeichen; die Wohnanschrift
  ist vollständig, ein Bundesland gibt es nur im Inland; Bildungsstand (ISCED), Schuljahre nur bei
  ISCED 1, Schreibkundigkeit und ein Einstufungstest mit Datum, Kursart und Kursabschnitt, es sei
  denn, er ist verzichtbar. Eine zweite Erstanmeldung derselben Person wird abgelehnt
  (Voreinstellung von mockinge; die Quellen widersprechen sich, siehe Regeln.Zweitanmeldung).
  Die Szenarien laufen am echten Datum. Herr Popescu (TN-1) wird je Mock einmal angemeldet, Frau
  Sharifi (TN-2) nie: ihre Anmeldungen werden abgelehnt oder als Rollback gesendet.
  Quellen: inge-public-facts.md §2, §2.1, §4 (ABES-TN, Q-TESTANM, KLARO-AN, CMX-TEV, Q-KB).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @quelle:CMX-TEV
  Szenario: Eine vollständige Erstanmeldung wird gespeichert, danach kann die Person einen Kurs besuchen
    Angenommen eine vollständige Erstanmeldung für "Popescu, Andrei" aus Testfall "TN-1"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2000 |      |
    Wenn ich die Teilnehmerauskunft zu "Popescu, Andrei" aus Testfall "TN-1" anfordere
    Dann ist der Status "verarbeitet"
    Und die Teilnehmerauskunft zeigt die Erstanmeldung beim Kursträger "10000001" mit dem Bildungsstand "3A"
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Und die Kursplanung nennt zusätzlich "Popescu, Andrei" aus Testfall "TN-1"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"

  @quelle:ITM
  Szenario: Die Person wird mit der Kennziffer der Ausländerbehörde identifiziert
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Und die Person wird mit ihrer Kennziffer der Art "ABH" identifiziert
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M1003 |      |

  @quelle:ITM @quelle:BAMF-KT
  Szenario: Mit Rollback wird geprüft, aber nichts gespeichert
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M2000"
    # Nicht angemeldet: der Träger erhält keine Auskunft zu ihr.
    Wenn ich die Teilnehmerauskunft zu "Sharifi, Mina" aus Testfall "TN-2" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2030" zum Feld "Ident"

  @quelle:ABES-TN
  Szenario: Eine dem BAMF unbekannte Person wird nicht identifiziert
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber die Anfrage gilt der dem BAMF unbekannten Person "Mansour, Karim" aus Testfall "TN-10", geboren am 12.12.1999, mit der Kennziffer "8000101-475" der Art "BAMF"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Anmeldung/Ident"

  @quelle:ABES-TN
  Szenario: Geburtsdatum und Aktenzeichen müssen zu derselben Person gehören
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Ident/Geburtsdatum" hat den Wert "1999-01-24"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1010" zum Feld "Anmeldung/Ident"

  @quelle:Q-TESTANM
  Szenariogrundriss: Namen mit Ziffern oder Sonderzeichen werden abgelehnt
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2001" zum Feld "<Feld>"

    Beispiele:
      | Feld                   | Wert        |
      | Anmeldung/Familienname | Sharifi2    |
      | Anmeldung/Vorname      | Mina!       |
      | Anmeldung/Geburtsname  | Al_Sharifi  |

  @quelle:ITM
  Szenario: Eine Anschrift im Ausland hat kein Bundesland
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Anschrift/Staat" hat den Wert "423"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2002" zum Feld "Anmeldung/Anschrift/Bundesland"

  @rekonstruiert
  Szenario: Eine Anschrift im Inland braucht das Bundesland
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                           |
      | Anmeldung/Anschrift/Bundesland |
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2003" zum Feld "Anmeldung/Anschrift/Bundesland"

  @rekonstruiert
  Szenario: Eine inländische Postleitzahl hat fünf Ziffern
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Anschrift/Postleitzahl" hat den Wert "9199"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2004" zum Feld "Anmeldung/Anschrift/Postleitzahl"

  @quelle:ITM
  Szenario: Bei Bildungsstand ISCED 1 fehlt die Anzahl der Schuljahre
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Bildungsstand" hat den Wert "1"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2005" zum Feld "Anmeldung/Schuljahre"

  @quelle:ITM
  Szenario: Schuljahre sind nur bei Bildungsstand ISCED 1 nötig, bei anderen ein Hinweis
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Schuljahre" hat den Wert "9"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                 |
      | M1003 |                      |
      | M2006 | Anmeldung/Schuljahre |

  @quelle:ITM
  Szenario: Eine Person mit nur einem Namen wird mit ihm als Familienname angemeldet
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber in der Anfrage fehlen die Felder:
      | Feld              |
      | Anmeldung/Vorname |
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M1003 |      |

  @quelle:ITM
  Szenario: Ein Postfach wird als Teil der Anschrift übermittelt
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Und das Feld "Anmeldung/Anschrift/Postfach" hat den Wert "Postfach 12 34"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M1003 |      |

  @quelle:ITM
  Szenario: ISCED 1 mit Schuljahren ist zulässig
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Bildungsstand" hat den Wert "1"
    Und das Feld "Anmeldung/Schuljahre" hat den Wert "6"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"

  @quelle:Q-TESTANM
  Szenario: Ohne Verzicht braucht der Einstufungstest Datum, Kursart und Kursabschnitt
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                                               |
      | Anmeldung/Einstufungstest/Testdatum                |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt |
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                                               |
      | M1001 | Anmeldung/Einstufungstest/Testdatum                |
      | M1001 | Anmeldung/Einstufungstest/EmpfohleneKursart        |
      | M1001 | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt |

  @quelle:ITM
  Szenario: Ist der Einstufungstest verzichtbar, genügt der Verzicht
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                                               |
      | Anmeldung/Einstufungstest/Testdatum                |
      | Anmeldung/Einstufungstest/EmpfohleneKursart        |
      | Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt |
    Und das Feld "Anmeldung/Einstufungstest/Verzichtbar" hat den Wert "true"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"

  @quelle:Q-TESTANM
  Szenario: Fehlende Pflichtfelder werden alle zugleich gemeldet
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber in der Anfrage fehlen die Felder:
      | Feld                           |
      | Anmeldung/Geburtsort           |
      | Anmeldung/Geschlecht           |
      | Anmeldung/Staatsangehoerigkeit |
      | Anmeldung/Bildungsstand        |
      | Anmeldung/Schreibkundigkeit    |
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                           |
      | M1001 | Anmeldung/Geburtsort           |
      | M1001 | Anmeldung/Geschlecht           |
      | M1001 | Anmeldung/Staatsangehoerigkeit |
      | M1001 | Anmeldung/Bildungsstand        |
      | M1001 | Anmeldung/Schreibkundigkeit    |

  @quelle:ITM
  Szenariogrundriss: Ein Schlüssel außerhalb seiner Codeliste wird abgelehnt
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1002" zum Feld "<Feld>"

    Beispiele:
      | Feld                                        | Wert |
      | Anmeldung/Geschlecht                        | q    |
      | Anmeldung/Staatsangehoerigkeit[1]           | 999  |
      | Anmeldung/Bildungsstand                     | 7    |
      | Anmeldung/Schreibkundigkeit                 | 9    |
      | Anmeldung/Einstufungstest/EmpfohleneKursart | 11   |

  @rekonstruiert
  Szenariogrundriss: Anmeldung und Einstufungstest liegen nicht in der Zukunft
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "<Feld>" liegt 1 Tag in der Zukunft
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2007" zum Feld "<Feld>"

    Beispiele:
      | Feld                                |
      | Anmeldung/Anmeldedatum              |
      | Anmeldung/Einstufungstest/Testdatum |

  @rekonstruiert
  Szenario: Hat ein anderer Träger eingestuft, muss seine Kennziffer bekannt sein
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Einstufungstest/AbweichendeTraegernummer" hat den Wert "19999999"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2008" zum Feld "Anmeldung/Einstufungstest/AbweichendeTraegernummer"

  @quelle:BAMF-ABR
  Szenario: Der empfohlene Kursabschnitt gehört zur empfohlenen Kursart
    # Der Intensivkurs (07) hat die Kursabschnitte 1 bis 4 und den Orientierungskurs.
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Einstufungstest/EmpfohleneKursart" hat den Wert "07"
    Und das Feld "Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt" hat den Wert "6"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3022" zum Feld "Anmeldung/Einstufungstest/EmpfohlenerKursabschnitt"

  @rekonstruiert
  Szenario: Ein Grund der Kostenbefreiung setzt den Antrag voraus
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "Anmeldung/Kostenbefreiungsgrund" hat den Wert "SGB2"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2009" zum Feld "Anmeldung/Kostenbefreiungsgrund"

  @quelle:Q-TESTANM
  Szenario: Eine zweite Erstanmeldung beim selben Träger wird abgelehnt
    Angenommen eine vollständige Erstanmeldung für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2010" zum Feld "Anmeldung/Ident"
    Und die Meldung "M2010" nennt "Träger 10000001, 03.08.2026"

  @quelle:Q-TESTANM
  Szenario: Eine Person, die bei einem anderen Träger angemeldet ist, wird nicht ein zweites Mal angemeldet
    Angenommen eine vollständige Erstanmeldung für "Hosseini, Reza" aus Testfall "TN-12"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2010" zum Feld "Anmeldung/Ident"
    Und die Meldung "M2010" nennt "Träger 10000002"

  @KursplanungErfassen @KursbeginnMelden @quelle:Q-KB
  Szenario: Eine beim Träger noch nicht angemeldete Person wird eingeplant, aber nicht als Kursbeginn gemeldet
    # Die Kursplanung nennt die "bereits eingeplanten" Personen (BAMF-KT); angemeldet sein müssen
    # alle erst zur Kursbeginnmeldung (Q-KB, ABES-KB).
    Angenommen heute ist der 01.03.2027
    Und eine vollständige Kursplanung aus Testfall "KL-1" mit Kursbeginn am 05.04.2027
    Und die Kursplanung nennt zusätzlich "Nazari, Hamid" aus Testfall "LID-1"
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "verarbeitet"
    Angenommen heute ist der 06.04.2027
    Wenn ich den Kursbeginn melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M1012" zum Feld "Kursbeginn/Teilnehmer[9]"

  # Die Werte einiger Beispiele enthalten unsichtbare Zeichen: ZWNJ (U+200C) in „علی‌رضا“ und „حسن‌زاده“,
  # ZWJ (U+200D) in „लक्‍ष्मी“; die Schreibweise „Nguyễn“ der zweiten Zeile ist zerlegt (NFD: e, Zirkumflex,
  # Tilde). Am Anfang der letzten beiden abgelehnten Werte steht ein ZWNJ bzw. ein Akut ohne Buchstaben.
  @quelle:Q-TESTANM
  Szenariogrundriss: Namen in jeder Schrift werden angenommen, mit ihren Zeichen und Verbindern
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "geprueft"
    Und die Antwort enthält nicht die Meldung "M2001"

    Beispiele:
      | Feld                   | Wert                 | Schrift                        |
      | Anmeldung/Familienname | Nguyễn               | Vietnamesisch (NFC)            |
      | Anmeldung/Familienname | Nguyễn                | Vietnamesisch (NFD)            |
      | Anmeldung/Familienname | مُحَمَّد               | Arabisch mit Vokalzeichen      |
      | Anmeldung/Vorname      | علی‌رضا               | Persisch mit ZWNJ              |
      | Anmeldung/Familienname | حسن‌زاده              | Persisch mit ZWNJ              |
      | Anmeldung/Vorname      | लक्‍ष्मी               | Devanagari mit Virama und ZWJ  |
      | Anmeldung/Familienname | முருகன்               | Tamil                          |
      | Anmeldung/Familienname | Παπαδόπουλος         | Griechisch                     |
      | Anmeldung/Vorname      | Ёлкина-Смирнова      | Kyrillisch mit Bindestrich     |
      | Anmeldung/Familienname | 王小明               | Chinesisch                     |
      | Anmeldung/Vorname      | ተስፋይ                 | Ge'ez (Tigrinya)               |

  @quelle:Q-TESTANM
  Szenariogrundriss: Ein Verbinder oder ein Zeichen außerhalb eines Worts wird abgelehnt
    Angenommen eine vollständige Erstanmeldung für "Sharifi, Mina" aus Testfall "TN-2"
    Aber das Feld "<Feld>" hat den Wert "<Wert>"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2001" zum Feld "<Feld>"

    Beispiele:
      | Feld                   | Wert      | Grund                          |
      | Anmeldung/Familienname | Mina٢     | arabisch-indische Ziffer       |
      | Anmeldung/Vorname      | علي،      | arabisches Komma               |
      | Anmeldung/Vorname      | ‌علی      | ZWNJ am Wortanfang             |
      | Anmeldung/Familienname | ́Sharifi  | Akut ohne Buchstaben           |
