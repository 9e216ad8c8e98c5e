package mockserver_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/inge-harness/inge-harness/internal/mockserver"
)

// TestReadiness checks the two answers a probe or a person gets: GET
// /bereit of the admin API, and a plain GET /inge of the SOAP endpoint.
func TestReadiness(t *testing.T) {
	mock := MustStartLocal(t, mockserver.Config{AdminAddr: "127.0.0.1:0"})

	t.Run("Bereit", func(t *testing.T) {
		r := MustGet(t, mock.AdminURL+"/bereit")
		hasStatus(http.StatusOK)(t, r)
		hasContentType("application/json")(t, r)
		var got struct {
			Bereit    bool   `json:"bereit"`
			Vertrag   string `json:"vertrag"`
			Version   string `json:"version"`
			Sandboxen int    `json:"sandboxen"`
		}
		if err := json.Unmarshal(r.body, &got); err != nil {
			t.Fatalf("GET /bereit: %v\n%s", err, r.body)
		}
		if !got.Bereit || got.Vertrag == "" || got.Version == "" || got.Sandboxen != 1 {
			t.Errorf("GET /bereit = %+v; want bereit, a contract, a version and 1 sandbox", got)
		}
	})
	t.Run("BereitOnlyGET", func(t *testing.T) {
		r, err := do(t.Context(), http.MethodPost, mock.AdminURL+"/bereit", nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		hasStatus(http.StatusMethodNotAllowed)(t, r)
	})
	t.Run("GetInge", func(t *testing.T) {
		r := MustGet(t, mock.Endpoint())
		hasStatus(http.StatusOK)(t, r)
		hasContentType("text/plain")(t, r)
		for _, want := range []string{"läuft", "WSDL: " + mock.Endpoint() + "?wsdl"} {
			if !strings.Contains(string(r.body), want) {
				t.Errorf("GET /inge = %q; want %q in it", r.body, want)
			}
		}
	})
	t.Run("GetUnknownPath", func(t *testing.T) {
		hasStatus(http.StatusNotFound)(t, MustGet(t, mock.URL+"/ingex"))
	})
}
