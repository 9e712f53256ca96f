package domain_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// TestEveryCodeHasATransport reads the codes from errors.go itself, so that a
// code added there without a row in domain.Transports fails here.
func TestEveryCodeHasATransport(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "errors.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if ok && lit.Kind == token.STRING && strings.HasPrefix(name.Name, "E") {
					code, _ := strconv.Unquote(lit.Value)
					codes = append(codes, code)
				}
			}
		}
	}
	if len(codes) < 10 {
		t.Fatalf("found only %d codes in errors.go: %v", len(codes), codes)
	}
	gql := map[string]string{}
	for _, code := range codes {
		tr, ok := domain.Transports[code]
		if !ok || tr.GraphQL == "" || tr.HTTP < 400 || tr.HTTP > 599 {
			t.Errorf("code %q: transport %+v, want a GraphQL code and a 4xx or 5xx status", code, tr)
		}
		if other, dup := gql[tr.GraphQL]; dup {
			t.Errorf("codes %q and %q share the GraphQL code %s", other, code, tr.GraphQL)
		}
		gql[tr.GraphQL] = code
	}
	if len(domain.Transports) != len(codes) {
		t.Errorf("Transports has %d rows for %d codes", len(domain.Transports), len(codes))
	}
	if got := domain.TransportOf("no such code"); got != domain.Transports[domain.EINTERNAL] {
		t.Errorf("an unknown code shows as %+v, want EINTERNAL's %+v", got, domain.Transports[domain.EINTERNAL])
	}
}
