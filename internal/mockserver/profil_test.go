package mockserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	harness "github.com/inge-harness/inge-harness"
	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/wsse"
	"github.com/inge-harness/inge-harness/internal/mockadmin"
	"github.com/inge-harness/inge-harness/internal/mockserver"
	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// gegenprofilDir is the counter-profile, which differs from our contract
// wherever a profile can.
var gegenprofilDir = filepath.Join("..", "..", "testdata", "gegenprofil")

const gegenNS = "urn:inge-harness:gegenprofil:2"

func mustGegenprofil(tb testing.TB) *profil.Profil {
	tb.Helper()
	p, err := profil.Load(gegenprofilDir)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// profiled starts a mock with the counter-profile and makes the sandbox
// "gegen" that speaks it, with a user of Traeger 10000001.
func profiled(tb testing.TB) (*mockserver.Local, *profil.Profil) {
	tb.Helper()
	p := mustGegenprofil(tb)
	mock := mustStartAdminConfig(tb, mockserver.Config{Profile: map[string]*profil.Profil{p.Name: p}})
	admin := mockadmin.New(mock.AdminURL, nil)
	if err := admin.CreateProfiledSandbox(tb.Context(), "gegen", p.Name, []mockadmin.Benutzer{{Name: "gegen.kt1", Passwort: "Geheim!1", Traegernummer: "10000001"}}); err != nil {
		tb.Fatal(err)
	}
	return mock, p
}

// A product that speaks the profile works in its sandbox as one that
// speaks ours works in its own: the plan is stored, the Kursauskunft finds
// it, every answer is in the profile's names, and the journal keeps both
// forms.
func TestProfil_Sandbox(t *testing.T) {
	mock, p := profiled(t)
	c := NewClient(mock, "gegen.kt1", "Geheim!1", wsse.PasswordDigest)
	c.Dialect = p
	var wire []inge.Exchange
	c.Observe = func(ex inge.Exchange) { wire = append(wire, ex) }
	plan, err := inge.KursplanungErfassen.Call(t.Context(), c, kp1Plan("10000001"))
	if err != nil || plan.Status != inge.StatusVerarbeitet || plan.Kurskennung == "" {
		t.Fatalf("KursplanungErfassen = %+v, %v", plan, err)
	}
	kurs, err := inge.Kursauskunft.Call(t.Context(), c, &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: plan.Kurskennung})
	if err != nil || kurs.Status != inge.StatusVerarbeitet || kurs.Kurs == nil || len(kurs.Kurs.Teilnehmer) != 2 || kurs.Kurs.Unterrichtszeit[0].Wochentag != "Mo" {
		t.Fatalf("Kursauskunft = %+v, %v", kurs, err)
	}
	for _, ex := range wire {
		if bytes.Contains(ex.Request, []byte(inge.Namespace)) || bytes.Contains(ex.Response, []byte(inge.Namespace)) || !bytes.Contains(ex.Response, []byte(gegenNS)) {
			t.Errorf("%s went over the wire in our names:\n%s\n%s", ex.Procedure, ex.Request, ex.Response)
		}
	}
	if !bytes.Contains(wire[1].Response, []byte("<wochentag>MONTAG</wochentag>")) {
		t.Errorf("the Kursauskunft's values are ours on the wire:\n%s", wire[1].Response)
	}

	es, err := mockadmin.New(mock.AdminURL, nil).Journal(t.Context(), "gegen", mockadmin.JournalFilter{})
	if err != nil || len(es) != 2 {
		t.Fatalf("Journal = %v, %v", es, err)
	}
	e := es[0]
	if e.Profil != "gegenprofil" || e.Operation != "KursplanungErfassen" || e.Ergebnis != "verarbeitet" ||
		!strings.Contains(e.Anfrage, "<erfassenKursplanung xmlns=\""+gegenNS) || !strings.Contains(e.AnfrageKanonisch, "<KursplanungErfassen xmlns=\""+inge.Namespace) ||
		!strings.Contains(e.Antwort, "<erfassenKursplanungAntwort") || !strings.Contains(e.AntwortKanonisch, "<KursplanungErfassenResponse") {
		t.Errorf("journal entry: %+v", e)
	}
	if strings.Contains(e.Anfrage, "Geheim!1") || strings.Contains(e.AnfrageKanonisch, "Geheim!1") {
		t.Error("the journal holds the password")
	}
}

