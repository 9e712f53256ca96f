package domain_test

import (
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

func day(s string) time.Time {
	t, err := time.Parse(domain.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePartialDate(t *testing.T) {
	cases := []struct {
		value, earliest, latest string
		precision               domain.Precision
	}{
		{"2024", "2024-01-01", "2024-12-31", domain.PrecisionYear},
		{"2024-02", "2024-02-01", "2024-02-29", domain.PrecisionMonth},
		{"2025-03-18", "2025-03-18", "2025-03-18", domain.PrecisionDay},
		{"2025-03-18T14:30", "2025-03-18", "2025-03-18", domain.PrecisionMinute},
	}
	for _, c := range cases {
		t.Run(c.value, func(t *testing.T) {
			d, err := domain.ParsePartialDate(c.value)
			if err != nil {
				t.Fatal(err)
			}
			if d.Precision != c.precision || !d.Earliest.Equal(day(c.earliest)) || !d.Latest.Equal(day(c.latest)) {
				t.Errorf("ParsePartialDate(%q) = %v, want %s %s..%s", c.value, d, c.precision, c.earliest, c.latest)
			}
		})
	}
	for _, bad := range []string{"", "25", "2025-3", "2025-13", "2025-02-30", "2025/03/01", "2025-03-18T25:00", "March 2025"} {
		t.Run("ErrInvalid/"+bad, func(t *testing.T) {
			if _, err := domain.ParsePartialDate(bad); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("ParsePartialDate(%q) error = %v, want code %s", bad, err, domain.EINVALID)
			}
		})
	}
}

func TestPartialDateNarrow(t *testing.T) {
	nov, _ := domain.ParsePartialDate("2024-11")
	early, err := nov.Narrow(day("2024-11-01"), day("2024-11-10"))
	if err != nil {
		t.Fatal(err)
	}
	if early.Value != "2024-11" || !early.Latest.Equal(day("2024-11-10")) {
		t.Errorf("Narrow = %v", early)
	}
	t.Run("ErrOutsideSpan", func(t *testing.T) {
		if _, err := nov.Narrow(day("2024-10-31"), day("2024-11-10")); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("error = %v, want EINVALID", err)
		}
	})
	t.Run("ErrReversed", func(t *testing.T) {
		if _, err := nov.Narrow(day("2024-11-10"), day("2024-11-01")); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("error = %v, want EINVALID", err)
		}
	})
}

func TestFold(t *testing.T) {
	same := [][]string{
		{"Zełenski", "ZELENSKI", "zelenski"},
		{"Władimir Putin", "wladimir   putin", "WŁADIMIR-PUTIN"},
		{"Pieskow", "pieskow"},
		{"Biały Dom", "bialy dom"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if domain.Fold(s) != domain.Fold(group[0]) {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", s, domain.Fold(s), group[0], domain.Fold(group[0]))
			}
		}
	}
	if got := domain.SearchKeys("Dmitry Peskov", []string{"Dmitrij Pieskow", "dmitry peskov"}); len(got) != 2 {
		t.Errorf("SearchKeys should drop folded duplicates, got %q", got)
	}
}

func TestDeriveStatus(t *testing.T) {
	v := func(s domain.Stance, party bool) domain.StanceVote {
		return domain.StanceVote{Stance: s, ByParty: party}
	}
	cases := []struct {
		name  string
		votes []domain.StanceVote
		want  domain.ClaimStatus
	}{
		{"NoAttributions", nil, domain.StatusReported},
		{"OnlyAsserts", []domain.StanceVote{v(domain.StanceAsserts, false)}, domain.StatusReported},
		{"NonCommittal", []domain.StanceVote{v(domain.StanceNeitherConfirmsNorDenies, true), v(domain.StanceDeclinesToRuleOut, true)}, domain.StatusReported},
		{"OnlyDenies", []domain.StanceVote{v(domain.StanceDenies, true)}, domain.StatusDenied},
		{"DeniesAndNonCommittal", []domain.StanceVote{v(domain.StanceDenies, true), v(domain.StanceNeitherConfirmsNorDenies, true)}, domain.StatusDenied},
		{"AssertsAndDenies", []domain.StanceVote{v(domain.StanceAsserts, false), v(domain.StanceDenies, true)}, domain.StatusDisputed},
		{"ConfirmsByOutsiderAndDenies", []domain.StanceVote{v(domain.StanceConfirms, false), v(domain.StanceDenies, true)}, domain.StatusDisputed},
		{"ConfirmsByParty", []domain.StanceVote{v(domain.StanceDenies, false), v(domain.StanceConfirms, true)}, domain.StatusConfirmed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := domain.DeriveStatus(c.votes); got != c.want {
				t.Errorf("DeriveStatus(%v) = %s, want %s", c.votes, got, c.want)
			}
		})
	}
}

func TestCheckID(t *testing.T) {
	if err := domain.CheckID("id", "person/dmitry-peskov", domain.KindPerson); err != nil {
		t.Errorf("valid id: %v", err)
	}
	for name, c := range map[string]struct {
		id    string
		kinds []domain.Kind
	}{
		"ErrMalformed":   {"Person/Dmitry Peskov", nil},
		"ErrNoSlug":      {"person/", nil},
		"ErrUnknownType": {"spaceship/enterprise", nil},
		"ErrWrongType":   {"claim/x", []domain.Kind{domain.KindPerson}},
		"ErrTooLong":     {"person/" + string(make([]byte, 300)), nil},
	} {
		t.Run(name, func(t *testing.T) {
			if err := domain.CheckID("id", c.id, c.kinds...); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("CheckID(%q) = %v, want EINVALID", c.id, err)
			}
		})
	}
}

// TestToOne: the links a record embeds singly are to-one from the record
// (the store reads them without ordering), lists and the reverse way are not.
func TestToOne(t *testing.T) {
	for rel, want := range map[domain.Relation]bool{
		{Type: domain.RelOn, Direction: domain.Out}:          true,
		{Type: domain.RelMadeBy, Direction: domain.Out}:      true,
		{Type: domain.RelPublishedBy, Direction: domain.Out}: true,
		{Type: domain.RelDuring, Direction: domain.Out}:      true,
		{Type: domain.RelOn, Direction: domain.In}:           false,
		{Type: domain.RelMadeBy, Direction: domain.In}:       false,
		{Type: domain.RelRecordedIn, Direction: domain.Out}:  false,
		{Type: domain.RelAbout, Direction: domain.Out}:       false,
		{Type: domain.RelAuthoredBy, Direction: domain.Out}:  false,
		{Type: domain.RelCites, Direction: domain.Out}:       false,
	} {
		if got := rel.ToOne(); got != want {
			t.Errorf("%s %v ToOne = %v, want %v", rel.Type, rel.Direction, got, want)
		}
	}
}
