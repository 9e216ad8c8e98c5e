package console_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// TestSandboxAnlegen creates a sandbox with two users in the browser; its
// page shows the users, and no page shows a password.
func TestSandboxAnlegen(t *testing.T) {
	mock := startMock(t)
	b := newBrowser(t, mock)
	b.open("/")
	b.set("name", "schulung-1")
	b.set("benutzer0", "schulung1.kt1")
	b.set("passwort0", "Sehr!Geheim42")
	b.set("benutzer1", "schulung1.kt2")
	b.set("passwort1", "Auch!Geheim43")
	b.set("traeger1", "10000002")
	b.screenshot("uebersicht-ausgefuellt")
	b.klick(`#neue-sandbox button[type=submit]`)
	if got := b.text("h1"); got != "Sandbox schulung-1" {
		t.Fatalf("after creating: page %q; want Sandbox schulung-1", got)
	}
	users := b.text("#benutzer")
	for _, want := range []string{"schulung1.kt1", "10000001", "schulung1.kt2", "10000002"} {
		if !strings.Contains(users, want) {
			t.Errorf("users table %q lacks %s", users, want)
		}
	}
	b.screenshot("sandbox")
	for _, path := range []string{"/konsole/", "/konsole/sandboxes/schulung-1", "/konsole/sandboxes/schulung-1/journal", "/konsole/sandboxes/schulung-1/maske/KursplanungErfassen?beispiel=1"} {
		page := get(t, mock.AdminURL+path)
		for _, pw := range []string{"Sehr!Geheim42", "Auch!Geheim43", "Geheim"} {
			if strings.Contains(page, pw) {
				t.Errorf("%s shows a password (%s)", path, pw)
			}
		}
	}
	// The JSON API answers as before, beside the console.
	if got := get(t, mock.AdminURL+"/sandboxes/schulung-1"); !strings.Contains(got, `"name": "schulung1.kt1"`) {
		t.Errorf("GET /sandboxes/schulung-1 = %s; want the JSON of the sandbox", got)
	}
	// Delete, with a confirmation.
	b.klick("#loeschen")
	b.screenshot("loeschen")
	b.klick("#loeschen-bestaetigen")
	if got := b.text("#sandboxes"); strings.Contains(got, "schulung-1") {
		t.Errorf("after deleting, the list still shows schulung-1: %q", got)
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return string(b)
}

// TestNurGleicherUrsprung: a page from elsewhere cannot drive the console;
// a request without any sign of its origin is refused as well.
func TestNurGleicherUrsprung(t *testing.T) {
	mock := startMock(t)
	target := mock.AdminURL + "/konsole/sandboxes/standard/stoerungen"
	form := url.Values{"_aktion": {"ausfall-an"}}.Encode()
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"ErrCrossSite", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"}, http.StatusForbidden},
		{"ErrSameSiteOtherPort", map[string]string{"Sec-Fetch-Site": "same-site"}, http.StatusForbidden},
		{"ErrOrigin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"ErrReferer", map[string]string{"Referer": "http://evil.example/seite"}, http.StatusForbidden},
		{"ErrNothing", nil, http.StatusForbidden},
		{"OK/Origin", map[string]string{"Origin": mock.AdminURL}, http.StatusSeeOther},
		{"OK/SecFetchSite", map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusSeeOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("Status = %d; want %d", resp.StatusCode, tc.want)
			}
		})
	}
	sb, _ := mock.Sandboxes.Get("standard")
	if !sb.Faults().Outage {
		t.Error("the same-origin requests did not start the outage")
	}
}

// rang orders the procedures for TestAlleMasken.
func rang(op string) int {
	switch {
	case op == "KursplanungErfassen":
		return -1
	case strings.HasSuffix(op, "Stornieren"):
		return 1
	}
	return 0
}

// procedures lists the 17 procedures' names.
func procedures() []string {
	var out []string
	for _, p := range inge.Procedures() {
		out = append(out, p.Name)
	}
	return out
}

// heute is the date in Germany days from now, as the sandbox's running
// clock counts it.
func heute(days int) string {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return time.Now().In(berlin).AddDate(0, 0, days).Format(time.DateOnly)
}

