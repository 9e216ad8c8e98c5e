# language: de
@Testbericht
Funktionalität: Ein Bericht mit einem Fehler
  Ein Szenario scheitert mit Absicht, damit die Berichte einen Fehler zeigen. Beide senden das
  Passwort im Klartext (PasswordText): kein Bericht darf es enthalten.

  Szenario: Eine Auskunft, die fälschlich "verarbeitet" erwartet
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

  Szenario: Eine Auskunft zu einer unbekannten Kurskennung
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"
