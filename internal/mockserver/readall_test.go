package mockserver

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadAll(t *testing.T) {
	body := strings.Repeat("<Kursauskunft/>", 200) // 3,000 bytes
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return strings.NewReader(body) },
		"bytewise": func() io.Reader { return iotest.OneByteReader(strings.NewReader(body)) },
		"halves":   func() io.Reader { return iotest.HalfReader(strings.NewReader(body)) },
		"data+EOF": func() io.Reader { return iotest.DataErrReader(strings.NewReader(body)) },
	}
	sizes := []struct {
		name string
		n    int64
	}{
		{"announced exactly", int64(len(body))},
		{"announced too few", 10},
		{"announced none", 0},
		{"unknown", -1},
		{"above the limit", 1 << 40},
	}
	for rname, reader := range readers {
		for _, size := range sizes {
			t.Run(rname+"/"+size.name, func(t *testing.T) {
				got, err := readAll(reader(), size.n, 1<<20)
				if err != nil {
					t.Fatalf("readAll() error = %v; want nil", err)
				}
				if string(got) != body {
					t.Errorf("readAll() = %d bytes; want the %d of the body", len(got), len(body))
				}
			})
		}
	}
}

func TestReadAllKeepsWhatCameBeforeAnError(t *testing.T) {
	broken := errors.New("Verbindung abgebrochen")
	r := io.MultiReader(strings.NewReader("<soapenv:Env"), iotest.ErrReader(broken))
	got, err := readAll(r, 100, 1<<20)
	if !errors.Is(err, broken) {
		t.Errorf("readAll() error = %v; want %v", err, broken)
	}
	if !bytes.Equal(got, []byte("<soapenv:Env")) {
		t.Errorf("readAll() = %q; want what came before the error", got)
	}
}