// TestMaskeKursplanungLive fills a KursplanungErfassen by hand (the person
// from the picker, the Kursort and the Lehrkraft from the Testdatenpaket),
// sends it, and sees it arrive in the journal open in another tab, which
// does not reload.
func TestMaskeKursplanungLive(t *testing.T) {
	mock := startMock(t)
	anlegen(t, mock, "web", "web.kt1")
	b := newBrowser(t, mock)
	journal := b.tab()
	journal.open("/konsole/sandboxes/web/journal")
	journal.do(chromedp.Evaluate[chromedp.Void](`window.__ohneNeuladen = true`))

	b.open("/konsole/sandboxes/web/maske/KursplanungErfassen")
	for path, v := range map[string]string{
		"Kursplanung/Kursart": "01", "Kursplanung/BeginnKursabschnitt": "1",
		"Kursplanung/Kursbeginn": heute(14), "Kursplanung/Kursende": heute(14 + 33*7 - 3),
		"Kursplanung/Kursort": "KO-10000001-03", "Kursplanung/Wochenstunden": "5", "Kursplanung/TnrKursMax": "20",
		"Kursplanung/Unterrichtszeit[1]/Wochentag": "Mo", "Kursplanung/Unterrichtszeit[1]/Beginn": "08:30",
		"Kursplanung/Unterrichtszeit[1]/Ende": "12:45", "Kursplanung/Unterrichtszeit[1]/Unterrichtseinheiten": "5",
		"Kursplanung/Lehrkraft[1]/Lehrkraftkennung": "LK-2018-00233",
	} {
		b.set(path, v)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('select.person[data-pfad="Kursplanung/Teilnehmer[1]"]');
		s.value = "0"; s.dispatchEvent(new Event("change")); })()`))
	if got := value(b, chromedp.Value(chromedp.CSS(`[name="Kursplanung/Teilnehmer[1]/Ident/Aktenzeichen"]`))); got == "" {
		t.Fatal("the person picker filled in no Aktenzeichen")
	}
	b.screenshot("maske-kursplanung-ausgefuellt")
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "verarbeitet" {
		t.Fatalf("status %q; want verarbeitet. Meldungen: %s", got, b.text("#antwort"))
	}
	kennung := b.text("#antwort-kennung")
	b.screenshot("maske-kursplanung-antwort")

	journal.warten(`[...document.querySelectorAll("#journal-zeilen tr[data-id]")].some(r => r.textContent.includes("KursplanungErfassen") && r.textContent.includes("verarbeitet"))`)
	if !value(journal, chromedp.Evaluate[bool](`window.__ohneNeuladen === true`)) {
		t.Error("the journal page reloaded; the entry should arrive live")
	}
	journal.screenshot("journal-live")
	// The entry's page shows the request laid out, and opens it again in
	// the Web-Maske.
	journal.klick(`#journal-zeilen tr[data-id] a`)
	if got := journal.text("#anfrage-xml"); !strings.Contains(got, "<Kursort>KO-10000001-03</Kursort>") || strings.Contains(got, "Geheim!Wort9") {
		t.Errorf("the entry's request %q lacks the Kursort or shows the password", got)
	}
	journal.screenshot("eintrag")
	journal.klick("#in-maske")
	if got := value(journal, chromedp.Value(chromedp.CSS(`[name="Kursplanung/Lehrkraft[1]/Lehrkraftkennung"]`))); got != "LK-2018-00233" {
		t.Errorf("opened in the Web-Maske: Lehrkraftkennung %q; want LK-2018-00233", got)
	}
	t.Logf("course %s planned through the Web-Maske", kennung)
}

