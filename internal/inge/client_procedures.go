package inge

import "context"

// One method per procedure: typed request in, typed response out.

// AnmeldungErstverfahren registers a participant (Erstverfahren).
func (c *Client) AnmeldungErstverfahren(ctx context.Context, req *AnmeldungErstverfahrenAnfrage) (*AnmeldungErstverfahrenAntwort, error) {
	var resp AnmeldungErstverfahrenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// AnmeldungWiederholerverfahren registers a participant admitted for repetition.
func (c *Client) AnmeldungWiederholerverfahren(ctx context.Context, req *AnmeldungWiederholerverfahrenAnfrage) (*AnmeldungWiederholerverfahrenAntwort, error) {
	var resp AnmeldungWiederholerverfahrenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// Teilnehmerauskunft asks what BAMF knows about a person.
func (c *Client) Teilnehmerauskunft(ctx context.Context, req *TeilnehmerauskunftAnfrage) (*TeilnehmerauskunftAntwort, error) {
	var resp TeilnehmerauskunftAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// SprachtestMelden reports the candidates of a DTZ test.
func (c *Client) SprachtestMelden(ctx context.Context, req *SprachtestMeldenAnfrage) (*SprachtestMeldenAntwort, error) {
	var resp SprachtestMeldenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursplanungErfassen reports a planned course and returns its Kurskennung.
func (c *Client) KursplanungErfassen(ctx context.Context, req *KursplanungErfassenAnfrage) (*KursplanungErfassenAntwort, error) {
	var resp KursplanungErfassenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursplanungAktualisieren replaces the plan of a course.
func (c *Client) KursplanungAktualisieren(ctx context.Context, req *KursplanungAktualisierenAnfrage) (*KursplanungAktualisierenAntwort, error) {
	var resp KursplanungAktualisierenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursplanungStornieren cancels a planned course.
func (c *Client) KursplanungStornieren(ctx context.Context, req *KursplanungStornierenAnfrage) (*KursplanungStornierenAntwort, error) {
	var resp KursplanungStornierenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursbeginnMelden reports the start of a course.
func (c *Client) KursbeginnMelden(ctx context.Context, req *KursbeginnMeldenAnfrage) (*KursbeginnMeldenAntwort, error) {
	var resp KursbeginnMeldenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursabschnittsbeginnMelden reports the start of a later section.
func (c *Client) KursabschnittsbeginnMelden(ctx context.Context, req *KursabschnittsbeginnMeldenAnfrage) (*KursabschnittsbeginnMeldenAntwort, error) {
	var resp KursabschnittsbeginnMeldenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursabschnittAktualisieren corrects a reported section.
func (c *Client) KursabschnittAktualisieren(ctx context.Context, req *KursabschnittAktualisierenAnfrage) (*KursabschnittAktualisierenAntwort, error) {
	var resp KursabschnittAktualisierenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// KursortaenderungMelden announces Kursort changes.
func (c *Client) KursortaenderungMelden(ctx context.Context, req *KursortaenderungMeldenAnfrage) (*KursortaenderungMeldenAntwort, error) {
	var resp KursortaenderungMeldenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// Kursauskunft asks for the data BAMF holds on a course.
func (c *Client) Kursauskunft(ctx context.Context, req *KursauskunftAnfrage) (*KursauskunftAntwort, error) {
	var resp KursauskunftAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// LidPruefungErfassen registers a LiD exam and returns its Pruefungsnummer.
func (c *Client) LidPruefungErfassen(ctx context.Context, req *LidPruefungErfassenAnfrage) (*LidPruefungErfassenAntwort, error) {
	var resp LidPruefungErfassenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// LidPruefungAktualisieren changes a LiD exam.
func (c *Client) LidPruefungAktualisieren(ctx context.Context, req *LidPruefungAktualisierenAnfrage) (*LidPruefungAktualisierenAntwort, error) {
	var resp LidPruefungAktualisierenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// LidPruefungStornieren cancels a LiD exam.
func (c *Client) LidPruefungStornieren(ctx context.Context, req *LidPruefungStornierenAnfrage) (*LidPruefungStornierenAntwort, error) {
	var resp LidPruefungStornierenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// LidTeilnehmendeMelden reports the candidates of a LiD exam.
func (c *Client) LidTeilnehmendeMelden(ctx context.Context, req *LidTeilnehmendeMeldenAnfrage) (*LidTeilnehmendeMeldenAntwort, error) {
	var resp LidTeilnehmendeMeldenAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// LidPruefungAuskunft asks for a LiD exam and its candidates.
func (c *Client) LidPruefungAuskunft(ctx context.Context, req *LidPruefungAuskunftAnfrage) (*LidPruefungAuskunftAntwort, error) {
	var resp LidPruefungAuskunftAntwort
	if err := c.Call(ctx, req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}
