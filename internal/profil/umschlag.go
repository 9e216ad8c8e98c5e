package profil

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge"
	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// The mock's side: a request in the profile's names comes in, its answer
// goes out in them.

// Eingang checks the body of a request strictly against the profile's XSD
// and maps it onto our contract. It returns the procedure and the request
// element as our contract writes it (for inge.ReadRequest, which checks it
// against ours in turn, and the journal). A request the profile's XSD
// refuses is a *inge.SchemaError whose fields are the profile's.
func (p *Profil) Eingang(body soap.Element) (*inge.Procedure, []byte, error) {
	proc, ok := p.Verfahren(body.Name)
	if !ok {
		return nil, nil, fmt.Errorf("Profil %s: %s ist keine Anfrage des Profils", p.Name, body.Name.Local)
	}
	if _, err := p.schema.Check(body); err != nil {
		return proc, nil, err
	}
	src, err := baumAus(body.Tokens())
	if err != nil {
		return proc, nil, fmt.Errorf("Profil %s: %w", p.Name, err)
	}
	dst, err := p.her.abbilden(src, kontext{})
	if err != nil {
		return proc, nil, fmt.Errorf("Profil %s: %w", p.Name, err)
	}
	b, err := dst.bytes()
	if err != nil {
		return proc, nil, fmt.Errorf("Profil %s: %w", p.Name, err)
	}
	return proc, b, nil
}

// Antwort maps an answer of ours onto the profile's names and checks it
// against the profile's XSD; the result is the body element for
// soap.Encode. An answer the profile's XSD refuses is an error: the
// profile and ours disagree on a rule, and the mock must not send it.
func (p *Profil) Antwort(proc *inge.Procedure, resp inge.Response) (any, error) {
	src, err := baumVon(resp)
	if err != nil {
		return nil, fmt.Errorf("Profil %s: %s: %w", p.Name, proc.Name, err)
	}
	dst, err := p.hin.abbilden(src, kontext{anfrage: proc.Name})
	if err == nil {
		err = p.pruefe(dst)
	}
	if err != nil {
		return nil, fmt.Errorf("Profil %s: Antwort von %s: %w", p.Name, proc.Name, err)
	}
	return dst, nil
}

// Fault maps a Fault of ours onto the profile's: its detail entry in the
// profile's names, checked against the profile's XSD, its code and text as
// the profile has them. proc is the procedure of the request, nil if it
// was not known; imProfil says that the detail's field paths are the
// profile's already (the profile's own strict check found them).
func (p *Profil) Fault(proc *inge.Procedure, f *soap.Fault, imProfil bool) (*soap.Fault, error) {
	out := *f
	if f.Detail == nil {
		return &out, nil
	}
	src, err := baumVon(f.Detail)
	if err != nil {
		return nil, fmt.Errorf("Profil %s: Fault: %w", p.Name, err)
	}
	ctx := kontext{feldeBleiben: imProfil}
	if proc != nil {
		ctx.anfrage = proc.Name
	}
	dst, err := p.hin.abbilden(src, ctx)
	if err == nil {
		err = p.pruefe(dst)
	}
	if err != nil {
		return nil, fmt.Errorf("Profil %s: Fault %s: %w", p.Name, f.Detail.Code, err)
	}
	out.Detail, out.Entry, out.Raw = nil, dst, nil
	out.String = p.hin.text(f.Detail.Code, f.String)
	return &out, nil
}

// pruefe checks an element the mapping wrote against the profile's XSD.
func (p *Profil) pruefe(k *knoten) error {
	b, err := k.bytes()
	if err != nil {
		return err
	}
	el, err := soap.ReadElement(bytes.NewReader(b), soap.Limits{})
	if err != nil {
		return err
	}
	_, err = p.schema.Check(el)
	return err
}

// baumVon writes v as encoding/xml does and reads it as a tree.
func baumVon(v any) (*knoten, error) {
	b, err := xml.Marshal(v)
	if err != nil {
		return nil, err
	}
	k := &knoten{}
	if err := xml.Unmarshal(b, k); err != nil {
		return nil, err
	}
	return k, nil
}

// The client's side: a Profil is an inge.Dialect, so that inge.Client
// speaks it.

