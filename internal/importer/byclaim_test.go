package importer_test

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/importer"
)

func TestByClaimGroupsTheRelationshipsOfAClaim(t *testing.T) {
	e := func(t domain.RelType, from, to string) domain.Edge { return domain.Edge{Type: t, From: from, To: to} }
	in := []domain.Edge{
		e(domain.RelAbout, "claim/1", "person/x"),
		e(domain.RelAbout, "claim/2", "person/y"),
		e(domain.RelPublishedBy, "source/s", "organisation/o"),
		e(domain.RelOn, "attribution/a", "claim/2"),
		e(domain.RelMadeBy, "attribution/a", "person/x"),
		e(domain.RelOn, "attribution/b", "claim/1"),
		e(domain.RelRecordedIn, "attribution/b", "source/s"),
		e(domain.RelMadeBy, "attribution/c", "person/z"), // its claim is not in the file
	}
	var got []string
	for _, x := range importer.ByClaimForTests(in) {
		got = append(got, string(x.Type)+" "+x.From)
	}
	want := []string{
		"ABOUT claim/1", "ON attribution/b", "RECORDED_IN attribution/b",
		"ABOUT claim/2", "ON attribution/a", "MADE_BY attribution/a",
		"PUBLISHED_BY source/s",
		"MADE_BY attribution/c",
	}
	if !slices.Equal(got, want) {
		t.Errorf("byClaim:\n got %q\nwant %q", got, want)
	}
}
