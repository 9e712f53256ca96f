// Package synth generates synthetic newsgraph data in the JSON Lines format
// for benchmarks: people, organisations, sources, events, claims about them,
// attributions with every stance, and fact relationships. The same size and
// seed give the same data.
package synth

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
)

// Write writes about records lines (each a node record or a fact record) to w.
func Write(w io.Writer, records int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	enc := json.NewEncoder(w)
	// Shares of the records: people 15%, organisations 5%, sources 5%,
	// events 5%, claims 20%, attributions 35%, facts 15%.
	n := func(pct int) int { return max(1, records*pct/100) }
	people, orgs, sources, events, claims, atts, facts := n(15), n(5), n(5), n(5), n(20), n(35), n(15)
	stances := []string{"ASSERTS", "ASSERTS", "ASSERTS", "CONFIRMS", "DENIES", "DECLINES_TO_RULE_OUT", "NEITHER_CONFIRMS_NOR_DENIES"}
	orgKinds := []string{"GOVERNMENT", "STATE_BODY", "MEDIA", "NEWS_AGENCY", "DELEGATION", "OTHER"}
	eventKinds := []string{"PHONE_CALL", "MEETING", "TALKS_ROUND", "INTERVIEW", "STATEMENT"}
	day := func() string {
		return fmt.Sprintf("20%02d-%02d-%02d", 15+r.IntN(11), 1+r.IntN(12), 1+r.IntN(28))
	}
	out := func(v map[string]any) error { return enc.Encode(v) }
	for i := range people {
		if err := out(map[string]any{"type": "Person", "id": fmt.Sprintf("person/p%d", i), "name": fmt.Sprintf("Person %d", i),
			"aliases": []string{fmt.Sprintf("P. %d", i)}, "description": "synthetic"}); err != nil {
			return err
		}
	}
	for i := range orgs {
		if err := out(map[string]any{"type": "Organisation", "id": fmt.Sprintf("organisation/o%d", i), "name": fmt.Sprintf("Organisation %d", i),
			"kind": orgKinds[r.IntN(len(orgKinds))]}); err != nil {
			return err
		}
	}
	for i := range sources {
		if err := out(map[string]any{"type": "Source", "id": fmt.Sprintf("source/s%d", i), "kind": "ARTICLE", "title": fmt.Sprintf("Article %d", i),
			"language": "en", "publishedAt": day(), "publisher": fmt.Sprintf("organisation/o%d", r.IntN(orgs))}); err != nil {
			return err
		}
	}
	for i := range events {
		if err := out(map[string]any{"type": "Event", "id": fmt.Sprintf("event/e%d", i), "kind": eventKinds[r.IntN(len(eventKinds))],
			"name": fmt.Sprintf("Event %d", i), "date": day()}); err != nil {
			return err
		}
	}
	for i := range claims {
		a, b := r.IntN(people), r.IntN(people)
		if err := out(map[string]any{"type": "Claim", "id": fmt.Sprintf("claim/c%d", i), "text": fmt.Sprintf("Person %d met person %d", a, b),
			"language": "en", "summary": fmt.Sprintf("Person %d met person %d.", a, b), "pointInTime": day(),
			"about": []map[string]string{{"id": fmt.Sprintf("person/p%d", a), "role": "SUBJECT"}, {"id": fmt.Sprintf("person/p%d", b), "role": "OBJECT"}}}); err != nil {
			return err
		}
	}
	for i := range atts {
		// The first attribution of every claim is an assertion, so that every
		// claim behind a fact has provenance.
		claim := i % claims
		stance := "ASSERTS"
		if i >= claims {
			stance = stances[r.IntN(len(stances))]
		}
		actor := fmt.Sprintf("person/p%d", r.IntN(people))
		if r.IntN(3) == 0 {
			actor = fmt.Sprintf("organisation/o%d", r.IntN(orgs))
		}
		if err := out(map[string]any{"type": "Attribution", "id": fmt.Sprintf("attribution/a%d", i), "claim": fmt.Sprintf("claim/c%d", claim),
			"actor": actor, "stance": stance, "sourcing": "NAMED", "statedAt": day(),
			"sources": []string{fmt.Sprintf("source/s%d", r.IntN(sources))}}); err != nil {
			return err
		}
	}
	for i := range facts {
		claim := fmt.Sprintf("claim/c%d", r.IntN(min(claims, atts)))
		var rec map[string]any
		if i%2 == 0 {
			rec = map[string]any{"type": "PARTICIPANT", "from": fmt.Sprintf("event/e%d", r.IntN(events)), "to": fmt.Sprintf("person/p%d", r.IntN(people)), "claim": claim, "role": fmt.Sprintf("r%d", i)}
		} else {
			rec = map[string]any{"type": "MEMBER_OF", "from": fmt.Sprintf("person/p%d", r.IntN(people)), "to": fmt.Sprintf("organisation/o%d", r.IntN(orgs)), "claim": claim, "role": fmt.Sprintf("r%d", i)}
		}
		if err := out(rec); err != nil {
			return err
		}
	}
	return nil
}
