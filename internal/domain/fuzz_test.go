package domain_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// maxFuzzInput bounds fuzz inputs so that a run spends its time on shapes,
// not on megabyte strings.
const maxFuzzInput = 64 << 10

// wantInvalid fails unless err is a *domain.Error with code EINVALID.
func wantInvalid(t *testing.T, what string, err error) *domain.Error {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("%s: error %v (%T) is not an EINVALID *domain.Error", what, err, err)
	}
	if e.Message == "" {
		t.Fatalf("%s: EINVALID error without a message", what)
	}
	return e
}

func midnightUTC(t time.Time) bool {
	return t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// FuzzPartialDate: ParsePartialDate never panics; it rejects with EINVALID or
// returns a date whose Value is the input, whose precision matches the
// input's length, whose bounds are midnight UTC, in order and span exactly
// the year, month or day the value names, that parses again to the same date,
// and that Narrow accepts its own bounds and refuses wider or reversed ones.
// ParseDate accepts exactly the values of DAY precision.
func FuzzPartialDate(f *testing.F) {
	for _, s := range []string{
		"2024", "2024-02", "2024-02-29", "2025-03-18T14:30", "0000", "9999-12-31T23:59",
		"", "2025-02-29", "2025-13", "2025-3", "2025-03-18T24:00", "+025", "2025-03-18 14:30", "99999999999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if len(value) > maxFuzzInput {
			t.Skip()
		}
		d, err := domain.ParsePartialDate(value)
		day, dayErr := domain.ParseDate("date", value)
		if dayErr != nil {
			if e := wantInvalid(t, "ParseDate", dayErr); e.Field != "date" {
				t.Errorf("ParseDate error field = %q, want %q", e.Field, "date")
			}
		}
		if err != nil {
			wantInvalid(t, "ParsePartialDate", err)
			if d != (domain.PartialDate{}) {
				t.Errorf("ParsePartialDate(%q) failed but returned %v", value, d)
			}
			if dayErr == nil {
				t.Errorf("ParseDate accepts %q but ParsePartialDate does not", value)
			}
			return
		}
		_ = d.String()
		if d.Value != value {
			t.Fatalf("ParsePartialDate(%q).Value = %q", value, d.Value)
		}
		if !utf8.ValidString(value) {
			t.Fatalf("ParsePartialDate accepted invalid UTF-8 %q", value)
		}
		if !midnightUTC(d.Earliest) || !midnightUTC(d.Latest) {
			t.Fatalf("%v: bounds are not midnight UTC", d)
		}
		if d.Latest.Before(d.Earliest) {
			t.Fatalf("%v: latest before earliest", d)
		}
		next := d.Latest.AddDate(0, 0, 1) // the first day after the span
		var wantLen int
		switch d.Precision {
		case domain.PrecisionYear:
			wantLen = 4
			if d.Earliest.Format("2006") != value || d.Earliest.YearDay() != 1 || next.Year() != d.Earliest.Year()+1 || next.YearDay() != 1 {
				t.Fatalf("%v: does not span the year %s", d, value)
			}
		case domain.PrecisionMonth:
			wantLen = 7
			if d.Earliest.Format("2006-01") != value || d.Earliest.Day() != 1 || next.Day() != 1 || !next.Equal(d.Earliest.AddDate(0, 1, 0)) {
				t.Fatalf("%v: does not span the month %s", d, value)
			}
		case domain.PrecisionDay, domain.PrecisionMinute:
			wantLen = 10
			if d.Precision == domain.PrecisionMinute {
				wantLen = 16
			}
			if d.Earliest.Format(domain.DateLayout) != value[:10] || !d.Earliest.Equal(d.Latest) {
				t.Fatalf("%v: does not span the day %s", d, value[:min(len(value), 10)])
			}
		default:
			t.Fatalf("%v: unknown precision", d)
		}
		if len(value) != wantLen {
			t.Fatalf("%v: precision %s from a %d-byte value", d, d.Precision, len(value))
		}
		if (dayErr == nil) != (d.Precision == domain.PrecisionDay) {
			t.Errorf("ParseDate(%q) error = %v, but the partial date has precision %s", value, dayErr, d.Precision)
		} else if dayErr == nil && !day.Equal(d.Earliest) {
			t.Errorf("ParseDate(%q) = %v, partial date starts %v", value, day, d.Earliest)
		}

		// The value is the formatting: it parses back to the same date.
		again, err := domain.ParsePartialDate(strings.Clone(d.Value))
		if err != nil {
			t.Fatalf("re-parse of %q: %v", d.Value, err)
		}
		if again.Value != d.Value || again.Precision != d.Precision || !again.Earliest.Equal(d.Earliest) || !again.Latest.Equal(d.Latest) {
			t.Fatalf("re-parse of %q = %v, want %v", d.Value, again, d)
		}

		// Narrowing: its own bounds are fine, wider or reversed ones are not.
		if n, err := d.Narrow(d.Earliest, d.Latest); err != nil || n != d {
			t.Fatalf("%v.Narrow(own bounds) = %v, %v", d, n, err)
		}
		if n, err := d.Narrow(d.Latest, d.Latest); err != nil || !n.Earliest.Equal(d.Latest) || !n.Latest.Equal(d.Latest) {
			t.Fatalf("%v.Narrow(latest, latest) = %v, %v", d, n, err)
		}
		if _, err := d.Narrow(d.Earliest.AddDate(0, 0, -1), d.Latest); err == nil {
			t.Fatalf("%v.Narrow accepts an earlier start", d)
		} else {
			wantInvalid(t, "Narrow", err)
		}
		if _, err := d.Narrow(d.Earliest, next); err == nil {
			t.Fatalf("%v.Narrow accepts a later end", d)
		} else {
			wantInvalid(t, "Narrow", err)
		}
		if d.Latest.After(d.Earliest) {
			if _, err := d.Narrow(d.Latest, d.Earliest); err == nil {
				t.Fatalf("%v.Narrow accepts reversed bounds", d)
			} else {
				wantInvalid(t, "Narrow", err)
			}
		}
	})
}

