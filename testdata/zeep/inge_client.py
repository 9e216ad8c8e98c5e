#!/usr/bin/python3
"""Talk to mockinge with zeep, a mainstream Python SOAP toolkit.

Usage: inge_client.py <wsdl-url>

Loads the served WSDL (and the XSD it imports), then, with a WS-Security
UsernameToken (PasswordDigest):

  1. KursplanungErfassen with a valid plan of Testfall KP-1,
  2. Kursauskunft for the returned Kurskennung,
  3. Kursauskunft with a wrong password, which must be a SOAP Fault.

It prints one key=value per line for the Go test (internal/mockserver
zeep_test.go) to check. Exit status: 0 when every call came back (the
values are the test's to judge), 2 on a usage error, 3 when zeep is
missing, 1 on any other error, with zeep's message on stderr.
"""

import datetime
import sys

try:
    import zeep
    import zeep.exceptions
    from zeep.wsse.username import UsernameToken
except ImportError as e:  # the Go test tells this apart by the exit status
    print("zeep missing: %s (Debian package python3-zeep)" % e, file=sys.stderr)
    sys.exit(3)

NS = "urn:inge-harness:kurstraeger:1"
USER = "kt1.sachbearbeitung"
PASSWORD = "Test!Passwort1"
TRAEGER = "10000001"


def client(wsdl, password):
    return zeep.Client(wsdl, wsse=UsernameToken(USER, password, use_digest=True))


def kp1_plan():
    """A valid Kursplanung of Testfall KP-1, starting in the future."""
    beginn = datetime.date.today() + datetime.timedelta(days=60)
    return {
        "Kursart": "01",
        "BeginnKursabschnitt": "1",
        "Kursbeginn": beginn,
        "Kursende": beginn + datetime.timedelta(days=180),
        "Kursort": "KO-10000001-01",
        "Unterrichtszeit": [
            {"Wochentag": "Mo", "Beginn": "08:30", "Ende": "12:45", "Unterrichtseinheiten": 5},
        ],
        "TnrKursMax": 20,
        "Teilnehmer": [
            {"Ident": {"Geburtsdatum": datetime.date(1991, 4, 17),
                       "Aktenzeichen": {"_value_1": "6100101-475", "Art": "BAMF"}}},
            {"Ident": {"Geburtsdatum": datetime.date(1995, 11, 2),
                       "Aktenzeichen": {"_value_1": "6100102-423", "Art": "BAMF"}}},
        ],
        "Lehrkraft": [{"Lehrkraftkennung": "LK-2019-00417"}],
    }


def detail_code(fault):
    """The catalogue code in the Fault's detail: the Code child of Fehler."""
    if fault.detail is None:
        return ""
    for el in fault.detail.iter("{%s}Code" % NS):
        return el.text or ""
    return ""


def main(argv):
    if len(argv) != 2:
        print("usage: inge_client.py <wsdl-url>", file=sys.stderr)
        return 2
    wsdl = argv[1]
    mandant = {"Traegernummer": TRAEGER}

    c = client(wsdl, PASSWORD)
    resp = c.service.KursplanungErfassen(Mandant=mandant, Kursplanung=kp1_plan())
    print("erfassen.status=%s" % resp.Status)
    print("erfassen.kurskennung=%s" % (resp.Kurskennung or ""))
    for m in (resp.Meldungen.Meldung if resp.Meldungen is not None else []):
        print("erfassen.meldung=%s %s %s" % (m.Code, m.Art, m.Feld or ""))

    resp = c.service.Kursauskunft(Mandant=mandant, Kurskennung=resp.Kurskennung)
    print("auskunft.status=%s" % resp.Status)
    print("auskunft.kursstatus=%s" % (resp.Kurs.Kursstatus if resp.Kurs is not None else ""))
    print("auskunft.teilnehmer=%d" % (len(resp.Kurs.Teilnehmer) if resp.Kurs is not None else 0))

    bad = client(wsdl, "falsch")
    try:
        bad.service.Kursauskunft(Mandant=mandant, Kurskennung="K000000000")
        print("fault.code=")
    except zeep.exceptions.Fault as f:
        print("fault.code=%s" % detail_code(f))
        print("fault.faultcode=%s" % f.code)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
