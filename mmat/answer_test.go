package mmat

import (
	"errors"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	t.Parallel()
	good := map[string]Answer{
		"Y": Yes, "yes": Yes, " YES ": Yes, "N": No, "no": No, "No": No,
		"CT": CantTell, "ct": CantTell, "Can't tell": CantTell, "Can’t tell": CantTell,
		"can‘t  tell": CantTell, "CANʼT TELL": CantTell, "Cannot tell": CantTell,
		"Unclear": CantTell, "cant tell": CantTell, "?": CantTell,
		"": NotRated, "NA": NotRated, "n/a": NotRated,
		"+": Yes, "-": No, " - ": No, "\u2212": No,
	}
	for s, want := range good {
		got, err := ParseAnswer(s)
		if err != nil || got != want {
			t.Errorf("ParseAnswer(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"Partial", "NI", "Nope", "Ye", "Yess", "L", "Low", "Can tell", "1", "no information", "\u2013", "--", "++"} {
		_, err := ParseAnswer(s)
		if !errors.Is(err, ErrInvalidAnswer) {
			t.Errorf("ParseAnswer(%q) error = %v; want ErrInvalidAnswer", s, err)
		}
	}
}