// TestMaskeDreiPflichtfelder: the example without three mandatory values
// is refused with three Meldungen, each attached to its field.
func TestMaskeDreiPflichtfelder(t *testing.T) {
	mock := startMock(t)
	anlegen(t, mock, "pflicht", "pflicht.kt1")
	b := newBrowser(t, mock)
	b.open("/konsole/sandboxes/pflicht/maske/KursplanungErfassen?beispiel=1")
	missing := []string{"Kursplanung/Kursende", "Kursplanung/TnrKursMax", "Kursplanung/Unterrichtszeit[2]/Unterrichtseinheiten"}
	for _, path := range missing {
		b.set(path, "")
	}
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "abgelehnt" {
		t.Fatalf("status %q; want abgelehnt", got)
	}
	marked := value(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#webmaske [aria-invalid=true]")].map(el => el.name)`))
	slices.Sort(marked)
	slices.Sort(missing)
	if !slices.Equal(marked, missing) {
		t.Errorf("marked fields %v; want %v", marked, missing)
	}
	for _, path := range missing {
		// Each marked field is described by its Meldung, for screen readers too.
		desc := value(b, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const el = document.querySelector(%s);
			return el.getAttribute("aria-describedby").split(" ").map(id => document.getElementById(id).textContent).join(" | "); })()`, jsString(`[name="`+path+`"]`))))
		if !strings.Contains(desc, "M1001") {
			t.Errorf("%s is described by %q; want its Meldung M1001", path, desc)
		}
	}
	b.screenshot("maske-drei-pflichtfelder")
}

// TestFristDemonstration is the trainer's Kursbeginn deadline from a fresh
// sandbox in at most six clicks: plan a course beginning today (sent on its
// first day, so with a Nachmeldungsgrund), move the
// clock a week and a day on, and report the Kursbeginn too late (M3014).
func TestFristDemonstration(t *testing.T) {
	mock := startMock(t)
	anlegen(t, mock, "frist", "frist.kt1")
	b := newBrowser(t, mock)
	b.open("/konsole/sandboxes/frist")
	b.klick(`#masken a[aria-label="KursplanungErfassen mit Beispiel"]`) // 1
	b.klick("#senden")                                                  // 2
	if got := b.text("#antwort-status"); got != "verarbeitet" {
		t.Fatalf("the plan: %q; want verarbeitet. %s", got, b.text("#antwort"))
	}
	b.screenshot("frist-1-geplant")
	b.klick("#uhr-woche")                 // 3
	b.klick("#uhr-tag")                   // 4
	b.klick("#beispiel-KursbeginnMelden") // 5
	b.klick("#senden")                    // 6
	if got := b.text("#antwort-status"); got != "abgelehnt" {
		t.Fatalf("the Kursbeginn eight days after the begin: %q; want abgelehnt. %s", got, b.text("#antwort"))
	}
	if got := b.text("#antwort-meldungen"); !strings.Contains(got, "M3014") {
		t.Errorf("Meldungen %q; want M3014 (Kursbeginnmeldung later than a week)", got)
	}
	marked := value(b, chromedp.Evaluate[int](`document.querySelectorAll("#webmaske .markiert").length`))
	if marked == 0 {
		t.Error("M3014 is attached to no field of the form")
	}
	b.screenshot("frist-2-zu-spaet")
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("antwort").scrollIntoView()`))
	b.ansicht("frist-2-zu-spaet-ansicht")
	if b.klicks > 6 {
		t.Errorf("the demonstration took %d clicks; at most 6", b.klicks)
	}
	t.Logf("deadline demonstration: %d clicks", b.klicks)
}

// TestAusfallWarteschlange: during an outage an asynchronous request is
// accepted into the queue, which the strip shows; ending the outage
// applies it.
func TestAusfallWarteschlange(t *testing.T) {
	mock := startMock(t)
	anlegen(t, mock, "ausfall", "ausfall.kt1")
	b := newBrowser(t, mock)
	b.open("/konsole/sandboxes/ausfall")
	b.klick("#ausfall-an")
	if got := b.text("#ausfall-status"); got != "Ausfall" {
		t.Fatalf("after starting the outage the strip says %q", got)
	}
	b.open("/konsole/sandboxes/ausfall/maske/KursplanungErfassen?beispiel=1")
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "SOAP-Fault F301" {
		t.Errorf("synchronous during the outage: %q; want SOAP-Fault F301", got)
	}
	b.set("Asynchron", "true")
	b.klick("#senden")
	if got := b.text("#antwort-status"); got != "angenommen" {
		t.Fatalf("asynchronous during the outage: %q; want angenommen", got)
	}
	if got := b.text("#warteschlange"); got != "Warteschlange: 1" {
		t.Errorf("strip: %q; want Warteschlange: 1", got)
	}
	b.screenshot("ausfall-warteschlange")
	b.klick("#ausfall-aus")
	if got := b.text("#warteschlange"); got != "Warteschlange: 0" {
		t.Errorf("after the outage: %q; want Warteschlange: 0", got)
	}
	b.open("/konsole/sandboxes/ausfall/journal?operation=KursplanungErfassen")
	rows := b.text("#journal-zeilen")
	for _, want := range []string{"F301", "angenommen", "verarbeitet"} {
		if !strings.Contains(rows, want) {
			t.Errorf("journal %q lacks %s", rows, want)
		}
	}
	b.screenshot("ausfall-journal")
	b.ansicht("ausfall-journal-ansicht")
}

// TestAlleMasken: every one of the 17 forms, filled with its example from
// the Testdatenpaket, sends a request the mock accepts as valid: no schema
// Fault and no missing mandatory field or code outside its list. Whether
// the rules store it depends on what came before, as for a product.
func TestAlleMasken(t *testing.T) {
	mock := startMock(t)
	anlegen(t, mock, "alle", "alle.kt1")
	b := newBrowser(t, mock)
	// A course first, so that the reports about a course have one; the
	// cancellations last, so that they cancel nothing the others need.
	order := procedures()
	slices.SortStableFunc(order, func(x, y string) int { return rang(x) - rang(y) })
	if len(order) != 17 {
		t.Fatalf("%d procedures; want 17", len(order))
	}
	for _, op := range order {
		b.open("/konsole/sandboxes/alle/maske/" + op + "?beispiel=1")
		if missing := b.unlabelled(); len(missing) > 0 {
			t.Errorf("%s: fields without a label: %v", op, missing)
		}
		b.klick("#senden")
		status := b.text("#antwort-status")
		var meldungen string
		if value(b, chromedp.Evaluate[bool](`!!document.getElementById("antwort-meldungen")`)) {
			meldungen = b.text("#antwort-meldungen")
		}
		if strings.HasPrefix(status, "SOAP-Fault") || strings.Contains(meldungen, "M1001") || strings.Contains(meldungen, "M1002") {
			t.Errorf("%s: %s %s", op, status, meldungen)
		}
		t.Logf("%-30s %s %s", op, status, strings.Join(strings.Fields(meldungen), " "))
		b.screenshot("maske-" + op)
	}
}