// idForm is the form of an id that KindOfID checks by hand.
var idForm = regexp.MustCompile(`^([a-z]+)/([a-z0-9]+(?:[-.][a-z0-9]+)*)$`)

func knownPrefix(p string) bool {
	for _, k := range domain.Kinds {
		if k.Prefix() == p {
			return true
		}
	}
	return false
}

// FuzzID: KindOfID and CheckID never panic and agree; a rejection is an
// EINVALID *domain.Error naming the field; an accepted id is at most
// MaxIDLength bytes of lowercase ASCII "<prefix>/<slug>" whose prefix is its
// kind's, passes CheckID for that kind and fails it for every other kind.
func FuzzID(f *testing.F) {
	for _, s := range []string{
		"person/dmitry-peskov", "organisation/tass", "claim/2025-03-18.call", "source/a1",
		"", "person/", "/x", "Person/Dmitry", "person/a--b", "person/a.", "unicorn/x",
		"person/a\n", "person/dmіtry", "person/-a", "person/a-.b", "person/a.b-c", "person/.", "person//a", "person/a/b", "a/b", "person/" + strings.Repeat("a", domain.MaxIDLength),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if len(id) > maxFuzzInput {
			t.Skip()
		}
		k, err := domain.KindOfID(id)
		checkErr := domain.CheckID("input.id", id)
		if m := idForm.FindStringSubmatch(id); (m != nil && len(id) <= domain.MaxIDLength && knownPrefix(m[1])) != (err == nil) {
			t.Fatalf("KindOfID(%q) error = %v, but the id form %s says %v", id, err, idForm, m != nil)
		}
		if (err == nil) != (checkErr == nil) {
			t.Fatalf("KindOfID(%q) error = %v but CheckID error = %v", id, err, checkErr)
		}
		if err != nil {
			if e := wantInvalid(t, "KindOfID", err); e.Field != "id" {
				t.Errorf("KindOfID error field = %q, want id", e.Field)
			}
			if e := wantInvalid(t, "CheckID", checkErr); e.Field != "input.id" {
				t.Errorf("CheckID error field = %q, want input.id", e.Field)
			}
			if k != "" {
				t.Errorf("KindOfID(%q) failed but returned kind %q", id, k)
			}
			for _, want := range domain.Kinds {
				if domain.CheckID("x", id, want) == nil {
					t.Fatalf("CheckID(%q, %s) accepts an id KindOfID rejects", id, want)
				}
			}
			return
		}
		if len(id) > domain.MaxIDLength {
			t.Fatalf("accepted id of %d bytes > MaxIDLength %d", len(id), domain.MaxIDLength)
		}
		for i := 0; i < len(id); i++ {
			if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '/') {
				t.Fatalf("accepted id %q has byte %q", id, c)
			}
		}
		prefix, slug, ok := strings.Cut(id, "/")
		if !ok || prefix != k.Prefix() || slug == "" || strings.Contains(slug, "/") {
			t.Fatalf("accepted id %q as a %s", id, k)
		}
		// Re-checks are stable, also on a fresh copy.
		if k2, err := domain.KindOfID(strings.Clone(id)); err != nil || k2 != k {
			t.Fatalf("re-check of %q = %q, %v; first gave %q", id, k2, err, k)
		}
		for _, want := range domain.Kinds {
			err := domain.CheckID("f", id, want)
			if want == k && err != nil {
				t.Fatalf("CheckID(%q, %s) = %v", id, want, err)
			}
			if want != k {
				if err == nil {
					t.Fatalf("CheckID(%q, %s) accepts a %s", id, want, k)
				}
				if e := wantInvalid(t, "CheckID", err); e.Field != "f" {
					t.Errorf("CheckID error field = %q, want f", e.Field)
				}
			}
		}
		if err := domain.CheckID("f", id, domain.KindClaim, k); err != nil {
			t.Fatalf("CheckID(%q, Claim or %s) = %v", id, k, err)
		}
	})
}