// A profiled sandbox refuses what the profile does not declare, in the
// profile's names: our contract's request, the profile's request with a
// wrong SOAPAction or against its XSD; a wrong password of its user too.
func TestProfil_Faults(t *testing.T) {
	mock, p := profiled(t)
	tok := func(password string) string { return security(t, "gegen.kt1", password, wsse.PasswordText, time.Now()) }
	auskunft := `<abfragenKurs xmlns="` + gegenNS + `"><traegerNr>10000001</traegerNr><kursNr>K1</kursNr></abfragenKurs>`
	aktion := `"` + p.SOAPAction(inge.Kursauskunft.Procedure()) + `"`
	for _, tc := range []struct {
		name, action, body, password string
		want                         []string
	}{
		{"OK", aktion, auskunft, "Geheim!1", []string{"<ergebnis><status>ABGELEHNT</status>", "<code>V-3002</code>", "<text>Kurs K1: unbekannt oder nicht beim Träger.</text>"}},
		{"ErrUnsereOperation", action("Kursauskunft"), `<Kursauskunft xmlns="` + ingeNS + `"><Mandant><Traegernummer>10000001</Traegernummer></Mandant></Kursauskunft>`, "Geheim!1",
			[]string{`<stoerung xmlns="` + gegenNS + `"><nummer>T-107</nummer>`}},
		{"ErrSOAPAction", `"urn:x#y"`, auskunft, "Geheim!1", []string{"<nummer>T-109</nummer>", "passt nicht zur Operation abfragenKurs"}},
		{"ErrProfilSchema", aktion, strings.Replace(auskunft, "<kursNr>K1</kursNr>", "<kursNr>K1</kursNr><kursNr>K2</kursNr>", 1), "Geheim!1",
			[]string{"<nummer>T-108</nummer>", "<pfad>kursNr[2]</pfad>", "Schemafehler: "}},
		{"ErrMandant", aktion, strings.Replace(auskunft, "10000001", "10000002", 1), "Geheim!1", []string{"<nummer>T-206</nummer>", "<pfad>traegerNr</pfad>"}},
		{"ErrPasswort", aktion, auskunft, "falsch", []string{"<nummer>T-203</nummer>", "<faultstring>Passwort abgelehnt.</faultstring>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := MustPost(t, mock, headers(textXML, tc.action), envelope(tok(tc.password), tc.body))
			for _, w := range tc.want {
				if !strings.Contains(string(r.body), w) {
					t.Errorf("answer lacks %s:\n%s", w, r.body)
				}
			}
			if bytes.Contains(r.body, []byte(ingeNS)) {
				t.Errorf("the answer names our namespace:\n%s", r.body)
			}
		})
	}
	// The standard sandbox speaks ours, whatever profiles are loaded.
	r := MustPost(t, mock, soapHeaders("Kursauskunft"), envelope(security(t, user1, password1, wsse.PasswordText, time.Now()),
		`<Kursauskunft xmlns="`+ingeNS+`"><Mandant><Traegernummer>10000001</Traegernummer></Mandant><Kurskennung>K1</Kurskennung></Kursauskunft>`))
	if !bytes.Contains(r.body, []byte("<Code>M3002</Code>")) {
		t.Errorf("the standard sandbox: %s", r.body)
	}
}

// The profile's WSDL is served under its own URL, pointing at the mock, and
// the XSD it imports; the admin API shows the profiles and a sandbox's.
func TestProfil_WSDLUndAdmin(t *testing.T) {
	mock, p := profiled(t)
	base := mock.URL + mockserver.ProfilPath + "/gegenprofil"
	w := MustGet(t, base+"?wsdl")
	for _, want := range []string{`<soap:address location="` + base + `"/>`, `schemaLocation="` + base + `?xsd=gegenprofil.xsd"`, `name="erfassenKursplanung"`} {
		if !strings.Contains(string(w.body), want) {
			t.Errorf("WSDL lacks %s", want)
		}
	}
	if x := MustGet(t, base+"?xsd=gegenprofil.xsd"); !bytes.Equal(x.body, p.XSD()) {
		t.Error("the served XSD is not the profile's")
	}
	if r := MustGet(t, mock.URL+mockserver.ProfilPath+"/gibtsnicht?wsdl"); r.status != http.StatusNotFound {
		t.Errorf("unknown profile: %d", r.status)
	}
	// A product may post to the address its WSDL names.
	res, err := do(t.Context(), http.MethodPost, base, headers(textXML, `"`+p.SOAPAction(inge.Kursauskunft.Procedure())+`"`),
		[]byte(envelope(security(t, "gegen.kt1", "Geheim!1", wsse.PasswordText, time.Now()), `<abfragenKurs xmlns="`+gegenNS+`"><traegerNr>10000001</traegerNr><kursNr>K1</kursNr></abfragenKurs>`)))
	if err != nil || res.status != http.StatusOK {
		t.Errorf("POST to the profile's address: %v %v", res, err)
	}

	var list []map[string]string
	if err := json.Unmarshal(adminDo(t, http.MethodGet, mock.AdminURL+"/profile", "").body, &list); err != nil || len(list) != 1 || list[0]["digest"] != p.Digest || list[0]["wsdl"] != "/inge/profile/gegenprofil?wsdl" {
		t.Errorf("GET /profile = %v, %v", list, err)
	}
	sb, err := mockadmin.New(mock.AdminURL, nil).Sandbox(t.Context(), "gegen")
	if err != nil || sb.Profil != "gegenprofil" || sb.WSDL != "/inge/profile/gegenprofil?wsdl" {
		t.Errorf("sandbox: %+v, %v", sb, err)
	}
	bad := adminDo(t, http.MethodPost, mock.AdminURL+"/sandboxes", `{"name": "x", "profil": "bamf", "benutzer": [{"name": "x.kt1", "passwort": "p", "traegernummer": "10000001"}]}`)
	if bad.status != http.StatusBadRequest || !strings.Contains(string(bad.body), `Profil \"bamf\" ist nicht geladen; geladen sind: [gegenprofil]`) {
		t.Errorf("unknown profile: %d %s", bad.status, bad.body)
	}
}

