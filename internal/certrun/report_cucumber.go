package certrun

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// cukeEmbedding is an attachment of a step in the Cucumber JSON: the format
// of cucumber-jvm and cucumber-js, which report tools read (data in base64).
type cukeEmbedding struct {
	MimeType string `json:"mime_type"`
	Data     string `json:"data"`
	Name     string `json:"name,omitempty"`
}

// embedExchanges adds to every step of godog's Cucumber JSON the SOAP
// exchanges it made, as embeddings: the request and the response envelope
// as text/xml (passwords masked, as everywhere), or text/plain for an
// exchange that got no answer. Everything godog wrote stays as it was; the
// keys come out sorted. An exchange made outside a step (in a hook) goes
// with the step before it, or the first.
func embedExchanges(cuke []byte, pairs recordPairs) ([]byte, error) {
	var features []map[string]json.RawMessage
	if err := json.Unmarshal(cuke, &features); err != nil {
		return nil, err
	}
	type stepKey struct{ feature, element, step int }
	byStep := map[stepKey][]cukeEmbedding{}
	for rec, p := range pairs {
		ran := -1
		for _, s := range rec.steps {
			if s.ran {
				ran++
			}
			k := stepKey{p[0], p[1], max(ran, 0)}
			for _, ex := range s.exchanges {
				byStep[k] = append(byStep[k], exchangeEmbeddings(ex)...)
			}
		}
	}
	if len(byStep) == 0 {
		return cuke, nil
	}
	for fi, f := range features {
		var elements []map[string]json.RawMessage
		if err := json.Unmarshal(f["elements"], &elements); err != nil {
			return nil, fmt.Errorf("feature %d: %w", fi, err)
		}
		for ei, el := range elements {
			var steps []map[string]json.RawMessage
			if err := json.Unmarshal(el["steps"], &steps); err != nil {
				return nil, fmt.Errorf("feature %d, element %d: %w", fi, ei, err)
			}
			for si, st := range steps {
				emb := byStep[stepKey{fi, ei, si}]
				if len(emb) == 0 {
					continue
				}
				var have []cukeEmbedding
				if raw, ok := st["embeddings"]; ok {
					if err := json.Unmarshal(raw, &have); err != nil {
						return nil, fmt.Errorf("feature %d, element %d, step %d: %w", fi, ei, si, err)
					}
				}
				if err := setJSON(st, "embeddings", append(have, emb...)); err != nil {
					return nil, err
				}
			}
			if err := setJSON(el, "steps", steps); err != nil {
				return nil, err
			}
		}
		if err := setJSON(f, "elements", elements); err != nil {
			return nil, err
		}
	}
	out, err := marshal(features)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, out, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// exchangeEmbeddings are the embeddings of one exchange.
func exchangeEmbeddings(ex exchangeRecord) []cukeEmbedding {
	xml := func(name string, b []byte) cukeEmbedding {
		return cukeEmbedding{MimeType: "text/xml", Data: base64.StdEncoding.EncodeToString(b), Name: name}
	}
	out := []cukeEmbedding{xml(ex.procedure+": Anfrage", ex.request)}
	if len(ex.response) > 0 {
		out = append(out, xml(fmt.Sprintf("%s: Antwort (%s, HTTP %d)", ex.procedure, exchangeResult(ex), ex.httpStatus), ex.response))
	}
	if ex.outcome == outcomeError {
		out = append(out, cukeEmbedding{MimeType: "text/plain", Data: base64.StdEncoding.EncodeToString([]byte(exchangeResult(ex))), Name: ex.procedure + ": ohne Antwort"})
	}
	return out
}

// setJSON sets m[key] to v in JSON.
func setJSON(m map[string]json.RawMessage, key string, v any) error {
	raw, err := marshal(v)
	if err != nil {
		return err
	}
	m[key] = raw
	return nil
}

// marshal is json.Marshal without escaping <, > and &, which the XML in
// error messages is full of.
func marshal(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
