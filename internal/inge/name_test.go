package inge_test

import (
	"testing"

	"github.com/inge-harness/inge-harness/internal/inge"
)

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		"Öztürk": true, "Al-Hassan": true, "Tesfa Mariam": true, "Дмитрий": true, "José": true,
		"": false, "Anna2": false, "O'Brien": false, "Al--Hassan": false, "-Anna": false, "Anna ": false, "A  B": false, "Anna.": false,
	} {
		if got := inge.ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v; want %v", name, got, want)
		}
	}
}
