package mockstate

import "sync"

// vorrat is a store's copy of something it reads often and writes seldom:
// its users, its clock. A transaction that wrote it drops the copy once
// committed (changed); a copy read while one did is not kept, which the
// generation tells: put keeps a value only if nothing changed since the
// generation it was read at, taken before the read began.
type vorrat[T any] struct {
	mu    sync.Mutex
	gen   uint64
	value T
	valid bool
}

// get returns the copy, if there is one.
func (v *vorrat[T]) get() (T, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.value, v.valid
}

// getAt returns the copy if nothing changed since generation gen: then it
// is what a transaction that began at gen reads.
func (v *vorrat[T]) getAt(gen uint64) (T, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.gen != gen {
		var zero T
		return zero, false
	}
	return v.value, v.valid
}

// generation returns the current generation, to be taken before a read
// whose value is put.
func (v *vorrat[T]) generation() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.gen
}

// put keeps value, read at generation gen, unless something changed since.
func (v *vorrat[T]) put(gen uint64, value T) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.gen == gen {
		v.value, v.valid = value, true
	}
}

// changed drops the copy.
func (v *vorrat[T]) changed() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.gen++
	var zero T
	v.value, v.valid = zero, false
}
