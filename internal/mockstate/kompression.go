package mockstate

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"fmt"
	"io"
	"sync"

	kflate "github.com/klauspost/compress/flate"
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

// packLevel is the level of the packing encoder, klauspost/compress's
// DEFLATE: its level 1 uses the dictionary, and packs a Kursauskunft's
// request of 1,123 bytes to 113 in some 10 µs, where the standard
// library's level 4 (its level 1 ignores a dictionary) takes 28 µs for
// 104 bytes, most of them clearing its tables on every reset. The output
// is standard DEFLATE: unpack reads it with compress/flate, as it reads
// every entry written before.
const packLevel = 1

// minPack is the size below which a document is not worth compressing.
const minPack = 128

var packers = sync.Pool{New: func() any {
	w, err := kflate.NewWriterDict(io.Discard, packLevel, woerterbuch1)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return w
}}

// pack returns doc compressed for the journal, or doc itself when that
// would not make it smaller.
func pack(doc []byte) []byte {
	if len(doc) < minPack {
		return doc
	}
	var buf bytes.Buffer
	buf.Grow(len(doc)/3 + len(packedPrefix) + 16)
	buf.WriteString(packedPrefix)
	w := packers.Get().(*kflate.Writer)
	defer packers.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(doc); err != nil {
		return doc
	}
	if err := w.Close(); err != nil || buf.Len() >= len(doc) {
		return doc
	}
	return buf.Bytes()
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
