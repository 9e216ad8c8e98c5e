package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestConn checks the load generator's HTTP client against net/http's
// server: each way of sending a body, a refusal, and a server that closes
// the connection after every answer.
func TestConn(t *testing.T) {
	answer := strings.Repeat("<k:Status>verarbeitet</k:Status>", 300) // 9,600 bytes
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.URL.Path != "/inge" || r.Header.Get("Content-Type") != "text/xml; charset=utf-8" ||
			r.Header.Get("SOAPAction") != `"`+ingeNS+`#Kursauskunft"` || string(body) != "<Anfrage/>" {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		switch r.URL.Query().Get("art") {
		case "chunked":
			io.WriteString(w, answer[:5000])
			w.(http.Flusher).Flush()
			io.WriteString(w, answer[5000:])
		case "close":
			w.Header().Set("Connection", "close")
			io.WriteString(w, answer)
		case "fehler":
			http.Error(w, answer, http.StatusInternalServerError)
		default:
			w.Header().Set("Content-Length", "9600")
			io.WriteString(w, answer)
		}
	}))
	defer srv.Close()
	for _, tc := range []struct {
		art    string
		status int
		body   string
	}{
		{"", 200, answer},
		{"chunked", 200, answer},
		{"close", 200, answer},
		{"fehler", 500, answer + "\n"},
	} {
		t.Run(tc.art, func(t *testing.T) {
			c, err := newConn(srv.URL + "/inge?art=" + tc.art)
			if err != nil {
				t.Fatal(err)
			}
			defer c.close()
			for i := range 3 { // the connection is used again, or dialled again
				status, body, err := c.post("Kursauskunft", []byte("<Anfrage/>"))
				if err != nil || status != tc.status || string(body) != tc.body {
					t.Fatalf("request %d: post() = %d, %d bytes, %v; want %d, %d bytes", i, status, len(body), err, tc.status, len(tc.body))
				}
			}
		})
	}
	if _, err := newConn("https://localhost/inge"); err == nil {
		t.Error("newConn(https) error = nil; want one: only http is spoken")
	}
}
