package mockstate

import "sync"

// vorrat is a store's copy of something it reads often and writes seldom:
// its users, its clock. It is a vorraete of one key: a transaction that
// wrote it drops the copy once committed (changed), and a copy read while
// one did is not kept.
type vorrat[T any] struct {
	v vorraete[struct{}, T]
}

// get returns the copy, if there is one.
func (v *vorrat[T]) get() (T, bool) { return v.getAt(v.generation()) }

// getAt returns the copy if nothing changed since generation gen: then it
// is what a transaction that began at gen reads.
func (v *vorrat[T]) getAt(gen uint64) (T, bool) { return v.v.getAt(gen, struct{}{}) }

// generation returns the current generation, to be taken before a read
// whose value is put.
func (v *vorrat[T]) generation() uint64 { return v.v.generation() }

// put keeps value, read at generation gen, unless something changed since.
func (v *vorrat[T]) put(gen uint64, value T) { v.v.put(gen, struct{}{}, value) }

// changed drops the copy.
func (v *vorrat[T]) changed() { v.v.changed() }

// vorraete is a store's copies of many things of one kind, by key: the
// courses reads loaded. They are kept like a vorrat's copy, but a
// committed change of any of them drops them all: the store tells only that
// it changed, not what.
type vorraete[K comparable, V any] struct {
	mu     sync.Mutex
	gen    uint64
	values map[K]V
	max    int // beyond it the copies start afresh; 0: no bound
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
	if v.values == nil || v.max > 0 && len(v.values) >= v.max {
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
