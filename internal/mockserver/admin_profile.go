package mockserver

import (
	"net/http"
	"net/url"
	"sort"

	"github.com/gorilla/mux"
	"github.com/inge-harness/inge-harness/internal/profil"
)

// The contract profiles the mock has loaded (mockinge -profil), which a
// sandbox may be made with:
//
//	GET /profile             every profile, by name
//	GET /profile/{profil}    one profile
//
// A profile is shown with the SHA-256 of its files, so that a client that
// holds it too (certrunner -profil) can tell it is the same:
//
//	{"name": "bamf", "titel": "…", "namespace": "urn:…", "digest": "9f…", "wsdl": "/inge/profile/bamf?wsdl"}
func (a *Admin) profilRoutes() {
	a.handle("/profile", a.listProfile, http.MethodGet)
	a.handle("/profile/{profil}", a.getProfil, http.MethodGet)
}

// profilJSON is a profile as the admin API shows it.
type profilJSON struct {
	Name      string `json:"name"`
	Titel     string `json:"titel,omitempty"`
	Namespace string `json:"namespace"`
	Digest    string `json:"digest"`
	WSDL      string `json:"wsdl"` // path on the SOAP listener
}

// profilWSDL is the path of a profile's WSDL on the SOAP listener.
func profilWSDL(name string) string { return ProfilPath + "/" + url.PathEscape(name) + "?wsdl" }

// profilJSONOf shows a loaded profile.
func profilJSONOf(p *profil.Profil) profilJSON {
	return profilJSON{Name: p.Name, Titel: p.Titel, Namespace: p.Namespace, Digest: p.Digest, WSDL: profilWSDL(p.Name)}
}

func (a *Admin) listProfile(*http.Request) (any, error) {
	out := []profilJSON{}
	for _, p := range a.profile {
		out = append(out, profilJSONOf(p))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (a *Admin) getProfil(r *http.Request) (any, error) {
	name := mux.Vars(r)["profil"]
	p := a.profile[name]
	if p == nil {
		return nil, &adminError{status: http.StatusNotFound, msg: "Profil " + quoteName(name) + " ist nicht geladen; geladen sind: " + profilNamen(a.profile)}
	}
	return profilJSONOf(p), nil
}

func quoteName(s string) string { return `"` + s + `"` }
