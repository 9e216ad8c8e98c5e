package mockstate

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"fmt"
	"io"

	"github.com/inge-harness/inge-harness/internal/deflate"
)

// The journal keeps a request or answer compressed: DEFLATE with a preset
// dictionary of the contract's frequent names and namespaces (SOAP
// documents are short; without one, most of them would shrink little),
// behind a prefix that no XML document begins with. What is stored shrinks
// to about a tenth and reads back byte for byte: nothing of the evidence
// is lost. A document that would not shrink, and every entry written
// before, is kept as it is.

// packedPrefix marks a compressed document: DEFLATE with dictionary 1.
// Documents begin with "<" or a BOM, never with a NUL byte.
const packedPrefix = "\x00D1"

// woerterbuch1 is the preset dictionary of packedPrefix. Never change it:
// the entries written with it must stay readable. A better one gets a new
// prefix, and unpack keeps reading this one.
//
//go:embed woerterbuch/1.xml
var woerterbuch1 []byte

// packer compresses with woerterbuch1, whose match table it builds once:
// a general encoder (klauspost/compress's, before) primes its table with
// the dictionary on every reset, which took three quarters of packing a
// read's request and answer. The output is standard DEFLATE: unpack reads
// it with compress/flate, as it reads every entry written before.
var packer = deflate.NewEncoder(woerterbuch1)

// minPack is the size below which a document is not worth compressing.
const minPack = 128

// pack returns doc compressed for the journal, or doc itself when that
// would not make it smaller.
func pack(doc []byte) []byte {
	if len(doc) < minPack {
		return doc
	}
	buf := make([]byte, 0, len(doc)/3+len(packedPrefix)+16)
	packed := packer.Encode(append(buf, packedPrefix...), doc)
	if len(packed) >= len(doc) {
		return doc
	}
	return packed
}

// unpack returns a journal document as it was written.
func unpack(stored []byte) ([]byte, error) {
	rest, packed := bytes.CutPrefix(stored, []byte(packedPrefix))
	if !packed {
		return stored, nil
	}
	r := flate.NewReaderDict(bytes.NewReader(rest), woerterbuch1)
	defer r.Close()
	doc, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("unpack journal document: %w", err)
	}
	return doc, nil
}

// JournalDokument returns a request or answer of the journal as it was
// written, from the bytes of its column (anfrage, antwort and their
// canonical forms), for tools that read a store's file directly.
func JournalDokument(stored []byte) ([]byte, error) { return unpack(stored) }
