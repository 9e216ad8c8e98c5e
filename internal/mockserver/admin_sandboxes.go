package mockserver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/gorilla/mux"

	"github.com/inge-harness/inge-harness/internal/mockstate"
	"github.com/inge-harness/inge-harness/internal/sandbox"
)

// The sandboxes: isolated worlds, each with its own store loaded with the
// Testdatenpaket and its own users (see package sandbox).
//
//	GET    /sandboxes                          every sandbox, by name
//	POST   /sandboxes                          {"name": "ci-17", "benutzer": [{"name": "ci17.kt1", "passwort": "…", "traegernummer": "10000001"}], "profil": "bamf"}
//	GET    /sandboxes/{sandbox}                one sandbox
//	DELETE /sandboxes/{sandbox}                remove it and its database (not the standard sandbox)
//	POST   /sandboxes/{sandbox}/reset          back to the Testdatenpaket; users kept, faults cleared
//	POST   /sandboxes/{sandbox}/benutzer       {"name": "…", "passwort": "…", "traegernummer": "10000001"}
//	DELETE /sandboxes/{sandbox}/benutzer/{name}
//
// A sandbox is shown as below, its users without their passwords:
//
//	{"name": "ci-17", "erstellt": "2027-03-10T09:00:00Z", "benutzer": [{"name": "ci17.kt1", "traegernummer": "10000001"}]}
//
// A sandbox made with "profil" speaks that contract profile (one of
// GET /profile) instead of ours; it shows it, and where its WSDL is on the
// SOAP listener: "profil": "bamf", "wsdl": "/inge/profile/bamf?wsdl".
//
// POST /sandboxes answers 201 with the new sandbox, POST .../benutzer 201
// with the new user, the DELETEs 204. A user name is unique across all
// sandboxes, since the user in a request's UsernameToken chooses its
// sandbox: a taken name, or a taken sandbox name, is 409.
func (a *Admin) sandboxRoutes() {
	a.handle("/sandboxes", a.listSandboxes, http.MethodGet)
	a.handle("/sandboxes", a.createSandbox, http.MethodPost)
	a.handle("/sandboxes/{sandbox}", a.getSandbox, http.MethodGet)
	a.handle("/sandboxes/{sandbox}", a.removeSandbox, http.MethodDelete)
	a.handle("/sandboxes/{sandbox}/reset", a.resetSandbox, http.MethodPost)
	a.handle("/sandboxes/{sandbox}/benutzer", a.addBenutzer, http.MethodPost)
	a.handle("/sandboxes/{sandbox}/benutzer/{name}", a.removeBenutzer, http.MethodDelete)
}

// sandboxJSON is a sandbox as the admin API shows it.
type sandboxJSON struct {
	Name     string         `json:"name"`
	Erstellt time.Time      `json:"erstellt"`
	Benutzer []benutzerJSON `json:"benutzer"`
	// Beschaedigt says why the sandbox's database cannot be used; only
	// for a damaged sandbox, which DELETE removes and reset builds anew.
	Beschaedigt string `json:"beschaedigt,omitempty"`
	// Profil is the contract profile the sandbox speaks, and WSDL the path
	// of its WSDL on the SOAP listener; empty for our contract.
	Profil string `json:"profil,omitempty"`
	WSDL   string `json:"wsdl,omitempty"`
}

// benutzerJSON is a user as the admin API shows it: never its password.
type benutzerJSON struct {
	Name          string `json:"name"`
	Traegernummer string `json:"traegernummer"`
}

// zugangJSON is a user as a request brings it, with its password.
type zugangJSON struct {
	Name          string `json:"name"`
	Passwort      string `json:"passwort"`
	Traegernummer string `json:"traegernummer"`
}

// describe reads what the admin API shows of a sandbox, from the registry
// alone: it never waits for a sandbox that is busy (draining, say).
func (a *Admin) describe(sb *sandbox.Sandbox) sandboxJSON {
	out := sandboxJSON{Name: sb.Name, Erstellt: sb.Created.UTC().Truncate(time.Second), Benutzer: []benutzerJSON{}, Profil: sb.Profil}
	if sb.Profil != "" {
		out.WSDL = profilWSDL(sb.Profil)
	}
	for _, u := range a.reg.Users(sb) {
		out.Benutzer = append(out.Benutzer, benutzerJSON{Name: u.Name, Traegernummer: u.Traegernummer})
	}
	if err := sb.Damaged(); err != nil {
		out.Beschaedigt = damageText(err)
	}
	return out
}

func (a *Admin) listSandboxes(r *http.Request) (any, error) {
	out := []sandboxJSON{}
	for _, sb := range a.reg.List() {
		out = append(out, a.describe(sb))
	}
	return out, nil
}

