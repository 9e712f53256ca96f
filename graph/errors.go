package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// code is the GraphQL extensions.code of a domain code (domain.Transports).
func code(c string) string { return domain.TransportOf(c).GraphQL }

// ErrorPresenter gives every error a code. Domain errors show their message;
// anything else is logged with its detail and shown as "internal error".
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var de *domain.Error
	if errors.As(err, &de) {
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		gqlErr.Message = de.Message
		if de.Code == domain.EINTERNAL {
			gqlErr.Message = "internal error"
		}
		for k, v := range de.Extensions {
			gqlErr.Extensions[k] = v
		}
		gqlErr.Extensions["code"] = code(de.Code)
		if field := inputField(de, gqlErr); field != "" {
			gqlErr.Extensions["field"] = field
		}
		switch de.Code {
		case domain.EINTERNAL:
			slog.ErrorContext(ctx, "internal error", "path", gqlErr.Path.String(), "err", de.Error())
		case domain.EUNAVAILABLE:
			slog.WarnContext(ctx, "neo4j unavailable", "path", gqlErr.Path.String(), "err", de.Error())
		}
		return gqlErr
	}
	if _, ok := gqlErr.Extensions["code"]; ok {
		return gqlErr // gqlgen's own parse and validation errors
	}
	var inner *gqlerror.Error
	if errors.As(err, &inner) && inner.Err == nil {
		// An input coercion error from gqlgen: the client sent a bad value.
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		gqlErr.Extensions["code"] = code(domain.EINVALID)
		return gqlErr
	}
	slog.ErrorContext(ctx, "internal error", "path", gqlErr.Path.String(), "err", err)
	gqlErr.Message = "internal error"
	gqlErr.Extensions = map[string]any{"code": code(domain.EINTERNAL)}
	return gqlErr
}

// Recover turns a resolver panic into an internal error and logs the stack.
func Recover(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	return &domain.Error{Code: domain.EINTERNAL, Message: "internal error", Err: fmt.Errorf("panic: %v", p)}
}

// inputField names the input an EINVALID error is about: the error's own
// field, or for a bad scalar in the arguments the path below the query field
// ("filter.date.from").
func inputField(de *domain.Error, gqlErr *gqlerror.Error) string {
	if de.Field != "" || de.Code != domain.EINVALID || len(gqlErr.Path) < 2 {
		return de.Field
	}
	parts := make([]string, 0, len(gqlErr.Path)-1)
	for _, p := range gqlErr.Path[1:] {
		parts = append(parts, fmt.Sprint(p))
	}
	return strings.Join(parts, ".")
}
