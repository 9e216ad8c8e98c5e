# language: de
@Goldtest
Funktionalität: Ein zweites Feature
  Ein Szenario mit demselben Namen wie eines in bericht.feature: in junit.xml unterscheidet es
  der classname.

  Szenario: Eine Auskunft zu einer unbekannten Kurskennung
    Angenommen ich bin als Kursträger mit Passwort-Art "PasswordText" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
