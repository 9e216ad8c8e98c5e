# language: de
@SprachtestMelden
Funktionalität: Sprachtest melden
  Nach dem Deutsch-Test für Zuwanderer meldet der Kursträger je Prüfung die Auftragsnummer
  (seit 2023 der Platzhalter 1234567) und das Testdatum, je Prüfling die Bogennummer (sieben
  Ziffern, die erste 0, 1 oder 8), die Pass- oder Ausweisnummer, den Namen und die aktuelle
  Anschrift. Eine Bogennummer wird nur einmal gemeldet; jeder Prüfling wird identifiziert, auch
  wer nur den Test bei diesem Träger ablegt. Die Antwort kommt je Prüfling: die gültigen werden
  gespeichert, ein fehlerhafter hält die übrigen nicht auf; nur ein Fehler der Prüfung selbst
  (Kurs, Testdatum) weist die ganze Meldung ab.
  Die Szenarien laufen am echten Datum; das Testdatum liegt zwei Tage zurück, und jede
  Bogennummer ist neu.
  Quellen: inge-public-facts.md §2.4, §4 (ABESO-TEST, TRS15, Q-ST, BAMF-TEST, BAMF-LF4).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und ich habe eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen erfasst

  @quelle:ABESO-TEST
  Szenario: Drei Prüflinge werden mit der Platzhalter-Auftragsnummer gemeldet
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Sprachtestmeldung nennt auch "Amiri, Farhad" aus Testfall "TN-4"
    Und die Sprachtestmeldung nennt auch "Osmani, Arben" aus Testfall "TN-8"
    Und das Feld "Sprachtest/Pruefling[1]/Anschrift/Strasse" hat den Wert "Parkstraße 3"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2043 |      |

  @quelle:ABESO-TEST
  Szenario: Seit 2023 bekommt eine andere Auftragsnummer als der Platzhalter einen Hinweis
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Aber das Feld "Sprachtest/Auftragsnummer" hat den Wert "4711815"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                      |
      | M2040 | Sprachtest/Auftragsnummer |
      | M2043 |                           |

  @quelle:ABESO-TEST
  Szenario: Vor 2023 vergab das Testinstitut die Auftragsnummer
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Aber das Feld "Sprachtest/Auftragsnummer" hat den Wert "47118"
    Und das Feld "Sprachtest/Testdatum" hat den Wert "2022-12-31"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2043 |      |

  @quelle:ITM
  Szenario: Der Name des Prüflings wird mitgemeldet, auch nur ein Name
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Sprachtestmeldung nennt auch "Amiri, Farhad" aus Testfall "TN-4"
    Und das Feld "Sprachtest/Pruefling[1]/Familienname" hat den Wert "Kowalczyk"
    Und das Feld "Sprachtest/Pruefling[1]/Vorname" hat den Wert "Agnieszka"
    Und das Feld "Sprachtest/Pruefling[2]/Familienname" hat den Wert "Amiri"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
    Und die Rückmeldung zum 2. Prüfling lautet "verarbeitet"

  @quelle:ABESO-TEST
  Szenario: Auch wer nur den Test bei diesem Träger ablegt, wird gemeldet
    # Herr Hosseini ist beim Kursträger 10000002 angemeldet.
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Hosseini, Reza" aus Testfall "TN-12"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2043"

  @quelle:ITM
  Szenariogrundriss: Die Bogennummer hat sieben Ziffern, die erste ist 0, 1 oder 8
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Aber das Feld "Sprachtest/Pruefling[1]/Bogennummer" hat den Wert "<Bogennummer>"
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2041" zum Feld "Sprachtest/Pruefling[1]/Bogennummer"

    Beispiele:
      | Bogennummer |
      | 2123456     |
      | 012345      |
      | 01234567    |

  @quelle:Q-ST
  Szenario: Eine Bogennummer, die schon gemeldet wurde, wird abgelehnt
    Angenommen ich habe den Sprachtest für "Kowalczyk, Agnieszka" aus Testfall "TN-1" zu diesem Kurs gemeldet
    Und eine Sprachtestmeldung zu diesem Kurs für "Amiri, Farhad" aus Testfall "TN-4"
    Aber der 1. Prüfling hat die bereits gemeldete Bogennummer
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2042" zum Feld "Sprachtest/Pruefling[1]/Bogennummer"

  @quelle:Q-ST
  Szenario: Dieselbe Bogennummer zweimal in einer Meldung: der zweite Prüfling wird abgelehnt
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Sprachtestmeldung nennt auch "Amiri, Farhad" aus Testfall "TN-4"
    Aber der 2. Prüfling hat dieselbe Bogennummer wie der 1.
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2042" zum Feld "Sprachtest/Pruefling[2]/Bogennummer"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
    Und die Rückmeldung zum 2. Prüfling lautet "abgelehnt"

  @quelle:ABES-TN @quelle:ABESO-TEST
  Szenario: Eine dem BAMF unbekannte Person wird nicht identifiziert, die übrigen werden gespeichert
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Sprachtestmeldung nennt auch "Amiri, Farhad" aus Testfall "TN-4"
    Aber die Anfrage gilt der dem BAMF unbekannten Person "Mansour, Karim" aus Testfall "TN-10", geboren am 12.12.1999, mit der Kennziffer "8000101-475" der Art "BAMF"
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                          |
      | M1010 | Sprachtest/Pruefling[2]/Ident |
      | M2043 |                               |
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
    Und die Rückmeldung zum 2. Prüfling lautet "abgelehnt"

  @rekonstruiert
  Szenario: Dieselbe Person zweimal in einer Meldung: das zweite Mal wird abgelehnt
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Darwish, Omar" aus Testfall "TN-11"
    Und die Sprachtestmeldung nennt "Darwish, Omar" aus Testfall "TN-11" ein zweites Mal
    Und die Person wird mit ihrer Kennziffer der Art "ABH" identifiziert
    Wenn ich den Sprachtest melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M1011" zum Feld "Sprachtest/Pruefling[2]/Ident"
    Und die Rückmeldung zum 1. Prüfling lautet "verarbeitet"
    Und die Rückmeldung zum 2. Prüfling lautet "abgelehnt"

  @rekonstruiert
  Szenario: Ist kein Prüfling gültig, wird die ganze Meldung abgelehnt
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Sprachtestmeldung nennt auch "Amiri, Farhad" aus Testfall "TN-4"
    Aber in der Anfrage fehlen die Felder:
      | Feld                                  |
      | Sprachtest/Pruefling[1]/Ausweisnummer |
      | Sprachtest/Pruefling[2]/Ausweisnummer |
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Rückmeldung zum 1. Prüfling lautet "abgelehnt"
    Und die Rückmeldung zum 2. Prüfling lautet "abgelehnt"

  @quelle:Q-KA
  Szenario: Der Kurs eines anderen Kursträgers ist unbekannt
    Angenommen ein anderer Kursträger hat eine vollständige Kursplanung aus Testfall "KP-2" mit Kursbeginn in 8 Wochen erfasst
    Und eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Sprachtest/Kurskennung"

  @rekonstruiert
  Szenario: Das Testdatum liegt nicht in der Zukunft
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Aber das Feld "Sprachtest/Testdatum" liegt 1 Tag in der Zukunft
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M2007" zum Feld "Sprachtest/Testdatum"

  @quelle:Q-TESTANM
  Szenario: Ohne Ausweisnummer wird nicht gemeldet
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Aber in der Anfrage fehlen die Felder:
      | Feld                                  |
      | Sprachtest/Pruefling[1]/Ausweisnummer |
    Wenn ich den Sprachtest melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                                  |
      | M1001 | Sprachtest/Pruefling[1]/Ausweisnummer |

  @quelle:ITM @quelle:ABESO-TEST
  Szenario: Mit Rollback wird geprüft, aber keine Bogennummer verbraucht
    Angenommen eine Sprachtestmeldung zu diesem Kurs für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Und die Anfrage ist als Rollback markiert
    Wenn ich den Sprachtest melde
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M2043"
    Wenn ich dieselbe Anfrage ohne Rollback sende
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M2043"
