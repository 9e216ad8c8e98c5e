package deflate

import (
	"encoding/binary"
	"math/bits"
)

// The fixed Huffman codes of RFC 1951, section 3.2.6, and the length and
// distance codes of section 3.2.5.

const endOfBlock = 256

var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// fixed holds each literal/length symbol's code, bit-reversed as it
	// is written, and its length in bits in the low byte.
	fixed = fixedCodes()
	// lengthCode maps a match length to its index in lengthBase.
	lengthCode = lengthCodes()
)

func fixedCodes() (c [288]uint32) {
	for s := range c {
		var code, n int
		switch {
		case s < 144:
			code, n = 0x30+s, 8
		case s < 256:
			code, n = 0x190+s-144, 9
		case s < 280:
			code, n = s-256, 7
		default:
			code, n = 0xc0+s-280, 8
		}
		c[s] = uint32(bits.Reverse16(uint16(code))>>(16-n))<<8 | uint32(n)
	}
	return c
}

func lengthCodes() (c [maxMatch + 1]uint8) {
	// In order, so that 258 ends with its own code rather than the last
	// of the range before (RFC 1951 codes it as 285).
	for i, base := range lengthBase {
		for l := int(base); l < int(base)+1<<lengthExtra[i] && l <= maxMatch; l++ {
			c[l] = uint8(i)
		}
	}
	return c
}

// distCode returns the index in distBase of a distance of 1 to 32768.
func distCode(d int) int {
	d--
	if d < 4 {
		return d
	}
	n := bits.Len(uint(d))
	return 2*(n-1) + (d>>(n-2))&1
}

// bitWriter appends bits to out, the first in the lowest bit of a byte.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

func (w *bitWriter) code(sym int) {
	c := fixed[sym]
	w.write(uint64(c>>8), uint(c&0xff))
}

func (w *bitWriter) literal(b byte) { w.code(int(b)) }

// match writes a copy of length bytes from dist bytes back.
func (w *bitWriter) match(length, dist int) {
	lc := int(lengthCode[length])
	w.code(257 + lc)
	if n := lengthExtra[lc]; n > 0 {
		w.write(uint64(length-int(lengthBase[lc])), uint(n))
	}
	dc := distCode(dist)
	w.write(uint64(bits.Reverse8(uint8(dc))>>3), 5)
	if n := distExtra[dc]; n > 0 {
		w.write(uint64(dist-int(distBase[dc])), uint(n))
	}
}

// flush writes the bits left, padded to a byte, and returns out.
func (w *bitWriter) flush() []byte {
	for w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc = uint(max(int(w.nacc)-8, 0))
	}
	return w.out
}