// A sandbox that speaks a profile needs it at the next start.
func TestProfil_Neustart(t *testing.T) {
	p := mustGegenprofil(t)
	db := filepath.Join(t.TempDir(), "m.db")
	start := func(ps map[string]*profil.Profil) (*mockserver.Local, error) {
		return mockserver.StartLocal(context.Background(), "127.0.0.1:0", db, harness.Testdatenpaket(), mockserver.Config{Profile: ps})
	}
	mock, err := start(map[string]*profil.Profil{p.Name: p})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mock.Sandboxes.CreateProfiled(t.Context(), "gegen", p.Name, []mockstate.Zugang{{Name: "gegen.kt1", Passwort: "Geheim!1", Traegernummer: "10000001"}}); err != nil {
		t.Fatal(err)
	}
	if err := mock.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := start(nil); err == nil || !strings.Contains(err.Error(), "die Sandbox gegen spricht das Profil gegenprofil, das nicht geladen ist") {
		t.Errorf("start without the profile: %v", err)
	}
	mock, err = start(map[string]*profil.Profil{p.Name: p})
	if err != nil {
		t.Fatal(err)
	}
	defer mock.Close()
	if sb, err := mock.Sandboxes.Get("gegen"); err != nil || sb.Profil != p.Name {
		t.Errorf("after the restart: %+v, %v", sb, err)
	}
}

// A request accepted while InGe was down is applied later; its journal
// entry has both forms too.
func TestProfil_Warteschlange(t *testing.T) {
	mock, p := profiled(t)
	admin := mockadmin.New(mock.AdminURL, nil)
	if err := admin.SetStoerungen(t.Context(), "gegen", mockadmin.Stoerungen{Ausfall: true}); err != nil {
		t.Fatal(err)
	}
	c := NewClient(mock, "gegen.kt1", "Geheim!1", wsse.PasswordDigest)
	c.Dialect = p
	req := kp1Plan("10000001")
	req.Asynchron = true
	resp, err := inge.KursplanungErfassen.Call(t.Context(), c, req)
	if err != nil || resp.Status != inge.StatusAngenommen {
		t.Fatalf("during the outage: %+v, %v", resp, err)
	}
	if _, err := inge.Kursauskunft.Call(t.Context(), c, &inge.KursauskunftAnfrage{Anfrage: inge.Anfrage{Mandant: inge.Mandant{Traegernummer: "10000001"}}, Kurskennung: "K1"}); inge.FaultCode(err) != "F301" {
		t.Errorf("a synchronous request during the outage: %v; want F301 (T-301 on the wire)", err)
	}
	if err := admin.ClearStoerungen(t.Context(), "gegen"); err != nil {
		t.Fatal(err)
	}
	es, err := admin.Journal(t.Context(), "gegen", mockadmin.JournalFilter{Operation: "KursplanungErfassen"})
	if err != nil || len(es) != 2 {
		t.Fatalf("Journal = %v, %v", es, err)
	}
	nach := es[1]
	if nach.Ergebnis != "verarbeitet" || nach.Vorgangsnummer != resp.Vorgangsnummer || nach.Profil != "gegenprofil" ||
		!strings.Contains(nach.Anfrage, gegenNS) || !strings.Contains(nach.Antwort, "<status>VERARBEITET</status>") || !strings.Contains(nach.AntwortKanonisch, "<Status>verarbeitet</Status>") {
		t.Errorf("entry of the applied request: %+v", nach)
	}
}
