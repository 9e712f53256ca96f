package neo4jstore

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// ClaimStatusDrift returns one line per claim whose stored status is not
// the one domain.DeriveStatus gives for its current attributions. Every
// write keeps the two equal; this read-only check is the hook by which the
// tests' invariant checks (neo4jtest.Violations) prove it, with the votes
// read by the very query the writes use.
func (s *Store) ClaimStatusDrift(ctx context.Context) ([]string, error) {
	recs, err := s.read(ctx, "MATCH (c:Claim)"+claimVotes, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range recs {
		stored, _ := r.Values[1].(string)
		want := domain.DeriveStatus(votesOf(r.Values[2]))
		if stored != string(want) {
			out = append(out, fmt.Sprintf("claim %v has status %q, but its attributions make it %s", r.Values[0], stored, want))
		}
	}
	return out, nil
}

// votesOf reads the votes claimVotes returns.
func votesOf(v any) []domain.StanceVote {
	raw, _ := v.([]any)
	votes := make([]domain.StanceVote, 0, len(raw))
	for _, x := range raw {
		m := x.(map[string]any)
		party, _ := m["party"].(bool)
		stance, _ := m["stance"].(string)
		votes = append(votes, domain.StanceVote{Stance: domain.Stance(stance), ByParty: party})
	}
	return votes
}
