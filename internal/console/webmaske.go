package console

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
	"github.com/inge-harness/inge-harness/internal/testdaten"
)

func xmlName(op string) xml.Name { return xml.Name{Space: inge.Namespace, Local: op} }

// maskeKontext is what a Web-Maske of a sandbox works with.
type maskeKontext struct {
	sb       *sandbox.Sandbox
	proc     *inge.Procedure
	zustand  zustand
	benutzer mockstate.Benutzer // the user who sends
}

func (c *Console) maskeKontext(r *http.Request, user string) (*maskeKontext, error) {
	sb, err := c.sandbox(r)
	if err != nil {
		return nil, err
	}
	op := mux.Vars(r)["operation"]
	p, ok := procedure(op)
	if !ok {
		return nil, nichtGefunden("%q ist kein Verfahren des Vertrags.", op)
	}
	z, err := zustandVon(r.Context(), sb)
	if err != nil {
		return nil, err
	}
	if len(z.Benutzer) == 0 {
		return nil, ungueltig("Die Sandbox %q hat keinen Benutzer, der senden könnte.", sb.Name)
	}
	k := &maskeKontext{sb: sb, proc: p, zustand: z, benutzer: z.Benutzer[0]}
	if user != "" {
		i := slices.IndexFunc(z.Benutzer, func(b mockstate.Benutzer) bool { return b.Name == user })
		if i < 0 {
			return nil, ungueltig("Den Benutzer %q gibt es in der Sandbox %q nicht.", user, sb.Name)
		}
		k.benutzer = z.Benutzer[i]
	}
	return k, nil
}

// maskeSeite shows a Web-Maske: empty but for the Mandant, filled with an
// example (?beispiel=1), or with a request of the journal (?eintrag=ID).
func (c *Console) maskeSeite(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	k, err := c.maskeKontext(r, q.Get("benutzer"))
	if err != nil {
		return err
	}
	var fm *formular
	switch {
	case q.Get("eintrag") != "":
		r2 := r.Clone(r.Context())
		r2 = mux.SetURLVars(r2, map[string]string{"sandbox": k.sb.Name, "id": q.Get("eintrag")})
		e, err := c.eintrag(r2, k.sb.Name)
		if err != nil {
			return err
		}
		if e.Operation != k.proc.Name {
			return ungueltig("Der Eintrag %d ist %s, nicht %s.", e.ID, e.Operation, k.proc.Name)
		}
		anfrage, _ := e.Kanonisch()
		if fm, err = formularAusAnfrage(k.proc, []byte(anfrage)); err != nil {
			return ungueltig("Die Anfrage des Eintrags %d lässt sich nicht lesen: %v", e.ID, err)
		}
		if u, ok := c.cfg.Sandboxes.ForUser(e.Benutzer); ok && u == k.sb && q.Get("benutzer") == "" {
			k.benutzer = mockstate.Benutzer{Name: e.Benutzer, Traegernummer: e.Traegernummer}
		}
	case q.Get("beispiel") != "":
		if fm, err = c.beispielFuer(r, k); err != nil {
			return err
		}
	default:
		fm = newFormular()
		fm.werte["Mandant/Traegernummer"] = k.benutzer.Traegernummer
	}
	return c.maskeZeigen(w, r, k, fm, nil)
}

// beispielFuer makes the example of the Web-Maske for its user.
func (c *Console) beispielFuer(r *http.Request, k *maskeKontext) (*formular, error) {
	tr, ok := c.paket.TraegerByNummer(k.benutzer.Traegernummer)
	if !ok {
		return nil, ungueltig("Der Träger %s des Benutzers %q ist nicht im Testdatenpaket.", k.benutzer.Traegernummer, k.benutzer.Name)
	}
	y, m, d := k.zustand.Jetzt.In(germany).Date()
	q := quelle{
		traeger: *tr, paket: c.paket, fall: fallFuer(c.paket, tr.Traegernummer),
		heute:      time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		bogenSerie: int(time.Now().UnixMicro() % 1000000),
	}
	if q.fall == nil {
		q.fall = &testdaten.Fall{}
	}
	kurse, err := c.kurse(r, k.sb.Name, tr.Traegernummer)
	if err != nil {
		return nil, err
	}
	if len(kurse) > 0 {
		q.kurs = &kurse[0]
	}
	pruefungen, err := c.pruefungen(r, k.sb.Name, tr.Traegernummer)
	if err != nil {
		return nil, err
	}
	if len(pruefungen) > 0 {
		q.pruefung = pruefungen[0]
	}
	return beispiel(k.proc, q), nil
}

