package editor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/mentions"
)

// NameIndex lists the names and aliases of the entities mentions can link
// to, keyed by id.
type NameIndex interface {
	Names(ctx context.Context) (map[string][]string, error)
}

// Article is an article to ingest.
type Article struct {
	ID        string // optional: derived from the title and text when empty
	Source    *domain.Source
	Publisher *string
	Author    *string
	// PublishedAt, when given, becomes the source's publication date.
	PublishedAt *domain.DateInput
}

// Ingested is what ingestion found.
type Ingested struct {
	Source      *domain.Source
	Mentions    []mentions.Mention
	Suggestions []mentions.Suggestion
}

// Ingest creates (or updates) an article's Source with its publisher and
// author, and links MENTIONS to the known entities its text names, tolerant
// of case, diacritics and Polish and English inflection. It returns the
// mentions with counts and offsets and the capitalised names it could not
// link, as suggestions for new entities. One transaction; idempotent.
func (s *Service) Ingest(ctx context.Context, names NameIndex, a Article) (*Ingested, error) {
	src := a.Source
	if src.Text == nil || strings.TrimSpace(*src.Text) == "" {
		return nil, domain.Invalid("input.text", "text is required")
	}
	if src.Kind == "" {
		src.Kind = domain.SourceArticle
	}
	if a.ID == "" {
		a.ID = articleID(src.Title, *src.Text)
	}
	src.ID = a.ID
	if _, err := domain.Require(ctx, domain.RoleEditor, "ingesting"); err != nil {
		return nil, err
	}
	known, err := names.Names(ctx)
	if err != nil {
		return nil, err
	}
	entities := make([]mentions.Entity, 0, len(known))
	for id, ns := range known {
		entities = append(entities, mentions.Entity{ID: id, Names: ns})
	}
	slices.SortFunc(entities, func(x, y mentions.Entity) int { return strings.Compare(x.ID, y.ID) })
	found, unlinked := mentions.Find(*src.Text, entities)

	stored, _, err := Upsert(ctx, s, domain.KindSource, a.ID,
		func(string) *domain.Source { return src },
		func(ctx context.Context, tx domain.WriteTx, n *domain.Source) error {
			if a.PublishedAt != nil {
				d, err := Dates(ctx, tx)("publishedAt", *a.PublishedAt)
				if err != nil {
					return err
				}
				src.PublishedAt = d
			}
			meta := n.Meta
			*n = *src
			n.Meta = meta
			return nil
		},
		func(ctx context.Context, tx domain.WriteTx, n *domain.Source) (bool, error) {
			// A publisher or author not given leaves the stored ones alone.
			var links []LinkSpec
			spec := domain.Spec(domain.KindSource)
			for _, l := range []struct {
				field, link string
				id          *string
			}{{"publisher", "publisher", a.Publisher}, {"author", "authors", a.Author}} {
				if l.id != nil {
					sl := spec.Link(l.link)
					links = append(links, LinkSpec{Field: l.field, Type: sl.Type, IDs: []string{*l.id}, Kinds: sl.Targets})
				}
			}
			changed := false
			for _, l := range links {
				c, err := ReplaceLinks(ctx, tx, n.ID, l)
				if err != nil {
					return false, err
				}
				changed = changed || c
			}
			edges := make([]domain.Edge, 0, len(found))
			for _, m := range found {
				count := m.Count
				edges = append(edges, domain.Edge{Type: domain.RelMentions, From: n.ID, To: m.EntityID, Count: &count, Offsets: m.Offsets})
			}
			c, err := tx.ReplaceEdges(ctx, n.ID, domain.RelMentions, edges)
			return changed || c, err
		})
	if err != nil {
		return nil, err
	}
	return &Ingested{Source: stored, Mentions: found, Suggestions: unlinked}, nil
}

// articleID derives a stable id from the title and a hash of the text, so
// that ingesting the same article twice updates one Source.
func articleID(title, text string) string {
	var b strings.Builder
	for _, r := range domain.Fold(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' && b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 60 {
		slug = strings.TrimRight(slug[:60], "-")
	}
	if slug == "" {
		slug = "article"
	}
	sum := sha256.Sum256([]byte(text))
	return "source/" + slug + "-" + hex.EncodeToString(sum[:4])
}
