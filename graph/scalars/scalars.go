// Package scalars implements newsgraph's custom GraphQL scalars.
package scalars

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// MarshalDate writes a calendar day as "YYYY-MM-DD".
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(domain.DateLayout)))
	})
}

// UnmarshalDate reads "YYYY-MM-DD"; anything else is EINVALID.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, domain.Invalid("", "invalid date %v: want a string YYYY-MM-DD", fmt.Sprint(v))
	}
	return domain.ParseDate("", s)
}
