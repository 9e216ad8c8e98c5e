package certrun

import (
	"testing"
	"time"
)

func TestAnswerStatus(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"OK", `<e:Envelope xmlns:e="urn:e"><e:Body><XResponse><Status>abgelehnt</Status><Meldungen><Meldung><Status>x</Status></Meldung></Meldungen></XResponse></e:Body></e:Envelope>`, "abgelehnt"},
		{"OKAfterHeader", `<e:Envelope xmlns:e="urn:e"><e:Header><h><Status>nein</Status></h></e:Header><e:Body><XResponse><Vorgangsnummer>1</Vorgangsnummer><Status> verarbeitet </Status></XResponse></e:Body></e:Envelope>`, "verarbeitet"},
		{"NoneInFault", `<e:Envelope xmlns:e="urn:e"><e:Body><e:Fault><faultcode>e:Client</faultcode></e:Fault></e:Body></e:Envelope>`, ""},
		{"NoneNotXML", `kaputt`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := answerStatus([]byte(tt.in)); got != tt.want {
				t.Errorf("answerStatus = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestDauer(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{400 * time.Microsecond, "0,4 ms"},
		{12 * time.Millisecond, "12 ms"},
		{1250 * time.Millisecond, "1,25 s"},
	}
	for _, tt := range tests {
		if got := dauer(tt.d); got != tt.want {
			t.Errorf("dauer(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}
