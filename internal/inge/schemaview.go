package inge

import (
	"fmt"

	"github.com/inge-harness/inge-harness/internal/inge/soap"
)

// Schema is an XSD compiled for the strict check: ours (ContractSchema),
// or the XSD of a contract profile (CompileSchema), which a profiled
// sandbox checks its requests against. Both are checked by the same code,
// so a profile's XSD is applied exactly as strictly as ours.
type Schema struct{ s *schema }

// ContractSchema returns our contract's XSD, with its rule attributes
// (m:pflicht, m:codeliste).
func ContractSchema() *Schema { return &Schema{defaultSchema()} }

// CompileSchema compiles an XSD in the subset the strict check knows (see
// parseSchema: named simple types with facets, sequences, choices,
// extensions, simple content with attributes, one target namespace,
// elementFormDefault="qualified"). Anything else is an error naming it:
// the check never ignores a part of a schema. Rule attributes of our
// annotation namespace are not applied: they are our contract's, not a
// profile's.
func CompileSchema(xsd []byte) (*Schema, error) {
	s, err := parseSchema(xsd)
	if err != nil {
		return nil, err
	}
	return &Schema{s}, nil
}

// Namespace is the schema's target namespace.
func (s *Schema) Namespace() string { return s.s.ns }

// Elements returns the names of the global elements, in the order of the
// XSD.
func (s *Schema) Elements() []string { return append([]string(nil), s.s.order...) }

// Element returns the global element of that name as a tree of fields,
// itself occurring once.
func (s *Schema) Element(name string) (Feld, bool) {
	d, ok := s.s.roots[name]
	if !ok {
		return Feld{}, false
	}
	return feldOf(d), true
}

// Check checks el strictly against its global declaration in the schema:
// every deviation comes back in a *SchemaError. Without one it returns the
// findings of the rule attributes (none for a profile's schema).
func (s *Schema) Check(el soap.Element) ([]Meldung, error) { return s.s.check(el) }

// check checks el against its global declaration.
func (s *schema) check(el soap.Element) ([]Meldung, error) {
	root, ok := s.roots[el.Name.Local]
	if !ok || el.Name.Space != s.ns {
		return nil, fmt.Errorf("check: %s is no global element of the schema %s", el.Name.Local, s.ns)
	}
	c := &checker{ns: s.ns, rules: s.rules, scope: el.Scope()}
	c.element(tree(el), root, "")
	if len(c.abweichungen) > 0 {
		return nil, &SchemaError{Abweichungen: c.abweichungen, Weitere: c.weitere}
	}
	return c.befunde, nil
}
