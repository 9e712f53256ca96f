package auth_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/domain"
)

func TestKeys(t *testing.T) {
	keys, err := auth.Parse("desk:editor:"+auth.Hash("s3cret")+"\n# a comment\nboss:admin:"+auth.Hash("b0ss"), true)
	if err != nil {
		t.Fatal(err)
	}
	for token, want := range map[string]domain.Principal{
		"s3cret": {Key: "desk", Role: domain.RoleEditor},
		"b0ss":   {Key: "boss", Role: domain.RoleAdmin},
		"":       domain.Anonymous,
	} {
		if got, err := keys.Authenticate(token); err != nil || got != want {
			t.Errorf("Authenticate(%q) = %v, %v; want %v", token, got, err, want)
		}
	}
	t.Run("ErrUnknownKey", func(t *testing.T) {
		if _, err := keys.Authenticate("guess"); domain.ErrorCode(err) != domain.EUNAUTHENTICATED {
			t.Errorf("unknown key: %v", err)
		}
	})
	t.Run("NoAnonymousReads", func(t *testing.T) {
		closed, _ := auth.Parse("", false)
		if p, _ := closed.Authenticate(""); p.Role != domain.RoleNone {
			t.Errorf("anonymous principal %v, want no role", p)
		}
	})
	for name, conf := range map[string]string{
		"ErrShape":     "desk:editor",
		"ErrRole":      "desk:owner:" + auth.Hash("x"),
		"ErrNotAHash":  "desk:editor:s3cret",
		"ErrShortHash": "desk:editor:abcd",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := auth.Parse(conf, true); domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("Parse(%q) = %v, want EINVALID", conf, err)
			}
		})
	}
}
