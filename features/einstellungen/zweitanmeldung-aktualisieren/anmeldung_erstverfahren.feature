# language: de
@AnmeldungErstverfahren
Funktionalität: Eine zweite Erstanmeldung aktualisiert die erste (mockinge -zweitanmeldung aktualisieren)
  Die Quellen widersprechen sich: Nach cmxOrganize kann die Meldung im Erstverfahren beliebig oft
  gesendet werden (CMX-TEV), nach dem Testleitfaden von Qualli scheitert eine zweite Anmeldung unter
  derselben Kennziffer (Q-TESTANM). mockinge lehnt sie in der Voreinstellung ab; mit
  -zweitanmeldung aktualisieren aktualisiert der Träger seine Erstanmeldung, und ein anderer Träger
  meldet die Person ebenfalls an. Diese Szenarien laufen nur gegen einen so gestarteten Mock
  (internal/certrun, TestFeaturesEinstellungen), nicht im eingebetteten Testkonzept.
  Quellen: inge-public-facts.md §2.1 (CMX-TEV, Q-TESTANM).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @quelle:CMX-TEV
  Szenario: Der Träger sendet die Erstanmeldung einer angemeldeten Person erneut
    Angenommen eine vollständige Erstanmeldung für "Kowalczyk, Agnieszka" aus Testfall "TN-1"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2011 |      |

  @quelle:CMX-TEV
  Szenario: Eine Person, die bei einem anderen Träger angemeldet ist, wird auch hier angemeldet
    Angenommen eine vollständige Erstanmeldung für "Hosseini, Reza" aus Testfall "TN-12"
    Wenn ich die Erstanmeldung übermittle
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M2000 |      |