func (a *Admin) getSandbox(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	return a.describe(sb), nil
}

func (a *Admin) createSandbox(r *http.Request) (any, error) {
	var body struct {
		Name     string       `json:"name"`
		Benutzer []zugangJSON `json:"benutzer"`
		Profil   string       `json:"profil"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return nil, err
	}
	if body.Profil != "" && a.profile[body.Profil] == nil {
		return nil, badRequest("Profil %q ist nicht geladen; geladen sind: %s", body.Profil, profilNamen(a.profile))
	}
	if body.Name == "" {
		return nil, badRequest(`"name" fehlt: der Name der Sandbox, z. B. "ci-17"`)
	}
	if len(body.Benutzer) == 0 {
		return nil, badRequest(`"benutzer" fehlt oder ist leer: eine Sandbox braucht mindestens einen Benutzer`)
	}
	users := make([]mockstate.Zugang, 0, len(body.Benutzer))
	for i, z := range body.Benutzer {
		u, err := a.checkZugang(r.Context(), z, fmt.Sprintf("benutzer[%d]", i))
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(users, func(o mockstate.Zugang) bool { return o.Name == u.Name }) {
			return nil, badRequest("Benutzer %q ist zweimal genannt", u.Name)
		}
		users = append(users, u)
	}
	sb, err := a.reg.CreateProfiled(r.Context(), body.Name, body.Profil, users)
	if err != nil {
		return nil, a.registryError(err, body.Name, users)
	}
	a.log.Info("admin: sandbox created", "sandbox", sb.Name, "benutzer", len(users), "profil", sb.Profil)
	return created(a.describe(sb)), nil
}

func (a *Admin) removeSandbox(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	if err := a.reg.Remove(r.Context(), sb); err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	a.log.Info("admin: sandbox removed", "sandbox", sb.Name)
	return noContent, nil
}

func (a *Admin) resetSandbox(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	if err := a.reg.Reset(r.Context(), sb); err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	a.log.Info("admin: sandbox reset", "sandbox", sb.Name)
	return a.describe(sb), nil
}

func (a *Admin) addBenutzer(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	var z zugangJSON
	if err := decodeJSON(r, &z); err != nil {
		return nil, err
	}
	u, err := a.checkZugang(r.Context(), z, "")
	if err != nil {
		return nil, err
	}
	if err := a.reg.AddUser(r.Context(), sb, u); err != nil {
		return nil, a.registryError(err, sb.Name, []mockstate.Zugang{u})
	}
	a.log.Info("admin: user added", "sandbox", sb.Name, "benutzer", u.Name, "traeger", u.Traegernummer)
	return created(benutzerJSON{Name: u.Name, Traegernummer: u.Traegernummer}), nil
}

func (a *Admin) removeBenutzer(r *http.Request) (any, error) {
	sb, err := a.sandbox(r)
	if err != nil {
		return nil, err
	}
	name := mux.Vars(r)["name"]
	err = a.reg.RemoveUser(r.Context(), sb, name)
	if errors.Is(err, mockstate.ErrNotFound) {
		return nil, &adminError{status: http.StatusNotFound, msg: fmt.Sprintf("Benutzer %q gibt es in der Sandbox %q nicht", name, sb.Name)}
	}
	if err != nil {
		return nil, a.registryError(err, sb.Name, nil)
	}
	a.log.Info("admin: user removed", "sandbox", sb.Name, "benutzer", name)
	return noContent, nil
}

// maxUserName and maxPassword bound what a user brings.
const maxUserName, maxPassword = 100, 200

// checkZugang checks a user of a request; where names the user in an
// error ("benutzer[0]"), or is empty for a request of one user.
func (a *Admin) checkZugang(ctx context.Context, z zugangJSON, where string) (mockstate.Zugang, error) {
	field := func(name string) string {
		if where == "" {
			return `"` + name + `"`
		}
		return where + "." + name
	}
	switch {
	case z.Name == "":
		return mockstate.Zugang{}, badRequest("%s fehlt: der Benutzername", field("name"))
	case len(z.Name) > maxUserName || strings.ContainsFunc(z.Name, func(r rune) bool { return r == '/' || unicode.IsSpace(r) || !unicode.IsPrint(r) }):
		return mockstate.Zugang{}, badRequest("%s %q ist kein Benutzername: höchstens %d Zeichen, keine Leerzeichen, Steuerzeichen oder Schrägstriche", field("name"), z.Name, maxUserName)
	case z.Passwort == "":
		return mockstate.Zugang{}, badRequest("%s fehlt: das Passwort des Benutzers %q", field("passwort"), z.Name)
	case len(z.Passwort) > maxPassword:
		return mockstate.Zugang{}, badRequest("%s ist länger als %d Zeichen", field("passwort"), maxPassword)
	case z.Traegernummer == "":
		return mockstate.Zugang{}, badRequest("%s fehlt: die Trägernummer des Benutzers %q", field("traegernummer"), z.Name)
	}
	known, err := a.traegernummern(ctx)
	if err != nil {
		return mockstate.Zugang{}, err
	}
	if !slices.Contains(known, z.Traegernummer) {
		return mockstate.Zugang{}, badRequest("%s %q: der Träger ist im Testdatenpaket unbekannt (bekannt: %s)", field("traegernummer"), z.Traegernummer, strings.Join(known, ", "))
	}
	return mockstate.Zugang{Name: z.Name, Passwort: z.Passwort, Traegernummer: z.Traegernummer}, nil
}

// traegernummern lists the Traeger of the Testdatenpaket, which every
// sandbox holds, as the standard sandbox has them. They are read once: the
// Testdatenpaket does not change while the mock runs, and a user added to
// one sandbox must not wait for the standard sandbox.
func (a *Admin) traegernummern(ctx context.Context) ([]string, error) {
	a.traeger.mu.Lock()
	defer a.traeger.mu.Unlock()
	if a.traeger.nummern != nil {
		return a.traeger.nummern, nil
	}
	std, err := a.reg.Get(sandbox.Standard)
	if err != nil {
		return nil, err
	}
	var nummern []string
	err = std.Use(func(st *mockstate.Store) error {
		return st.View(ctx, func(tx *mockstate.Tx) (err error) {
			nummern, err = tx.Traegernummern(ctx)
			return err
		})
	})
	if err == nil {
		a.traeger.nummern = nummern
	}
	return nummern, err
}

// registryError turns an error of the registry into the admin API's
// answer; name is the sandbox concerned and users those of the request.
func (a *Admin) registryError(err error, name string, users []mockstate.Zugang) error {
	switch {
	case errors.Is(err, sandbox.ErrBadName):
		return badRequest("%q ist kein Name für eine Sandbox: Kleinbuchstaben, Ziffern und Bindestriche, am Anfang kein Bindestrich, höchstens 40 Zeichen; %q ist vergeben", name, sandbox.Standard)
	case errors.Is(err, sandbox.ErrNoUsers):
		return badRequest("eine Sandbox braucht mindestens einen Benutzer")
	case errors.Is(err, sandbox.ErrExists):
		return &adminError{status: http.StatusConflict, msg: fmt.Sprintf("Sandbox %q gibt es schon", name)}
	case errors.Is(err, sandbox.ErrUserTaken):
		for _, u := range users {
			if other, taken := a.reg.ForUser(u.Name); taken {
				return &adminError{status: http.StatusConflict, msg: fmt.Sprintf("Benutzer %q gehört schon zur Sandbox %q; ein Benutzername gilt für alle Sandboxen", u.Name, other.Name)}
			}
		}
		return &adminError{status: http.StatusConflict, msg: "ein Benutzername ist schon vergeben; ein Benutzername gilt für alle Sandboxen"}
	case errors.Is(err, sandbox.ErrIsStandard):
		return &adminError{status: http.StatusConflict, msg: fmt.Sprintf("die Sandbox %q kann nicht entfernt werden, nur zurückgesetzt", sandbox.Standard)}
	case errors.Is(err, sandbox.ErrNotFound):
		return &adminError{status: http.StatusNotFound, msg: fmt.Sprintf("Sandbox %q ist unbekannt", name)}
	case errors.Is(err, sandbox.ErrTooMany):
		return &adminError{status: http.StatusConflict, msg: fmt.Sprintf("mockinge hat schon %d Sandboxen, so viele, wie es darf (-max-sandboxen); entfernen Sie eine, bevor Sie eine neue anlegen", a.reg.MaxSandboxes())}
	case errors.Is(err, sandbox.ErrDamaged):
		return &adminError{status: http.StatusServiceUnavailable, msg: fmt.Sprintf("die Datenbank der Sandbox %q ist beschädigt (%s); DELETE entfernt sie, POST …/reset baut sie mit ihren Benutzern neu auf", name, damageText(err))}
	case errors.Is(err, sandbox.ErrNoFileHandles):
		return &adminError{status: http.StatusServiceUnavailable, msg: "mockinge hat keine Dateihandles mehr frei (zu viele offene Dateien); bitte später erneut versuchen oder das Limit erhöhen (ulimit -n, -max-offen)"}
	case errors.Is(err, mockstate.ErrNotFound): // a Traeger, checked before; a race with nothing
		return badRequest("ein Träger ist im Testdatenpaket unbekannt: %v", err)
	}
	return err
}
