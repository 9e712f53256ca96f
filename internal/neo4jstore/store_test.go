package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func TestLoadSeed(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.LoadDataset(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first load: %v", st)
	st, err = s.LoadDataset(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second load: %v", st)
	name := "zelensky"
	p, err := s.List(ctx, domain.KindPerson, domain.ListFilter{Name: &name}, domain.Page{First: 10, WithTotal: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", p)
}
