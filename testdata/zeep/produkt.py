#!/usr/bin/python3
"""A product in another language: performs the tasks of an acceptance with zeep.

Usage: produkt.py [--endpoint URL] [--benutzer NAME] [--passwort PW]
                  [--traegernummer NR] [--pause SEKUNDEN] AUFGABEN.json

It plays a vendor's software in the acceptance test (internal/abnahme): it
reads the tasks the preparation of a sandbox gives (abnahme.Run in mode
Vorbereiten: Ergebnis.Aufgaben, as Go's json.Marshal writes them) and
performs each in order against the sandbox, so that the evaluation (mode
Auswerten) judges what it sent. The access data come from the arguments or
from INGE_ENDPOINT, INGE_BENUTZER, INGE_PASSWORT, INGE_TRAEGERNUMMER.

For each task it

  * sends nothing but the task's fields: a field path such as
    Kursplanung/Teilnehmer[2]/Ident/Aktenzeichen/@Art becomes nested dicts
    for zeep, an indexed step a list (1-based), an attribute a key of the
    element's dict, next to the element's text under '_value_1' (how zeep
    writes simpleContent with attributes); a field that must not be sent
    is zeep.xsd.SkipValue, so zeep neither sends nor demands it;
  * sets Mandant/Traegernummer and calls the task's operation with a
    WS-Security UsernameToken (PasswordDigest);
  * after a Fault F301, F302 or F303 (the code is in the Fault's detail,
    Fehler/Code) waits briefly and sends the same message again, at most
    three tries in all.

A corrected task is a task of its own and so a new message. It prints one
German line per task. Exit status: 0 when every task got an answer of InGe
(a Fault too: the evaluation judges it), 1 when a task could not be sent,
2 on a usage error, 3 when zeep is missing.
"""

import argparse
import json
import os
import re
import sys
import time

try:
    import zeep
    import zeep.exceptions
    import zeep.xsd
    from zeep.wsse.username import UsernameToken
except ImportError as e:  # the Go test tells this apart by the exit status
    print("zeep fehlt: %s (Debian-Paket python3-zeep)" % e, file=sys.stderr)
    sys.exit(3)

# VORUEBERGEHEND are the faults after which a product sends again: InGe
# unavailable, a server error, too many requests.
VORUEBERGEHEND = ("F301", "F302", "F303")
VERSUCHE = 3

SCHRITT = re.compile(r"^([A-Za-z_][\w.-]*)(?:\[(\d+)\])?$")


class Element:
    """An element of the request being built: text, attributes, children.

    A child is an Element, or a list of them for a step with an index.
    """

    def __init__(self):
        self.text = None
        self.attribute = {}
        self.kinder = {}

    def kind(self, schritt):
        m = SCHRITT.match(schritt)
        if not m:
            raise ValueError("ungültiger Schritt %r" % schritt)
        name, index = m.group(1), m.group(2)
        if index is None:
            k = self.kinder.setdefault(name, Element())
            if isinstance(k, list):
                raise ValueError("%s ist wiederholt und braucht einen Index" % name)
            return k
        n = int(index)
        if n < 1:
            raise ValueError("Index %d in %r: er beginnt bei 1" % (n, schritt))
        liste = self.kinder.setdefault(name, [])
        if not isinstance(liste, list):
            raise ValueError("%s ist nicht wiederholt, hat aber einen Index" % name)
        while len(liste) < n:
            liste.append(Element())
        return liste[n - 1]

    def fuer_zeep(self):
        """The element as zeep takes it: its text, or a dict."""
        if self.text is zeep.xsd.SkipValue:
            return self.text
        if not self.kinder and not self.attribute:
            return self.text
        d = {}
        if self.text is not None:
            d["_value_1"] = self.text  # simpleContent beside attributes
        d.update(self.attribute)
        for name, k in self.kinder.items():
            if isinstance(k, list):
                # An occurrence not to send is left out of the list.
                werte = [v for v in (x.fuer_zeep() for x in k) if v is not zeep.xsd.SkipValue]
                d[name] = werte if werte else zeep.xsd.SkipValue
            else:
                d[name] = k.fuer_zeep()
        if all(v is zeep.xsd.SkipValue for v in d.values()):
            return zeep.xsd.SkipValue  # only fields not to send: no element either
        return d


def anfrage(felder, traegernummer):
    """The operation's arguments from a task's fields, in the form of the
    wire as the task gives them (xs:date, xs:boolean …), which zeep sends
    as they are."""
    wurzel = Element()
    for f in felder:
        schritte = f["feld"].split("/")
        el = wurzel
        for s in schritte[:-1]:
            el = el.kind(s)
        wert = zeep.xsd.SkipValue if f.get("fehlt") else f.get("wert", "")
        letzter = schritte[-1]
        if letzter.startswith("@"):
            if wert is not zeep.xsd.SkipValue:
                el.attribute[letzter[1:]] = wert
        else:
            el.kind(letzter).text = wert
    args = {name: k.fuer_zeep() for name, k in wurzel.kinder.items()}
    args.setdefault("Mandant", {"Traegernummer": traegernummer})  # unless the task names one
    return args