// kurse are the courses the sandbox's journal shows as planned by the
// Traeger, newest first.
func (c *Console) kurse(r *http.Request, sb, traegernummer string) ([]bekannterKurs, error) {
	entries, err := c.journal(r, sb, url.Values{"operation": {inge.KursplanungErfassen.Procedure().Name}, "ergebnis": {string(inge.StatusVerarbeitet)}, "limit": {"20"}}, true)
	if err != nil {
		return nil, err
	}
	var out []bekannterKurs
	for _, e := range entries {
		var a inge.KursplanungErfassenAntwort
		anfrage, antwort := e.Kanonisch()
		if e.Traegernummer != traegernummer || soap.DecodeResponse(strings.NewReader(antwort), &a) != nil || a.Kurskennung == "" {
			continue
		}
		k := bekannterKurs{Kurskennung: a.Kurskennung}
		if fm, err := formularAusAnfrage(inge.KursplanungErfassen.Procedure(), []byte(anfrage)); err == nil {
			k.Kursbeginn, _ = time.Parse(time.DateOnly, fm.werte["Kursplanung/Kursbeginn"])
		}
		out = append(out, k)
	}
	return out, nil
}

// pruefungen are the LiD exams the journal shows as recorded by the
// Traeger, newest first.
func (c *Console) pruefungen(r *http.Request, sb, traegernummer string) ([]string, error) {
	entries, err := c.journal(r, sb, url.Values{"operation": {inge.LidPruefungErfassen.Procedure().Name}, "ergebnis": {string(inge.StatusVerarbeitet)}, "limit": {"20"}}, true)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		var a inge.LidPruefungErfassenAntwort
		_, antwort := e.Kanonisch()
		if e.Traegernummer == traegernummer && soap.DecodeResponse(strings.NewReader(antwort), &a) == nil && a.Pruefungsnummer != "" {
			out = append(out, a.Pruefungsnummer)
		}
	}
	return out, nil
}

// maskeAbsenden handles the Web-Maske's buttons: send, show the XML, fill
// with the example, add or remove an occurrence of a repeated field.
func (c *Console) maskeAbsenden(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return ungueltig("Das Formular lässt sich nicht lesen: %v", err)
	}
	k, err := c.maskeKontext(r, r.PostForm.Get("_benutzer"))
	if err != nil {
		return err
	}
	fm := formularAus(r.PostForm)
	aktion := r.PostForm.Get("_aktion")
	var erg *ergebnis
	switch {
	case aktion == "senden" || aktion == "":
		if erg, err = c.senden(r.Context(), k, fm); err != nil {
			return err
		}
		// The strip shows the sandbox after the request: its queue, say.
		if k.zustand, err = zustandVon(r.Context(), k.sb); err != nil {
			return err
		}
	case aktion == "xml":
		erg = &ergebnis{Nur: true, Anfrage: hervorheben(fm.anfrage(k.proc)), AnfrageText: einruecken(fm.anfrage(k.proc))}
	case aktion == "beispiel":
		if fm, err = c.beispielFuer(r, k); err != nil {
			return err
		}
	case strings.HasPrefix(aktion, "hinzufuegen:"):
		path := strings.TrimPrefix(aktion, "hinzufuegen:")
		f, ok := feldAt(k.proc, path)
		if !ok || !f.Wiederholbar() {
			return ungueltig("%q ist kein wiederholbares Feld von %s.", path, k.proc.Name)
		}
		fm.hinzufuegen(f, path)
	case strings.HasPrefix(aktion, "entfernen:"):
		path := strings.TrimPrefix(aktion, "entfernen:")
		open := strings.LastIndex(path, "[")
		i, err := strconv.Atoi(strings.TrimSuffix(path[open+1:], "]"))
		f, ok := feldAt(k.proc, path)
		if open < 0 || err != nil || !ok || !f.Wiederholbar() {
			return ungueltig("%q ist kein Vorkommen eines wiederholbaren Felds von %s.", path, k.proc.Name)
		}
		fm.entfernen(f, path[:open], i)
	default:
		return ungueltig("Unbekannte Aktion %q.", aktion)
	}
	return c.maskeZeigen(w, r, k, fm, erg)
}

// ergebnis is the answer to a request sent from the Web-Maske, or with
// Nur only the XML it would send.
type ergebnis struct {
	Nur            bool
	Status         inge.Status
	Vorgangsnummer string
	Kennung        string // the Kurskennung or Pruefungsnummer handed out
	Meldungen      []markierung
	Fault          string
	FaultCode      string
	HTTPStatus     int
	Fehler         string // a transport error
	Dauer          time.Duration
	Anfrage        []teil
	AnfrageText    string
	Antwort        []teil
	antwort        []byte
}

// markierung is a Meldung of the answer with the id it is shown under.
type markierung struct {
	inge.Meldung
	Nr     int
	ID     string
	FeldID string // the form field it is attached to, "" if none
}

