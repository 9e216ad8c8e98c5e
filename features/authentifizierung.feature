# language: de
@Authentifizierung
Funktionalität: Anmeldung mit WS-Security UsernameToken
  Jede Anfrage trägt im SOAP-Header ein WS-Security-2004-UsernameToken eines DeBeV-Benutzers.
  Ohne gültiges Token wird keine Anfrage bearbeitet; jeder Grund hat seinen eigenen Fehlercode.
  Quellen: inge-public-facts.md §6 (ITM, Q-VOR), OASIS UsernameToken Profile 1.0.

  @quelle:ITM @quelle:Q-KA
  Szenariogrundriss: Das Passwort wird als <Art> akzeptiert
    Angenommen ich bin als Kursträger mit Passwort-Art "<Art>" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält die Meldung "M3002" zum Feld "Kurskennung"

    Beispiele:
      | Art            |
      | PasswordText   |
      | PasswordDigest |

  @quelle:ITM
  Szenario: Eine Anfrage ohne Security-Header wird abgewiesen
    Angenommen ich sende ohne WS-Security-Header
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F200" und dem faultcode "wsse:InvalidSecurity"

  @quelle:Q-VOR
  Szenario: Ein falsches Passwort wird abgewiesen
    Angenommen ich bin als Kursträger mit dem Passwort "falsch" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F203" und dem faultcode "wsse:FailedAuthentication"

  @quelle:Q-VOR
  Szenario: Ein unbekannter Benutzer wird abgewiesen
    Angenommen ich bin als Benutzer "niemand" angemeldet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F202" und dem faultcode "wsse:FailedAuthentication"

  @rekonstruiert
  Szenario: Eine wiederverwendete Nonce wird abgewiesen
    Angenommen ich bin als Kursträger angemeldet
    Und ich verwende für jede Anfrage dieselbe Nonce
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F204" und dem faultcode "wsse:FailedAuthentication"

  @rekonstruiert
  Szenario: Ein veralteter Zeitstempel wird abgewiesen
    Angenommen ich bin als Kursträger angemeldet
    Und mein Zeitstempel Created liegt 10 Minuten in der Vergangenheit
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F205" und dem faultcode "wsse:MessageExpired"

  @quelle:ITM
  Szenario: Ein Mandant, der nicht zum Benutzer gehört, wird abgewiesen
    Angenommen ich bin als Kursträger angemeldet
    Und ich trage als Mandant den Kursträger "10000002" ein
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F206" und dem faultcode "soapenv:Client"
