package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// checkReady asks a running mockinge whether it is ready, for a container's
// HEALTHCHECK, which has no shell or curl in an image FROM scratch: GET
// /bereit of the admin API, or without one GET /inge of the SOAP endpoint.
// An address on every interface is asked on loopback.
func checkReady(ctx context.Context, addr, adminAddr string, useTLS bool, stdout io.Writer) error {
	url := "http://" + dialable(adminAddr) + "/bereit"
	client := &http.Client{Timeout: 5 * time.Second}
	if adminAddr == "" {
		url = "http://" + dialable(addr) + "/inge"
		if useTLS {
			url = "https://" + dialable(addr) + "/inge"
			// Whether the service answers, not whom to trust: the probe
			// sends nothing and runs beside the mock.
			client.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("nicht bereit: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("nicht bereit: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("nicht bereit: GET %s: HTTP %d", url, resp.StatusCode)
	}
	_, err = fmt.Fprintf(stdout, "mockinge: bereit (%s)\n", url)
	return err
}

// dialable turns a listen address into one to connect to: no host, or an
// unspecified one, is loopback.
func dialable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}
