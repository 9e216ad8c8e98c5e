package xmltext

import "testing"

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
			if got := Indent([]byte(tt.in)); got != tt.want {
				t.Errorf("Indent(%q) =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
		})
	}
}
