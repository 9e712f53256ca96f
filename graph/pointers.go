// Pointer helpers for resolvers whose Go values are not pointers.

package graph

// ptrs returns pointers to the elements of xs, for list fields of
// non-null objects.
func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

// nonEmpty is s, or nil for the empty string (an optional field).
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
