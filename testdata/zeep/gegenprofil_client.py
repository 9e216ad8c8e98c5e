#!/usr/bin/python3
"""Talk to a profiled sandbox of mockinge with zeep, in the counter-profile's names.

Usage: gegenprofil_client.py <wsdl-url> <user> <password>

Loads the counter-profile's WSDL as mockinge serves it (and the XSD it
imports), then, with a WS-Security UsernameToken (PasswordDigest), as a
product built on that WSDL alone would:

  1. erfassenKursplanung with a valid plan of Testfall KP-1 (the profile's
     structure: traegerNr, planung, teilnehmende/person, its values),
  2. abfragenKurs for the returned kursNr,
  3. abfragenKurs with a wrong password, which must be a SOAP Fault.

It prints one key=value per line for the Go test (internal/mockserver
zeep_test.go) to check. Exit status: 0 when every call came back, 2 on a
usage error, 3 when zeep is missing, 1 on any other error.
"""

import datetime
import sys

try:
    import zeep
    import zeep.exceptions
    from zeep.wsse.username import UsernameToken
except ImportError as e:
    print("zeep missing: %s (Debian package python3-zeep)" % e, file=sys.stderr)
    sys.exit(3)

NS = "urn:inge-harness:gegenprofil:2"
TRAEGER = "10000001"


def client(wsdl, user, password):
    return zeep.Client(wsdl, wsse=UsernameToken(user, password, use_digest=True))


def person(geburtsdatum, az):
    return {"kennung": {"gebDatum": geburtsdatum, "az": {"_value_1": az, "typ": "PKZ"}}}


def kp1_planung():
    """A valid Kursplanung of Testfall KP-1 in the profile's names and values."""
    beginn = datetime.date.today() + datetime.timedelta(days=60)
    return {
        "kursTyp": "KA-01",
        "beginnKursabschnitt": "AB-1",
        "kursbeginn": beginn,
        "kursende": beginn + datetime.timedelta(days=180),
        "ort": "KO-10000001-01",
        "unterrichtszeit": [
            {"unterrichtseinheiten": 5, "wochentag": "MONTAG", "beginn": "08:30", "ende": "12:45"},
        ],
        "tnrKursMax": 20,
        "teilnehmende": {"person": [
            person(datetime.date(1991, 4, 17), "6100101-475"),
            person(datetime.date(1995, 11, 2), "6100102-423"),
        ]},
        "lehrperson": [{"lehrpersonNr": "LK-2019-00417"}],
    }


def detail_code(fault):
    """The code in the Fault's detail: the nummer child of stoerung."""
    if fault.detail is None:
        return ""
    for el in fault.detail.iter("{%s}nummer" % NS):
        return el.text or ""
    return ""


def main(argv):
    if len(argv) != 4:
        print("usage: gegenprofil_client.py <wsdl-url> <user> <password>", file=sys.stderr)
        return 2
    wsdl, user, password = argv[1:]

    c = client(wsdl, user, password)
    resp = c.service.erfassenKursplanung(traegerNr=TRAEGER, planung=kp1_planung())
    print("erfassen.status=%s" % resp.ergebnis.status)
    print("erfassen.kursnr=%s" % (resp.kursNr or ""))
    for m in (resp.hinweis or []):
        print("erfassen.meldung=%s %s %s" % (m.code, m.art, m.feld or ""))

    resp = c.service.abfragenKurs(traegerNr=TRAEGER, kursNr=resp.kursNr)
    print("auskunft.status=%s" % resp.ergebnis.status)
    print("auskunft.kursstatus=%s" % (resp.kurs.kursstatus if resp.kurs is not None else ""))
    print("auskunft.personen=%d" % (len(resp.kurs.teilnehmende) if resp.kurs is not None else 0))

    bad = client(wsdl, user, "falsch")
    try:
        bad.service.abfragenKurs(traegerNr=TRAEGER, kursNr="K000000000")
        print("fault.code=")
    except zeep.exceptions.Fault as f:
        print("fault.code=%s" % detail_code(f))
        print("fault.message=%s" % f.message)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
