// Command bare is the ceiling of bench/run.sh: a net/http server that reads
// each request body to the end and answers with one fixed SOAP response, a
// KursauskunftResponse of the shape and size mockinge gives for the course
// of Testfall KP-1. It parses nothing, checks nothing and stores nothing, so
// what it costs is HTTP on loopback and the Go runtime.
//
// It prints its endpoint as the line "bare: http://ADDR/inge" once it
// listens; -addr 127.0.0.1:0 takes a free port.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

// answer was captured from mockinge (Kursauskunft of K000000001 after one
// KursplanungErfassen), with a fixed Vorgangsnummer.
const answer = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><KursauskunftResponse xmlns="urn:inge-harness:kurstraeger:1"><Status>verarbeitet</Status><Vorgangsnummer>V-20270310-3f2a9c0d1e4b5a69</Vorgangsnummer><Kurs><Kurskennung>K000000001</Kurskennung><Traegernummer>10000001</Traegernummer><Kursstatus>geplant</Kursstatus><Kursbeginn>2027-05-10</Kursbeginn><Kursende>2027-11-06</Kursende><Kursort>KO-10000001-01</Kursort><Unterrichtszeit><Wochentag>Mo</Wochentag><Beginn>08:30</Beginn><Ende>12:45</Ende><Unterrichtseinheiten>5</Unterrichtseinheiten></Unterrichtszeit><TnrKursMax>20</TnrKursMax><Teilnehmer><Ident><Geburtsdatum>1991-04-17</Geburtsdatum><Aktenzeichen Art="BAMF">6100101-475</Aktenzeichen></Ident></Teilnehmer><Teilnehmer><Ident><Geburtsdatum>1995-11-02</Geburtsdatum><Aktenzeichen Art="BAMF">6100102-423</Aktenzeichen></Ident></Teilnehmer><Lehrkraft><Lehrkraftkennung>LK-2019-00417</Lehrkraftkennung></Lehrkraft></Kurs></KursauskunftResponse></soapenv:Body></soapenv:Envelope>`

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address; port 0 takes a free one")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
	body := []byte(answer)
	length := strconv.Itoa(len(body))
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			h := w.Header()
			h["Content-Type"] = []string{"text/xml; charset=utf-8"}
			h["Content-Length"] = []string{length}
			w.Write(body)
		}),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	fmt.Printf("bare: http://%s/inge\n", ln.Addr())
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
}
