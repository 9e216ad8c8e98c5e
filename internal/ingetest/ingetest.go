// Package ingetest holds the fixtures that the tests of several packages
// share, so that they are written once: the test accounts of the
// Testdatenpaket, a valid Kursplanung built from its test cases, stores
// opened for a test and closed after it, a settable time source, and the one
// place where tests call Store.Apply. It is the counterpart of wtf's mock
// package and its MustOpenDB.
//
// Only tests import ingetest (TestOnlyTestsImportIngetest). Every helper
// that can fail takes the test's testing.TB and stops the test with a
// message that names what failed.
//
// A typical table test of a procedure:
//
//	s := ingetest.MustStore(t, mockstate.WithTimeSource(ingetest.NewTimeSource(jetzt).Now))
//	req := &inge.KursplanungErfassenAnfrage{
//		Anfrage:     ingetest.KT1().Anfrage(),
//		Kursplanung: ingetest.Plan(t, "KP-1", "2027-05-03"),
//	}
//	resp := ingetest.Apply(t, s, ingetest.KT1().Caller(), req)
package ingetest
