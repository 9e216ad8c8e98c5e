package certrun

import (
	"testing"
	"time"
)

func TestIndentXML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"OKEnvelope",
			`<?xml version="1.0"?><s:Envelope xmlns:s="urn:s"><s:Body><a x="1 &amp; 2"><b>text &lt; 3</b><c/><d></d></a></s:Body></s:Envelope>`,
			"<?xml version=\"1.0\"?>\n<s:Envelope xmlns:s=\"urn:s\">\n  <s:Body>\n    <a x=\"1 &amp; 2\">\n      <b>text &lt; 3</b>\n      <c/>\n      <d/>\n    </a>\n  </s:Body>\n</s:Envelope>",
		},
		{
			"OKReindented",
			"<a>\n\t\t<b>x</b>\n</a>\n",
			"<a>\n  <b>x</b>\n</a>",
		},
		{
			"OKTextKept",
			"<a>line 1\nline 2</a>",
			"<a>line 1\nline 2</a>",
		},
		{
			"OKComment",
			"<a><!-- c --><b>x</b></a>",
			"<a>\n  <!-- c -->\n  <b>x</b>\n</a>",
		},
		{"UnchangedNotXML", "<!-- not stored: unparsable XML, 12 bytes -->no", "<!-- not stored: unparsable XML, 12 bytes -->no"},
		{"UnchangedUnclosed", "<a><b>x</b>", "<a><b>x</b>"},
		{"UnchangedEmpty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := indentXML([]byte(tt.in)); got != tt.want {
				t.Errorf("indentXML(%q) =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
		})
	}
}

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
