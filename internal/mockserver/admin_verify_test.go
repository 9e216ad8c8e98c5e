package mockserver_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

type verifyReply struct {
	Anzahl          int      `json:"anzahl"`
	Vorgangsnummern []string `json:"vorgangsnummern"`
}

// verifyBody is the JSON of a verify request.
func verifyBody(operation, ergebnis string, xpath ...string) string {
	b, _ := json.Marshal(struct {
		Operation string   `json:"operation"`
		Ergebnis  string   `json:"ergebnis,omitempty"`
		XPath     []string `json:"xpath"`
	}{operation, ergebnis, xpath})
	return string(b)
}

func TestAdminVerify(t *testing.T) {
	mock := mustStartAdmin(t)
	mustCreateSandbox(t, mock, "ve", "ve.kt1")
	url := mock.AdminURL + "/sandboxes/ve/verify"

	// Three plans: by inge.Client, and by hand with the prefix k and with a
	// default namespace, so that no prefix is the one XPath must name.
	c := sandboxClient(mock, "ve.kt1")
	var byClient inge.KursplanungErfassenAntwort
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), kp1Plan(traeger1), &byClient); err != nil || byClient.Status != inge.StatusVerarbeitet {
		t.Fatalf("KursplanungErfassen: %v, %s", err, byClient.Status)
	}
	sec := func() string { return digest(t, "ve.kt1", sandboxPassword("ve.kt1")) }
	prefixed := envelope(sec(), kursplanungBody(traeger1))
	unprefixed := strings.ReplaceAll(strings.ReplaceAll(kursplanungBody(traeger1), "<k:", "<"), "</k:", "</")
	unprefixed = strings.Replace(unprefixed, "<KursplanungErfassen>", `<KursplanungErfassen xmlns="`+ingeNS+`">`, 1)
	for _, body := range []string{prefixed, envelope(sec(), unprefixed)} {
		if r := MustPost(t, mock, soapHeaders("KursplanungErfassen"), body); r.status != http.StatusOK || !strings.Contains(string(r.body), "verarbeitet") {
			t.Fatalf("KursplanungErfassen by hand: Status %d\n%s", r.status, r.body)
		}
	}
	// One that is refused: at a Kursort of another Traeger.
	refused := kp1Plan(traeger1)
	refused.Kursplanung.Kursort = "KO-10000002-01"
	var resp inge.KursplanungErfassenAntwort
	if err := c.Call(t.Context(), inge.KursplanungErfassen.Procedure(), refused, &resp); err != nil || resp.Status != inge.StatusAbgelehnt {
		t.Fatalf("KursplanungErfassen at a foreign Kursort: %v, %s; want abgelehnt", err, resp.Status)
	}
	kursauskunft(t, c, "K000000001")

	tests := []struct {
		name string
		body string
		want int
	}{
		{"AllOfOperation", verifyBody("KursplanungErfassen", ""), 4},
		{"Ergebnis", verifyBody("KursplanungErfassen", "verarbeitet"), 3},
		{"ErgebnisNone", verifyBody("KursplanungErfassen", "F301"), 0},
		{"OtherOperation", verifyBody("Kursauskunft", "", "//Kurskennung='K000000001'"), 1},
		{"Equality", verifyBody("KursplanungErfassen", "", "//Kursplanung/Kursort='KO-10000001-01'"), 3},
		{"EqualityOther", verifyBody("KursplanungErfassen", "", "//Kursplanung/Kursort='KO-10000002-01'"), 1},
		{"Count", verifyBody("KursplanungErfassen", "", "count(//Teilnehmer)=2"), 4},
		{"CountNone", verifyBody("KursplanungErfassen", "", "count(//Teilnehmer)=3"), 0},
		{"AllConditions", verifyBody("KursplanungErfassen", "verarbeitet", "//Kursplanung/Kursort='KO-10000001-01'", "count(//Teilnehmer)=2", "//Lehrkraft/Lehrkraftkennung='LK-2019-00417'"), 3},
		{"OneConditionFails", verifyBody("KursplanungErfassen", "", "//Kursplanung/Kursort='KO-10000001-01'", "//TnrKursMax=21"), 0},
		{"Attribute", verifyBody("KursplanungErfassen", "", "//Aktenzeichen[@Art='BAMF']='6100101-475'"), 4},
		{"NodeSet", verifyBody("KursplanungErfassen", "", "//Unterrichtszeit[Wochentag='Mo']"), 4},
		{"NodeSetEmpty", verifyBody("KursplanungErfassen", "", "//Unterrichtszeit[Wochentag='Di']"), 0},
		{"Number", verifyBody("KursplanungErfassen", "", "number(//TnrKursMax) - 20"), 0},
		{"String", verifyBody("KursplanungErfassen", "", "string(//Kursort)"), 4},
		{"WholeEnvelope", verifyBody("KursplanungErfassen", "", "/Envelope/Body/KursplanungErfassen/Mandant/Traegernummer='10000001'"), 4},
		{"PasswordNotInJournal", verifyBody("KursplanungErfassen", "", "//Password='"+sandboxPassword("ve.kt1")+"'"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAdmin[verifyReply](t, http.MethodPost, url, tt.body, http.StatusOK)
			if got.Anzahl != tt.want {
				t.Errorf("verify %s: anzahl = %d; want %d", tt.body, got.Anzahl, tt.want)
			}
			if len(got.Vorgangsnummern) != got.Anzahl || got.Vorgangsnummern == nil {
				t.Errorf("vorgangsnummern = %v; want one for each of %d", got.Vorgangsnummern, got.Anzahl)
			}
		})
	}
	t.Run("Vorgangsnummern", func(t *testing.T) {
		got := mustAdmin[verifyReply](t, http.MethodPost, url, verifyBody("KursplanungErfassen", "verarbeitet"), http.StatusOK)
		if len(got.Vorgangsnummern) != 3 || got.Vorgangsnummern[2] != byClient.Vorgangsnummer {
			t.Errorf("vorgangsnummern = %v; want three, the oldest %s last", got.Vorgangsnummern, byClient.Vorgangsnummer)
		}
	})
	t.Run("OtherSandbox", func(t *testing.T) {
		got := mustAdmin[verifyReply](t, http.MethodPost, mock.AdminURL+"/sandboxes/standard/verify", verifyBody("KursplanungErfassen", ""), http.StatusOK)
		if got.Anzahl != 0 || !slices.Equal(got.Vorgangsnummern, []string{}) {
			t.Errorf("verify in the standard sandbox = %+v; want none, as []", got)
		}
	})
}