// rohAnfrage is the request element as the Web-Maske wrote it, sent by
// inge.Client as it is: the mock, not the console, judges it.
type rohAnfrage struct {
	XMLName xml.Name
	Inhalt  []byte `xml:",innerxml"`
}

// Base is there for inge.Request; the client reads nothing of it.
func (*rohAnfrage) Base() *inge.Anfrage { return &inge.Anfrage{} }

// senden sends the form's request with the user's UsernameToken through
// the mock's SOAP handler.
func (c *Console) senden(ctx context.Context, k *maskeKontext, fm *formular) (*ergebnis, error) {
	lease, err := c.cfg.Sandboxes.Login(ctx, k.benutzer.Name)
	if err != nil {
		return nil, ungueltig("Der Benutzer %q kann sich nicht anmelden: %v", k.benutzer.Name, err)
	}
	z, own := lease.Zugang, lease.Sandbox == k.sb
	lease.Release() // the mock logs in again for the request
	if !own {
		return nil, ungueltig("Der Benutzer %q gehört nicht zur Sandbox %q.", k.benutzer.Name, k.sb.Name)
	}
	erg := &ergebnis{}
	client := &inge.Client{
		Endpoint:    "http://konsole" + c.cfg.SOAPPath,
		HTTPClient:  &http.Client{Transport: inProcess{h: c.cfg.SOAP}, Timeout: 90 * time.Second},
		Credentials: &inge.Credentials{Username: z.Name, Password: z.Passwort, Mode: wsse.PasswordDigest},
		Observe: func(ex inge.Exchange) {
			erg.HTTPStatus, erg.Dauer = ex.HTTPStatus, ex.Duration
			erg.Anfrage = hervorheben(wsse.MaskSecrets(ex.Request))
			erg.AnfrageText = einruecken(wsse.MaskSecrets(ex.Request))
			erg.Antwort, erg.antwort = hervorheben(ex.Response), ex.Response
			if ex.Canonical != nil { // a profiled sandbox: the answer as ours writes it
				erg.antwort = ex.Canonical
			}
		},
	}
	if pf := c.cfg.Profile[k.sb.Profil]; pf != nil {
		client.Dialect = pf // the Web-Maske writes our contract, the sandbox speaks its profile
	}
	resp := k.proc.NewResponse()
	err = client.Call(ctx, k.proc, &rohAnfrage{XMLName: k.proc.RequestName(), Inhalt: fm.inhalt(k.proc.Felder(), "")}, resp)
	var f *soap.Fault
	var meldungen []inge.Meldung
	switch {
	case errors.As(err, &f):
		erg.FaultCode = inge.FaultCode(err)
		meldungen, erg.Fault = meldungenAus(erg.antwort)
	case err != nil:
		erg.Fehler = err.Error()
	default:
		a := resp.Base()
		erg.Status, erg.Vorgangsnummer, meldungen = a.Status, a.Vorgangsnummer, a.List()
		switch v := resp.(type) {
		case *inge.KursplanungErfassenAntwort:
			erg.Kennung = v.Kurskennung
		case *inge.LidPruefungErfassenAntwort:
			erg.Kennung = v.Pruefungsnummer
		}
	}
	for i, m := range meldungen {
		erg.Meldungen = append(erg.Meldungen, markierung{Meldung: m, Nr: i + 1, ID: fmt.Sprintf("meldung-%d", i+1)})
	}
	c.log.Info("console: Web-Maske sent", "sandbox", k.sb.Name, "benutzer", z.Name, "operation", k.proc.Name, "status", erg.Status, "fault", erg.FaultCode)
	return erg, nil
}

// inProcess is a transport that serves a request with a handler of this
// process, so the Web-Maske needs no address of the SOAP listener (which
// may be TLS with a certificate the console does not know).
type inProcess struct{ h http.Handler }

func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	in := req.Clone(req.Context())
	in.RequestURI = req.URL.RequestURI()
	in.RemoteAddr = "127.0.0.1:0" // the console, on the same machine
	var w puffer
	t.h.ServeHTTP(&w, in)
	if req.Body != nil {
		_ = req.Body.Close()
	}
	return &http.Response{
		Status: fmt.Sprintf("%d %s", w.status(), http.StatusText(w.status())), StatusCode: w.status(),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.Header(), Body: io.NopCloser(bytes.NewReader(w.body.Bytes())), ContentLength: int64(w.body.Len()),
		Request: req,
	}, nil
}

