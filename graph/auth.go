// Who may run an operation at all; what an operation may write is the
// editor's (internal/editor).

package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// RequireReader refuses an operation whose principal may not read
// (anonymous reads switched off and no key) with UNAUTHENTICATED. Requests
// without a principal in their context (in-process tests) read as anonymous.
func RequireReader(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	p := domain.PrincipalFrom(ctx)
	if p.Key == "none" {
		ctx = domain.WithPrincipal(ctx, domain.Anonymous)
	} else if p.Role < domain.RoleReader {
		err := domain.Errorf(domain.EUNAUTHENTICATED, "reading needs an API key: send Authorization: Bearer <key>")
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{ErrorPresenter(ctx, err)}})
	}
	return next(ctx)
}