func TestAdminVerify_Errors(t *testing.T) {
	mock := mustStartAdmin(t)
	url := mock.AdminURL + "/sandboxes/standard/verify"
	tests := []struct {
		name         string
		url          string
		body         string
		want         int
		wantInFehler string
	}{
		{"UnknownSandbox", mock.AdminURL + "/sandboxes/gibtsnicht/verify", verifyBody("Kursauskunft", ""), http.StatusNotFound, "gibtsnicht"},
		{"NoBody", url, "", http.StatusBadRequest, "leer"},
		{"UnknownKey", url, `{"operation": "Kursauskunft", "xpaths": []}`, http.StatusBadRequest, "xpaths"},
		{"OperationMissing", url, `{"xpath": ["//Kursort"]}`, http.StatusBadRequest, `"operation" fehlt`},
		{"OperationUnknown", url, verifyBody("KursLoeschen", ""), http.StatusBadRequest, "KursLoeschen"},
		{"ErgebnisUnknown", url, verifyBody("Kursauskunft", "ok"), http.StatusBadRequest, `"ok"`},
		{"XPathInvalid", url, verifyBody("Kursauskunft", "", "//Kursort", "//Kursort[='x'"), http.StatusBadRequest, `xpath[1] "//Kursort[='x'"`},
		{"XPathUnknownFunction", url, verifyBody("Kursauskunft", "", "zaehle(//Kursort)"), http.StatusBadRequest, "zaehle"},
		{"XPathEmpty", url, verifyBody("Kursauskunft", "", " "), http.StatusBadRequest, "xpath[0] ist leer"},
		{"XPathNotList", url, `{"operation": "Kursauskunft", "xpath": "//Kursort"}`, http.StatusBadRequest, "JSON"},
		{"GetVerify", url, "", http.StatusMethodNotAllowed, "GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := http.MethodPost
			if tt.want == http.StatusMethodNotAllowed {
				method = http.MethodGet
			}
			isFehler(t, adminDo(t, method, tt.url, tt.body), tt.want, tt.wantInFehler)
		})
	}
}