// maskeZeigen renders the Web-Maske with the form, and the answer if any.
func (c *Console) maskeZeigen(w http.ResponseWriter, r *http.Request, k *maskeKontext, fm *formular, erg *ergebnis) error {
	marks := map[string][]*markierung{}
	if erg != nil {
		for i := range erg.Meldungen {
			m := &erg.Meldungen[i]
			marks[m.Feld] = append(marks[m.Feld], m)
		}
	}
	tr, _ := c.paket.TraegerByNummer(k.benutzer.Traegernummer)
	b := &baumBauer{fm: fm, marks: marks}
	baum := b.felder(k.proc.Felder(), "", false)
	kurse, err := c.kurse(r, k.sb.Name, k.benutzer.Traegernummer)
	if err != nil {
		return err
	}
	pruefungen, err := c.pruefungen(r, k.sb.Name, k.benutzer.Traegernummer)
	if err != nil {
		return err
	}
	l := &leiste{zustand: k.zustand, Hier: Prefix + "sandboxes/" + url.PathEscape(k.sb.Name) + "/maske/" + k.proc.Name}
	return c.render(w, http.StatusOK, "maske", seite{Titel: "Web-Maske " + k.proc.Name, Sandbox: k.sb.Name, Leiste: l, Hier: hier(r), Aktiv: "maske", Inhalt: struct {
		Proc        *inge.Procedure
		Benutzer    []mockstate.Benutzer
		Gewaehlt    string
		Baum        []*knoten
		Ergebnis    *ergebnis
		Masken      []maskenEintrag
		Personen    []person
		Kursorte    []testdaten.Kursort
		Lehrkraefte []testdaten.Lehrkraft
		Kurse       []bekannterKurs
		Pruefungen  []string
		Traeger     *testdaten.Traeger
	}{k.proc, k.zustand.Benutzer, k.benutzer.Name, baum, erg, masken(), c.personenwahl(k.benutzer.Traegernummer),
		c.kursorte(k.benutzer.Traegernummer), c.lehrkraefte(k.benutzer.Traegernummer), kurse, pruefungen, tr}})
}

// person is an entry of the person picker: its label and the values it
// fills in, by the path below the group it is chosen for.
type person struct {
	Label string            `json:"label"`
	Werte map[string]string `json:"werte"`
}

// personenwahl lists the persons of the Traeger's cases for the picker.
func (c *Console) personenwahl(traegernummer string) []person {
	var out []person
	seen := map[string]bool{}
	for _, f := range c.paket.Faelle {
		if f.Traegernummer != traegernummer {
			continue
		}
		for _, p := range f.Personen {
			id := p.Ident()
			key := string(id.Geburtsdatum) + id.Aktenzeichen.Wert
			if seen[key] {
				continue
			}
			seen[key] = true
			v := map[string]string{
				"Geburtsdatum": p.Geburtsdatum, "Aktenzeichen": id.Aktenzeichen.Wert, "Aktenzeichen/@Art": string(id.Aktenzeichen.Art),
				"Familienname": p.Familienname, "Vorname": p.Vorname, "Geburtsname": p.Geburtsname, "Geburtsort": p.Geburtsort,
				"Geschlecht": p.Geschlecht, "Anschrift/Strasse": p.Anschrift.Strasse, "Anschrift/Postleitzahl": p.Anschrift.Postleitzahl,
				"Anschrift/Ort": p.Anschrift.Ort, "Anschrift/Staat": p.Anschrift.Staat, "Anschrift/Bundesland": p.Anschrift.Bundesland,
			}
			for i, s := range p.Staatsangehoerigkeit {
				v[indexed("Staatsangehoerigkeit", i+1)] = s
			}
			out = append(out, person{Label: fmt.Sprintf("%s, %s (geb. %s, %s %s; Fall %s)", p.Familienname, p.Vorname, p.Geburtsdatum, id.Aktenzeichen.Art, id.Aktenzeichen.Wert, f.ID), Werte: v})
		}
	}
	return out
}

// kursorte are the Kursorte of the Traeger's cases, each once.
func (c *Console) kursorte(traegernummer string) []testdaten.Kursort {
	return ausFaellen(c.paket, traegernummer, func(f testdaten.Fall) []testdaten.Kursort { return f.Kursorte },
		func(k testdaten.Kursort) string { return k.Kennung })
}

// lehrkraefte are the Lehrkraefte of the Traeger's cases, each once.
func (c *Console) lehrkraefte(traegernummer string) []testdaten.Lehrkraft {
	return ausFaellen(c.paket, traegernummer, func(f testdaten.Fall) []testdaten.Lehrkraft { return f.Lehrkraefte },
		func(l testdaten.Lehrkraft) string { return l.Kennung })
}

// ausFaellen collects what of gives of each case of the Traeger, each
// Kennung once, in the order of the cases.
func ausFaellen[T any](p *testdaten.Paket, traegernummer string, of func(testdaten.Fall) []T, kennung func(T) string) []T {
	var out []T
	seen := map[string]bool{}
	for _, f := range p.Faelle {
		if f.Traegernummer != traegernummer {
			continue
		}
		for _, v := range of(f) {
			if !seen[kennung(v)] {
				seen[kennung(v)] = true
				out = append(out, v)
			}
		}
	}
	return out
}
