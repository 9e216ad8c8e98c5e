# language: de
@TechnischeFehler
Funktionalität: Überlastung: mehr Anfragen zugleich, als mockinge annimmt (mockinge -max-concurrent 1)
  mockinge bearbeitet höchstens -max-concurrent Anfragen zugleich; eine weitere wird sofort mit
  dem Fault F303 und HTTP 503 abgewiesen, der Client sendet sie später erneut. Ein Szenario, das die
  Voreinstellung (64) ausschöpft, ließe die Szenarien anderer Sandboxen scheitern, die zur selben
  Zeit laufen. Dieses Szenario läuft daher nur gegen einen Mock mit -max-concurrent 1
  (internal/certrun, TestFeaturesEinstellungen), nicht im eingebetteten Testkonzept.
  Quellen: inge-public-facts.md §5 (Q-TNA: Serverfehler, erneut senden); F303 ist rekonstruiert.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @rekonstruiert @quelle:Q-TNA
  Szenario: Eine zweite Anfrage zugleich wird sofort abgewiesen
    Angenommen jede Antwort verzögert sich um 2 Sekunden
    Wenn ich 2 Kursauskünfte zur Kurskennung "K999999999" zugleich anfordere
    Dann antwortet der Dienst auf 1 davon mit dem Fault "F303" und auf die übrigen mit dem Status "abgelehnt"
