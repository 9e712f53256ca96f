package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// FtMEntity is one FollowTheMoney entity: https://followthemoney.tech.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

func (e *FtMEntity) add(prop string, values ...string) {
	for _, v := range values {
		if v != "" {
			e.Properties[prop] = append(e.Properties[prop], v)
		}
	}
}

// writeFtM writes FollowTheMoney entities, one JSON object per line. The
// mapping keeps entities, memberships, event participation and mentions;
// what FtM has no place for is described in docs/exports.md (claims become
// Notes, attributions Documentation, stances and nesting are lost).
func writeFtM(w io.Writer, g *Graph) error {
	byID := map[string]domain.Node{}
	for _, n := range g.Nodes {
		byID[n.NodeID()] = n
	}
	entities := map[string]*FtMEntity{}
	var order []string
	put := func(e *FtMEntity) {
		if _, ok := entities[e.ID]; !ok {
			order = append(order, e.ID)
		}
		entities[e.ID] = e
	}
	newEntity := func(id, schema string) *FtMEntity {
		return &FtMEntity{ID: id, Schema: schema, Properties: map[string][]string{}}
	}
	dates := func(e *FtMEntity, prop string, d *domain.PartialDate) {
		if d != nil {
			e.add(prop, d.Value) // FtM dates are ISO prefixes too
		}
	}
	for _, n := range g.Nodes {
		switch n := n.(type) {
		case *domain.Person:
			e := newEntity(n.ID, "Person")
			e.add("name", n.Name)
			e.add("alias", n.Aliases...)
			e.add("description", n.Description)
			e.add("wikidataId", str(n.WikidataID))
			put(e)
		case *domain.Organisation:
			schema := "Organization"
			if n.Kind == domain.OrgGovernment || n.Kind == domain.OrgStateBody {
				schema = "PublicBody"
			}
			e := newEntity(n.ID, schema)
			e.add("name", n.Name)
			e.add("alias", n.Aliases...)
			e.add("country", strings.ToLower(str(n.Country)))
			e.add("description", n.Description)
			put(e)
		case *domain.Place:
			e := newEntity(n.ID, "Address")
			e.add("full", n.Name)
			e.add("country", strings.ToLower(str(n.CountryCode)))
			put(e)
		case *domain.Negotiation:
			e := newEntity(n.ID, "Event")
			e.add("name", n.Name)
			e.add("summary", n.Topic)
			dates(e, "startDate", n.Start)
			dates(e, "endDate", n.End)
			put(e)
		case *domain.Event:
			e := newEntity(n.ID, "Event")
			e.add("name", n.Name)
			e.add("description", n.Description)
			dates(e, "date", n.Date)
			put(e)
		case *domain.Source:
			e := newEntity(n.ID, "Article")
			e.add("title", n.Title)
			e.add("sourceUrl", str(n.URL))
			e.add("language", n.Language)
			dates(e, "publishedAt", n.PublishedAt)
			put(e)
		case *domain.Claim:
			e := newEntity(n.ID, "Note")
			e.add("description", n.Summary)
			e.add("summary", n.Text)
			put(e)
		}
	}
	mentions := 0
	for _, ed := range g.Edges {
		from, to := entities[ed.From], entities[ed.To]
		switch ed.Type {
		case domain.RelParty:
			// A negotiation is an FtM Event: its parties are involved in it.
			if from != nil {
				from.add("involved", ed.To)
			}
		case domain.RelMemberOf:
			member, org := ed.From, ed.To
			m := newEntity(fmt.Sprintf("membership/%s/%s/%s", strings.ReplaceAll(member, "/", "-"), strings.ReplaceAll(org, "/", "-"), str(ed.Role)), "Membership")
			m.add("member", member)
			m.add("organization", org)
			m.add("role", str(ed.Role))
			dates(m, "startDate", ed.Start)
			dates(m, "endDate", ed.End)
			if ed.ClaimID != nil {
				m.add("proof", g.Sources[*ed.ClaimID]...) // the sources, when they are in the export
			}
			put(m)
		case domain.RelParticipant:
			if from != nil {
				from.add("involved", ed.To)
			}
		case domain.RelHeldIn:
			if from != nil {
				if p, ok := byID[ed.To].(*domain.Place); ok {
					from.add("location", p.Name)
				}
			}
		case domain.RelAbout:
			if from != nil && from.Schema == "Note" {
				from.add("entity", ed.To)
			}
		case domain.RelAuthoredBy, domain.RelPublishedBy:
			if from != nil && to != nil {
				prop := map[domain.RelType]string{domain.RelAuthoredBy: "author", domain.RelPublishedBy: "publisher"}[ed.Type]
				from.add(prop, label(byID[ed.To]))
			}
		case domain.RelMentions:
			mentions++
			d := newEntity(fmt.Sprintf("documentation/%s/%s", strings.ReplaceAll(ed.From, "/", "-"), strings.ReplaceAll(ed.To, "/", "-")), "Documentation")
			d.add("document", ed.From)
			d.add("entity", ed.To)
			if ed.Count != nil {
				d.add("role", fmt.Sprintf("mentioned %d times", *ed.Count))
			}
			put(d)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, id := range order {
		if err := enc.Encode(entities[id]); err != nil {
			return err
		}
	}
	return nil
}
