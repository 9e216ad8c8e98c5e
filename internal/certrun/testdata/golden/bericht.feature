# language: de
@Goldtest
Funktionalität: Berichte mit jedem Ausgang
  Die Szenarien dieser Datei machen die Berichte der Goldtests (report_golden_test.go): eines
  besteht, eines scheitert, eines hat einen Schritt, den es nicht gibt, zwei heißen gleich, und
  ein Grundriss hat zwei Beispiele.

  Szenario: Eine Auskunft zu einer unbekannten Kurskennung
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  Szenario: Eine Auskunft, die fälschlich "verarbeitet" erwartet
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  Szenario: Ein Schritt, den es nicht gibt
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Dann geschieht etwas, das kein Schritt kennt

  Szenario: Zweimal derselbe Name
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet

  Szenario: Zweimal derselbe Name
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordDigest" angemeldet

  Szenariogrundriss: Eine Auskunft je Kurskennung
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "<Kurskennung>" anfordere
    Dann ist der Status "abgelehnt"

    Beispiele:
      | Kurskennung |
      | K999999998  |
      | K999999997  |
