// Package deflate compresses short documents as raw DEFLATE (RFC 1951)
// against a preset dictionary, for readers such as compress/flate's
// NewReaderDict.
//
// A general encoder primes its match table with the dictionary on every
// reset, by compressing the dictionary and throwing the output away: for a
// SOAP document of 1 KB and a dictionary of 3 KB, most of the work. An
// Encoder builds the dictionary's table once and only reads it; each
// document gets a small table of its own. It codes with DEFLATE's fixed
// Huffman codes, which for documents of a few kilobytes cost about as many
// bytes as a block's own codes would, without building and sending them.
package deflate

import (
	"encoding/binary"
	"math"
	"math/bits"
	"sync"
)

const (
	windowSize = 1 << 15 // DEFLATE's largest distance
	minMatch   = 4       // the hash covers 4 bytes
	maxMatch   = 258
	hashBits   = 13
	// dictDepth bounds the earlier positions of one hash tried in the
	// dictionary, where the names repeat with different continuations.
	dictDepth = 8
)

// Encoder compresses documents against one dictionary. It is safe for
// concurrent use.
type Encoder struct {
	dict []byte
	// head holds, per hash, the dictionary's last position with it, plus
	// one (0: none); prev links each position to the one before with the
	// same hash, the same way.
	head   []int32
	prev   []int32
	states sync.Pool // *state
}

// state is the per-document memory of an encoding.
type state struct {
	win []byte // the dictionary, then the document
	// head holds, per hash, the document's last position with it plus
	// base; entries from earlier documents are at most base, so the table
	// need not be cleared for each.
	head []int32
	base int32
}

// NewEncoder returns an Encoder for dict, of which only the last 32 KiB
// count, as for every DEFLATE reader.
func NewEncoder(dict []byte) *Encoder {
	if len(dict) > windowSize {
		dict = dict[len(dict)-windowSize:]
	}
	e := &Encoder{
		dict: append([]byte(nil), dict...),
		head: make([]int32, 1<<hashBits),
		prev: make([]int32, len(dict)),
	}
	for i := 0; i+minMatch <= len(e.dict); i++ {
		h := hash4(e.dict[i:])
		e.prev[i] = e.head[h]
		e.head[h] = int32(i + 1)
	}
	e.states.New = func() any {
		win := make([]byte, len(e.dict), len(e.dict)+4096)
		copy(win, e.dict)
		return &state{win: win, head: make([]int32, 1<<hashBits)}
	}
	return e
}

// maxInput bounds a document, so that positions fit the tables' int32.
const maxInput = 1 << 30

// Encode appends src, compressed as one final DEFLATE block, to dst and
// returns the result. src must be shorter than 1 GiB.
func (e *Encoder) Encode(dst, src []byte) []byte {
	if len(src) >= maxInput {
		panic("deflate: document of 1 GiB or more")
	}
	st := e.states.Get().(*state)
	st.win = append(st.win[:len(e.dict)], src...)
	win, end := st.win, len(st.win)
	if int64(st.base)+int64(end)+1 > math.MaxInt32 {
		clear(st.head)
		st.base = 0
	}

	w := bitWriter{out: dst}
	w.write(1|1<<1, 3) // BFINAL, BTYPE 01: fixed Huffman codes
	// misses grows while nothing matches, so that data without repeats is
	// passed over in growing steps instead of searched at every byte.
	misses := 0
	for i := len(e.dict); i < end; {
		if end-i < minMatch {
			w.literal(win[i])
			i++
			continue
		}
		length, dist := e.longest(st, i)
		if length < minMatch {
			step := 1 + misses>>5
			misses++
			for stop := min(i+step, end); i < stop; i++ {
				w.literal(win[i])
			}
			continue
		}
		misses = 0
		w.match(length, dist)
		// The match's last positions are remembered, where the next
		// repeat of what follows is likeliest to begin.
		next := i + length
		for j := max(i+1, next-2); j < next && j+minMatch <= end; j++ {
			st.head[hash4(win[j:])] = st.base + int32(j+1)
		}
		i = next
	}
	w.code(endOfBlock)
	st.base += int32(end) + 1 // what this document put in st.head is old now
	e.states.Put(st)
	return w.flush()
}

// longest finds the longest earlier match for the bytes at i, in the
// document's own table and in the dictionary's chains, and remembers i.
func (e *Encoder) longest(st *state, i int) (length, dist int) {
	win := st.win
	limit := min(len(win), i+maxMatch)
	h := hash4(win[i:])
	if c := st.head[h] - st.base; c > 0 {
		if cand := int(c - 1); i-cand <= windowSize {
			if l := matchLen(win[cand:], win[i:limit]); l >= minMatch {
				length, dist = l, i-cand
			}
		}
	}
	st.head[h] = st.base + int32(i+1)
	for c, depth := e.head[h], 0; c > 0 && depth < dictDepth && length < limit-i; c, depth = e.prev[c-1], depth+1 {
		cand := int(c - 1)
		if i-cand > windowSize {
			break // earlier positions are further still
		}
		if l := matchLen(win[cand:], win[i:limit]); l > length {
			length, dist = l, i-cand
		}
	}
	return length, dist
}

// hash4 hashes the first four bytes of b.
func hash4(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 2654435761) >> (32 - hashBits)
}

// matchLen returns how many leading bytes of a and b agree; a is at least
// as long as b.
func matchLen(a, b []byte) int {
	n := 0
	for len(b)-n >= 8 {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		n += 8
	}
	for n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