// EncodeRequest writes a request of ours in the profile's names, with the
// profile's SOAPAction.
func (p *Profil) EncodeRequest(proc *inge.Procedure, req inge.Request) (any, string, error) {
	if !p.Angeboten(proc) {
		return nil, "", fmt.Errorf("Profil %s: %s: %w", p.Name, proc.Name, ErrNichtAngeboten)
	}
	src, err := baumVon(req)
	if err != nil {
		return nil, "", fmt.Errorf("Profil %s: %s: %w", p.Name, proc.Name, err)
	}
	dst, err := p.hin.abbilden(src, kontext{})
	if err != nil {
		return nil, "", fmt.Errorf("Profil %s: %s: %w", p.Name, proc.Name, err)
	}
	return dst, p.SOAPAction(proc), nil
}

// DecodeResponse reads a response envelope in the profile's names and
// returns it as ours would have written it: the answer mapped back, or the
// Fault with its code, text and detail entry ours.
func (p *Profil) DecodeResponse(proc *inge.Procedure, envelope []byte) ([]byte, error) {
	v := p.verfahren[proc.Name]
	var tree knoten
	err := soap.DecodeResponse(bytes.NewReader(envelope), &tree)
	var f *soap.Fault
	var buf bytes.Buffer
	switch {
	case errors.As(err, &f):
		ours, err := p.faultZurueck(v, f)
		if err != nil {
			return nil, err
		}
		if err := soap.EncodeFault(&buf, *ours); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	case err != nil:
		return nil, err
	case v == nil || tree.name != xmlName(p.Namespace, v.antwort):
		return nil, fmt.Errorf("Profil %s: die Antwort %s ist nicht die von %s", p.Name, tree.name.Local, proc.Name)
	}
	dst, err := p.her.abbilden(&tree, kontext{anfrage: v.anfrage})
	if err != nil {
		return nil, fmt.Errorf("Profil %s: %w", p.Name, err)
	}
	if err := soap.Encode(&buf, nil, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// faultZurueck maps a Fault in the profile's names back onto ours. A
// detail entry that is not the profile's (a Fault the mock gave before it
// knew the caller's sandbox) stays as it was read.
func (p *Profil) faultZurueck(v *verfahren, f *soap.Fault) (*soap.Fault, error) {
	out := *f
	out.Raw = nil
	if f.Raw == nil || f.Raw.Name.Space != p.Namespace {
		return &out, nil
	}
	src, err := baumAus(f.Raw.Tokens())
	if err != nil {
		return nil, fmt.Errorf("Profil %s: Fault: %w", p.Name, err)
	}
	ctx := kontext{}
	if v != nil {
		ctx.anfrage = v.anfrage
	}
	dst, err := p.her.abbilden(src, ctx)
	if err != nil {
		return nil, fmt.Errorf("Profil %s: Fault: %w", p.Name, err)
	}
	b, err := dst.bytes()
	if err != nil {
		return nil, err
	}
	d := &soap.Detail{}
	if err := xml.Unmarshal(b, d); err != nil {
		return nil, fmt.Errorf("Profil %s: Fault: %w", p.Name, err)
	}
	out.Detail = d
	out.String = p.her.text(wertIn(p.hin.codes, d.Code), f.String)
	for prefix, ns := range inge.FaultPrefixes() {
		if ns == out.Code.Space {
			out.CodePrefix = prefix
		}
	}
	return &out, nil
}

// FeldImProfil names a field of a request of ours (Kursplanung/Kursort) as
// the profile does, for people who read the profile's names.
func (p *Profil) FeldImProfil(proc *inge.Procedure, feld string) string {
	return p.hin.feld(proc.Name, feld)
}

// MeldungImProfil returns the code and the text of a Meldung or Fault of
// ours as the profile has them, for a person who sees the profile's: the
// questions of the acceptance.
func (p *Profil) MeldungImProfil(code, text string) (string, string) {
	return wertIn(p.hin.codes, code), p.hin.text(code, text)
}

// WertImProfil returns a value of a code list or enumeration of ours (by
// its ID, "802", or its type, "Kursstatus") as the profile has it; a value
// of no list stays as it is.
func (p *Profil) WertImProfil(liste, wert string) string {
	if wl := p.listen[liste]; wl != nil {
		return wertIn(wl.hin, wert)
	}
	return wert
}