def fault_code(fault):
    """The catalogue code in the Fault's detail: Fehler/Code."""
    if fault.detail is None:
        return ""
    for el in fault.detail.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "Code":
            return (el.text or "").strip()
    return ""


def meldungen(antwort):
    """The answer's Meldungen as "M2005 (Anmeldung/Schuljahre)"."""
    liste = getattr(getattr(antwort, "Meldungen", None), "Meldung", None) or []
    return ["%s (%s)" % (m.Code, m.Feld) if m.Feld else m.Code for m in liste]


def ergebnis(antwort):
    """One line of what InGe answered: status, numbers handed out, Meldungen."""
    teile = [str(getattr(antwort, "Status", "ohne Status"))]
    for name in ("Kurskennung", "Pruefungsnummer"):
        wert = getattr(antwort, name, None)
        if wert:
            teile.append("%s %s" % (name, wert))
    ms = meldungen(antwort)
    teile.append("Meldungen: " + (", ".join(ms) if ms else "keine"))
    return "; ".join(teile)


def ausfuehren(dienst, aufgabe, traegernummer, pause):
    """Performs one task: its line, and whether InGe answered at all."""
    kopf = "%s, Aufgabe %d (%s)" % (aufgabe["fall"], aufgabe["nummer"], aufgabe["verfahren"])
    try:
        args = anfrage(aufgabe.get("felder") or [], traegernummer)
        operation = getattr(dienst, aufgabe["verfahren"])
    except (ValueError, AttributeError) as e:
        return "%s: nicht gesendet, die Aufgabe lässt sich nicht abbilden: %s" % (kopf, e), False
    zuvor = []
    for versuch in range(1, VERSUCHE + 1):
        try:
            antwort = operation(**args)
        except zeep.exceptions.Fault as f:
            code = fault_code(f)
            if code in VORUEBERGEHEND and versuch < VERSUCHE:
                zuvor.append("Fault " + code)
                time.sleep(pause)
                continue
            text = "Fault %s: %s" % (code or f.code, f.message)
        except (zeep.exceptions.Error, OSError) as e:  # ValidationError, TransportError, no connection …
            return "%s: nicht gesendet oder ohne Antwort: %s" % (kopf, e), False
        else:
            text = ergebnis(antwort)
        if zuvor:
            text += " (im %d. Versuch; zuvor %s)" % (versuch, ", ".join(zuvor))
        return "%s: %s" % (kopf, text), True


def dienst_fuer(endpoint, benutzer, passwort):
    """A zeep service of the WSDL the endpoint serves, bound to it."""
    client = zeep.Client(endpoint + "?wsdl", wsse=UsernameToken(benutzer, passwort, use_digest=True))
    bindung = next(iter(client.wsdl.bindings))  # the WSDL has one binding
    return client.create_service(bindung, endpoint)


def main(argv):
    p = argparse.ArgumentParser(description="Führt die Aufgaben einer Abnahme mit zeep aus.")
    p.add_argument("aufgaben", help="JSON-Datei mit den Aufgaben (abnahme.Ergebnis.Aufgaben)")
    p.add_argument("--endpoint", default=os.environ.get("INGE_ENDPOINT"),
                   help="SOAP-Endpunkt der Sandbox; die WSDL liegt unter ENDPOINT?wsdl (INGE_ENDPOINT)")
    p.add_argument("--benutzer", default=os.environ.get("INGE_BENUTZER"), help="DeBeV-Benutzer (INGE_BENUTZER)")
    p.add_argument("--passwort", default=os.environ.get("INGE_PASSWORT"),
                   help="sein Passwort; besser als INGE_PASSWORT, das ps nicht zeigt")
    p.add_argument("--traegernummer", default=os.environ.get("INGE_TRAEGERNUMMER"),
                   help="Mandant/Traegernummer jeder Anfrage (INGE_TRAEGERNUMMER)")
    p.add_argument("--pause", type=float, default=float(os.environ.get("INGE_PAUSE", "0.5")),
                   help="Sekunden vor einem erneuten Versuch (Vorgabe 0,5)")
    a = p.parse_args(argv[1:])
    fehlend = [n for n in ("endpoint", "benutzer", "passwort", "traegernummer") if not getattr(a, n)]
    if fehlend:
        p.print_usage(sys.stderr)
        print("Es fehlen die Zugangsdaten: %s (oder INGE_%s)" % (", ".join(fehlend), ", INGE_".join(n.upper() for n in fehlend)), file=sys.stderr)
        return 2
    try:
        with open(a.aufgaben, encoding="utf-8") as f:
            aufgaben = json.load(f)
    except (OSError, ValueError) as e:
        print("Aufgaben nicht lesbar: %s" % e, file=sys.stderr)
        return 2

    try:
        dienst = dienst_fuer(a.endpoint, a.benutzer, a.passwort)
    except (zeep.exceptions.Error, OSError, ValueError) as e:
        print("WSDL von %s?wsdl nicht ladbar: %s" % (a.endpoint, e), file=sys.stderr)
        return 1
    alle_beantwortet = True
    for aufgabe in aufgaben:
        zeile, beantwortet = ausfuehren(dienst, aufgabe, a.traegernummer, a.pause)
        print(zeile, flush=True)
        alle_beantwortet = alle_beantwortet and beantwortet
    return 0 if alle_beantwortet else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
