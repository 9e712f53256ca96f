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
			e.add(prop, d.Value)
		}
	}
	for _, n := range g.Nodes {
		if e := ftmEntity(n); e != nil {
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
				from.add(prop, domain.Label(byID[ed.To]))
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

// ftmSchemas is the FtM schema of each kind that has one; attributions have
// none (docs/exports.md).
var ftmSchemas = map[domain.Kind]string{
	domain.KindPerson: "Person", domain.KindOrganisation: "Organization", domain.KindPlace: "Address",
	domain.KindNegotiation: "Event", domain.KindEvent: "Event", domain.KindSource: "Article", domain.KindClaim: "Note",
}

// ftmEntity maps a node to its FtM entity: each field to the property its
// description names (ftm=). Governments and state bodies are PublicBody;
// FtM country codes are lower case; its dates are ISO prefixes, as ours.
func ftmEntity(n domain.Node) *FtMEntity {
	schema, ok := ftmSchemas[n.NodeKind()]
	if !ok {
		return nil
	}
	if o, ok := n.(*domain.Organisation); ok && (o.Kind == domain.OrgGovernment || o.Kind == domain.OrgStateBody) {
		schema = "PublicBody"
	}
	e := &FtMEntity{ID: n.NodeID(), Schema: schema, Properties: map[string][]string{}}
	for _, f := range domain.SpecOf(n).Fields {
		if f.FtM == "" {
			continue
		}
		switch v := f.Get(n).(type) {
		case []string:
			e.add(f.FtM, v...)
		case *domain.PartialDate:
			if v != nil {
				e.add(f.FtM, v.Value)
			}
		default:
			value := exported(f.FtM, v)[0].value
			if f.FtM == "country" {
				value = strings.ToLower(value)
			}
			e.add(f.FtM, value)
		}
	}
	return e
}
