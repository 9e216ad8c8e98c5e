// Package inge_test shows how a Go product's tests start mockinge with
// Testcontainers (https://golang.testcontainers.org): the image of
// inge-harness's Containerfile, a sandbox of the test's own through the admin
// API, and the SOAP endpoint for the product's client. Copy it into your
// product; inge-harness's CI compiles it (go vet in this module), but runs
// no container, as its machines have no container engine.
package inge_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"
)

// mockingeImage is the image built from inge-harness's Containerfile.
func mockingeImage() string {
	if img := os.Getenv("MOCKINGE_IMAGE"); img != "" {
		return img
	}
	return "ghcr.io/your-org/mockinge:v0.2.0"
}

// startMockinge starts mockinge and returns its SOAP endpoint and the base
// URL of its admin API; the container is removed when the test ends.
func startMockinge(t *testing.T) (endpoint, admin string) {
	t.Helper()
	ctx := context.Background()
	ctr, err := testcontainers.Run(ctx, mockingeImage(),
		testcontainers.WithExposedPorts("8080/tcp", "8081/tcp"),
		testcontainers.WithWaitStrategy(wait.ForHTTP("/bereit").WithPort("8081/tcp")),
	)
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		t.Fatalf("mockinge starten: %v", err)
	}
	soap, err := ctr.PortEndpoint(ctx, "8080/tcp", "http")
	if err != nil {
		t.Fatal(err)
	}
	admin, err = ctr.PortEndpoint(ctx, "8081/tcp", "http")
	if err != nil {
		t.Fatal(err)
	}
	return soap + "/inge", admin
}

// createSandbox makes a sandbox with one user of Traeger 10000001.
func createSandbox(t *testing.T, admin, name, user, password string) {
	t.Helper()
	body := fmt.Sprintf(`{"name": %q, "benutzer": [{"name": %q, "passwort": %q, "traegernummer": "10000001"}]}`, name, user, password)
	resp, err := http.Post(admin+"/sandboxes", "application/json", bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("Sandbox anlegen: %s: %s", resp.Status, b)
	}
}

func TestAgainstMockinge(t *testing.T) {
	endpoint, admin := startMockinge(t)
	createSandbox(t, admin, "go-test", "go-test.kt1", "Geheim!1")

	// Your product's client against endpoint, as user go-test.kt1 with
	// password Geheim!1; here only the WSDL.
	resp, err := http.Get(endpoint + "?wsdl")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s?wsdl: %s", endpoint, resp.Status)
	}
}
