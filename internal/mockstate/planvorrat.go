package mockstate

import (
	"sync"

	"github.com/inge-harness/inge-harness/internal/inge"
)

// maxPlaene bounds the decoded plans a store keeps; beyond it the store
// starts afresh.
const maxPlaene = 1024

// planVorrat keeps the plans that reads decoded, by their stored XML:
// decoding a plan is a tenth of a Kursauskunft. A changed plan is stored
// anew, so its bytes find no stale entry. Only reads use it: they change
// nothing of the plan they get, which shares its slices with the kept one.
type planVorrat struct {
	mu     sync.Mutex
	plaene map[string]*inge.Kursplanung
}

// get returns the plan decoded from stored.
func (v *planVorrat) get(stored []byte) (*inge.Kursplanung, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	p, ok := v.plaene[string(stored)]
	return p, ok
}

// put keeps p, decoded from stored.
func (v *planVorrat) put(stored []byte, p *inge.Kursplanung) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.plaene == nil || len(v.plaene) >= maxPlaene {
		v.plaene = map[string]*inge.Kursplanung{}
	}
	v.plaene[string(stored)] = p
}
