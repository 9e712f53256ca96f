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

	"github.com/newsgraph/newsgraph/internal/domain"
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
	orgKinds := domain.Names(domain.OrganisationKinds)
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

// WriteGraph writes a synthetic graph of about nodes nodes and at least rels
// relationships: people, organisations, places, events, sources, claims and
// attributions, with ABOUT, ON, MADE_BY, RECORDED_IN, PARTICIPANT, HELD_IN,
// MEMBER_OF and MENTIONS relationships. Sources mention many entities, so
// there are hubs, as in real news data.
func WriteGraph(w io.Writer, nodes, rels int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))
	enc := json.NewEncoder(w)
	n := func(pct int) int { return max(1, nodes*pct/100) }
	people, orgs, places, events, sources, claims := n(30), n(5), n(2), n(8), n(5), n(25)
	atts := nodes - people - orgs - places - events - sources - claims
	day := func() string { return fmt.Sprintf("20%02d-%02d-%02d", 15+r.IntN(11), 1+r.IntN(12), 1+r.IntN(28)) }
	person := func() string { return fmt.Sprintf("person/p%d", r.IntN(people)) }
	// Words for names and texts, so that search has something to rank.
	words := []string{"minister", "talks", "ceasefire", "energy", "sanctions", "border", "election", "pipeline", "summit", "treaty", "grain", "port", "envoy", "spokesman", "delegation"}
	word := func() string { return words[r.IntN(len(words))] }
	out := func(v map[string]any) error { return enc.Encode(v) }
	written := 0
	for i := range people {
		if err := out(map[string]any{"type": "Person", "id": fmt.Sprintf("person/p%d", i), "name": fmt.Sprintf("Person %d %s", i, word())}); err != nil {
			return err
		}
	}
	for i := range orgs {
		if err := out(map[string]any{"type": "Organisation", "id": fmt.Sprintf("organisation/o%d", i), "name": fmt.Sprintf("Organisation %d %s", i, word()), "kind": "OTHER"}); err != nil {
			return err
		}
	}
	for i := range places {
		if err := out(map[string]any{"type": "Place", "id": fmt.Sprintf("place/l%d", i), "name": fmt.Sprintf("Place %d", i), "kind": "CITY"}); err != nil {
			return err
		}
	}
	for i := range sources {
		if err := out(map[string]any{"type": "Source", "id": fmt.Sprintf("source/s%d", i), "kind": "ARTICLE", "title": fmt.Sprintf("Article %d on %s", i, word()), "language": "en", "publishedAt": day()}); err != nil {
			return err
		}
	}
	for i := range claims {
		a, b := person(), person()
		if err := out(map[string]any{"type": "Claim", "id": fmt.Sprintf("claim/c%d", i), "text": fmt.Sprintf("%s and %s discussed %s", a, b, word()), "language": "en",
			"summary": fmt.Sprintf("%s met %s about %s.", a, b, word()), "pointInTime": day(),
			"about": []map[string]string{{"id": a, "role": "SUBJECT"}, {"id": b, "role": "OBJECT"}}}); err != nil {
			return err
		}
		written += 2
	}
	for i := range atts {
		if err := out(map[string]any{"type": "Attribution", "id": fmt.Sprintf("attribution/a%d", i), "claim": fmt.Sprintf("claim/c%d", i%claims),
			"actor": person(), "stance": []string{"ASSERTS", "DENIES", "CONFIRMS"}[r.IntN(3)], "sourcing": "NAMED", "statedAt": day(),
			"sources": []string{fmt.Sprintf("source/s%d", r.IntN(sources))}}); err != nil {
			return err
		}
		written += 3
	}
	for i := range events {
		if err := out(map[string]any{"type": "Event", "id": fmt.Sprintf("event/e%d", i), "kind": "MEETING", "name": fmt.Sprintf("Event %d %s", i, word()), "date": day()}); err != nil {
			return err
		}
	}
	// Facts: every event has participants and a place, on the strength of an attributed claim.
	for i := range events {
		claim := fmt.Sprintf("claim/c%d", r.IntN(min(claims, atts)))
		for k := range 3 {
			if err := out(map[string]any{"type": "PARTICIPANT", "from": fmt.Sprintf("event/e%d", i), "to": person(), "claim": claim, "role": fmt.Sprintf("r%d", k)}); err != nil {
				return err
			}
		}
		if err := out(map[string]any{"type": "HELD_IN", "from": fmt.Sprintf("event/e%d", i), "to": fmt.Sprintf("place/l%d", r.IntN(places)), "claim": claim}); err != nil {
			return err
		}
		written += 4
	}
	for i := range people {
		if i%2 == 0 {
			if err := out(map[string]any{"type": "MEMBER_OF", "from": fmt.Sprintf("person/p%d", i), "to": fmt.Sprintf("organisation/o%d", r.IntN(orgs)), "claim": fmt.Sprintf("claim/c%d", r.IntN(min(claims, atts))), "role": "member"}); err != nil {
				return err
			}
			written++
		}
	}
	// Mentions fill up to rels: each source mentions entities, a few of them
	// (the hubs) very often; each (source, entity) pair once.
	seen := map[[2]int]bool{}
	for s := 0; written < rels; s = (s + 1) % sources {
		p := r.IntN(people)
		if r.IntN(10) == 0 {
			p = r.IntN(50) // hubs
		}
		if seen[[2]int{s, p}] {
			continue
		}
		seen[[2]int{s, p}] = true
		to := fmt.Sprintf("person/p%d", p)
		count := 1 + r.IntN(3)
		if err := out(map[string]any{"type": "MENTIONS", "from": fmt.Sprintf("source/s%d", s), "to": to, "count": count}); err != nil {
			return err
		}
		written++
	}
	return nil
}
