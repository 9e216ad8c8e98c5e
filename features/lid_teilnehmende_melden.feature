# language: de
@LidTeilnehmendeMelden
Funktionalität: LiD-Prüfung: Teilnehmende melden
  Der Kursträger meldet die Prüflinge einer Prüfung, die er erfasst und nicht storniert hat, auch in mehreren
  Meldungen (itm:MANAGER 10.5). Ein Prüfling ist entweder über Geburtsdatum und Aktenzeichen identifiziert oder
  ein Selbstzahler mit den Angaben, die das Zertifikat braucht; keiner wird zweimal gemeldet. Eine Prüfung
  nimmt höchstens 25 Prüflinge auf (rekonstruiert, einstellbar als Regeln.LidKapazitaet).

  Grundlage:
    Angenommen ich bin als Kursträger angemeldet
    Und heute ist der 10.03.2027
    Und ich habe eine vollständige LiD-Prüfung aus Testfall "LID-1" am 14.04.2027 erfasst

  @quelle:ITM
  Szenario: Identifizierte Prüflinge und ein Selbstzahler werden gemeldet
    Angenommen eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "verarbeitet"
    Und die Antwort enthält die Meldung "M5023"
    Und die LiD-Auskunft zu dieser Prüfung zeigt die gemeldeten Prüflinge

  @quelle:ABES-TN
  Szenario: Eine Person, die das BAMF nicht identifizieren kann, wird abgelehnt
    Angenommen eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Aber das Feld "Pruefling[2]/Ident/Geburtsdatum" hat den Wert "1901-01-01"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld               |
      | M1010 | Pruefling[2]/Ident |
    Und die LiD-Auskunft zu dieser Prüfung zeigt 0 Prüflinge

  @rekonstruiert
  Szenario: Dieselbe Person zweimal in einer Meldung, auch über ein anderes Aktenzeichen
    Angenommen eine Meldung der Person "Nazari, Hamid" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem die Person "Gebreyesus, Senait" aus Testfall "LID-1"
    Und die Meldung nennt außerdem die Person "Nazari, Hamid" aus Testfall "LID-1" mit ihrem Aktenzeichen der Art "ABH"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld         |
      | M5013 | Pruefling[3] |
    Und die LiD-Auskunft zu dieser Prüfung zeigt 0 Prüflinge

  @rekonstruiert
  Szenario: Ein Prüfling, der schon gemeldet ist, wird abgelehnt
    Angenommen ich habe die Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung gemeldet
    Und eine Meldung der Person "Arslan, Mehmet" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld         |
      | M5013 | Pruefling[1] |
    Und die LiD-Auskunft zu dieser Prüfung zeigt die gemeldeten Prüflinge

  @rekonstruiert
  Szenario: Derselbe Selbstzahler zweimal in einer Meldung
    Angenommen eine Meldung der Person "Nazari, Hamid" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld         |
      | M5013 | Pruefling[3] |

  @quelle:Q-TESTANM
  Szenario: Ein Selbstzahler mit Ziffern im Namen wird abgelehnt
    Angenommen eine Meldung der Person "Nazari, Hamid" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak2, Jana"
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                                 |
      | M2001 | Pruefling[2]/Selbstzahler/Familienname |
    Und die LiD-Auskunft zu dieser Prüfung zeigt 0 Prüflinge

  @quelle:Q-TESTANM
  Szenario: Einem Selbstzahler fehlen Angaben für das Zertifikat
    Angenommen eine Meldung der Person "Nazari, Hamid" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Aber in der Anfrage fehlen die Felder:
      | Feld                                   |
      | Pruefling[2]/Selbstzahler/Geburtsdatum |
      | Pruefling[2]/Selbstzahler/Anschrift    |
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld                                   |
      | M1001 | Pruefling[2]/Selbstzahler/Geburtsdatum |
      | M1001 | Pruefling[2]/Selbstzahler/Anschrift    |

  @rekonstruiert
  Szenario: Ein Prüfling ohne Ident und ohne Selbstzahler verletzt das Schema
    Angenommen eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Aber in der Anfrage fehlen die Felder:
      | Feld               |
      | Pruefling[2]/Ident |
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann antwortet der Dienst mit dem Fault "F108" zum Feld "Pruefling[2]"

  @rekonstruiert
  Szenario: Eine volle Prüfung nimmt niemanden mehr auf
    Angenommen ich habe 25 Selbstzahler zu dieser LiD-Prüfung gemeldet
    Und eine Meldung der Person "Nazari, Hamid" aus Testfall "LID-1" zu dieser LiD-Prüfung
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld      |
      | M5014 | Pruefling |
    Und die LiD-Auskunft zu dieser Prüfung zeigt 25 Prüflinge

  @rekonstruiert
  Szenario: Zu einer stornierten Prüfung werden keine Prüflinge gemeldet
    Angenommen ich habe die LiD-Prüfung storniert
    Und eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5011 | Pruefungsnummer |
    Und die LiD-Auskunft zu dieser Prüfung zeigt 0 Prüflinge

  @rekonstruiert
  Szenario: Nach dem Prüfungstag werden keine Prüflinge mehr gemeldet
    Angenommen heute ist der 15.04.2027
    Und eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5012 | Pruefungsnummer |

  @quelle:ITM
  Szenario: Zur Prüfung eines anderen Kursträgers werden keine Prüflinge gemeldet
    Angenommen ich bin als anderer Kursträger angemeldet
    Und eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "abgelehnt"
    Und die Antwort enthält genau diese Meldungen:
      | Code  | Feld            |
      | M5010 | Pruefungsnummer |
    Und die Meldung "M5010" lautet wie für eine unbekannte Prüfungsnummer

  @quelle:ITM
  Szenario: Mit Rollback werden die Prüflinge geprüft, aber nicht gespeichert
    Angenommen eine Meldung der Teilnehmenden aus Testfall "LID-1" zu dieser LiD-Prüfung
    Und die Meldung nennt außerdem den Selbstzahler "Novak, Jana"
    Und die Anfrage ist als Rollback markiert
    Wenn ich die Teilnehmenden der LiD-Prüfung melde
    Dann ist der Status "geprueft"
    Und die Antwort enthält die Meldung "M1003"
    Und die Antwort enthält nicht die Meldung "M5023"
    Und die LiD-Auskunft zu dieser Prüfung zeigt 0 Prüflinge
