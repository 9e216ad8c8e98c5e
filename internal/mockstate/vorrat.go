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

// vorraete is a store's copies of many things of one kind, by key: the
// courses reads loaded. They are kept like a vorrat's copy, but a
// committed change of any of them drops them all: the store tells only that
// it changed, not what.
type vorraete[K comparable, V any] struct {
	mu     sync.Mutex
	gen    uint64
	values map[K]V
	max    int // beyond it the copies start afresh
}

// generation returns the current generation, to be taken before a read
// whose values are put.
func (v *vorraete[K, V]) generation() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.gen
}

// getAt returns the copy of key if nothing changed since generation gen.
func (v *vorraete[K, V]) getAt(gen uint64, key K) (V, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.gen != gen {
		var zero V
		return zero, false
	}
	value, ok := v.values[key]
	return value, ok
}

// put keeps value as the copy of key, read at generation gen, unless
// something changed since.
func (v *vorraete[K, V]) put(gen uint64, key K, value V) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.gen != gen {
		return
	}
	if v.values == nil || len(v.values) >= v.max {
		v.values = make(map[K]V)
	}
	v.values[key] = value
}

// changed drops every copy.
func (v *vorraete[K, V]) changed() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.gen++
	v.values = nil
}
