# language: de
@TechnischeFehler
Funktionalität: Technische Fehler und Störungen
  Eine technisch fehlerhafte Anfrage beantwortet der Dienst mit einem SOAP-Fault, dessen Code in
  detail/Fehler/Code steht; fachlich wird sie nicht geprüft. Die Szenarien senden dazu die
  SOAP-Nachricht einer gültigen Kursauskunft, die an genau einer Stelle verdorben ist. Ist InGe
  nicht verfügbar, wird eine synchrone Meldung abgewiesen, eine asynchrone angenommen und später
  verarbeitet; Serverfehler kommen vor, die Anfrage wird dann wiederholt. Die Störungen stellt die
  Admin-API von mockinge in der Sandbox des Szenarios ein.
  Quellen: inge-public-facts.md §5 (BAMF-KT Web-Service, Q-TNA), §6 (ITM 10.1); die Fehlercodes
  und die Prüfungen der Nachricht sind rekonstruiert.

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet

  @rekonstruiert
  Szenariogrundriss: Eine technisch fehlerhafte Anfrage wird mit ihrem Fault abgewiesen: <Fehler>
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" so sende, dass <Fehler>
    Dann antwortet der Dienst mit dem Fault "<Code>" und dem faultcode "<faultcode>"
    Und der HTTP-Status der Antwort ist 500

    Beispiele:
      | Fehler                                           | Code | faultcode               |
      | das XML mitten im Element abbricht               | F100 | soapenv:Client          |
      | die Wurzel kein SOAP-Envelope ist                | F101 | soapenv:Client          |
      | der Envelope einer von SOAP 1.2 ist              | F102 | soapenv:VersionMismatch |
      | sie eine DOCTYPE-Deklaration enthält             | F103 | soapenv:Client          |
      | sie tiefer verschachtelt ist als erlaubt         | F104 | soapenv:Client          |
      | ein fremder Header mustUnderstand verlangt       | F105 | soapenv:MustUnderstand  |
      | der SOAP-Body zwei Elemente enthält              | F106 | soapenv:Client          |
      | sie eine unbekannte Operation nennt              | F107 | soapenv:Client          |
      | die SOAPAction zu einem anderen Verfahren gehört | F109 | soapenv:Client          |
      | der SOAPAction-Header fehlt                      | F109 | soapenv:Client          |
      | der Content-Type text/plain ist                  | F110 | soapenv:Client          |
      | sie gzip-komprimiert ist                         | F111 | soapenv:Client          |

  @rekonstruiert
  Szenario: Dieselbe Nachricht unverdorben wird fachlich beantwortet
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" als SOAP-Nachricht sende
    Dann ist der Status "abgelehnt"
    Und der HTTP-Status der Antwort ist 200

  @quelle:ITM
  Szenario: Ein UsernameToken ohne Passwort wird abgewiesen
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" so sende, dass dem UsernameToken das Passwort fehlt
    Dann antwortet der Dienst mit dem Fault "F201" und dem faultcode "wsse:InvalidSecurityToken"

  @quelle:BAMF-KT
  Szenario: Ist InGe nicht verfügbar, wird eine synchrone Meldung abgewiesen
    Angenommen InGe ist nicht verfügbar
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" als SOAP-Nachricht sende
    Dann antwortet der Dienst mit dem Fault "F301" und dem faultcode "soapenv:Server"
    Und der HTTP-Status der Antwort ist 503
    Wenn InGe wieder verfügbar ist
    Und ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"

  @quelle:BAMF-KT
  Szenario: Ist InGe nicht verfügbar, wird eine asynchrone Meldung angenommen und danach verarbeitet
    Angenommen eine vollständige Kursplanung aus Testfall "KP-1" mit Kursbeginn in 8 Wochen
    Und die Anfrage ist als asynchron markiert
    Und InGe ist nicht verfügbar
    Wenn ich die Kursplanung erfasse
    Dann ist der Status "angenommen"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld |
      | M1004 |      |
    Wenn InGe wieder verfügbar ist
    Dann zeigt das Journal die angenommene Meldung als "verarbeitet"

  @quelle:Q-TNA
  Szenario: Nach einem Serverfehler gelingt dieselbe Anfrage beim nächsten Versuch
    Angenommen die nächste Anfrage scheitert mit einem Serverfehler
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann antwortet der Dienst mit dem Fault "F302" und dem faultcode "soapenv:Server"
    Wenn ich die Kursauskunft zur Kurskennung "K999999999" anfordere
    Dann ist der Status "abgelehnt"
