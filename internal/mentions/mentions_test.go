package mentions_test

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/mentions"
)

// seedEntities reads the Person, Organisation and Place records of the seed
// dataset, so the tests follow the entity list newsgraph actually ships.
func seedEntities(t *testing.T) []mentions.Entity {
	t.Helper()
	f, err := os.Open("../dataset/data/seed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []mentions.Entity
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec struct {
			Type    string   `json:"type"`
			ID      string   `json:"id"`
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("seed.jsonl: %v", err)
		}
		switch rec.Type {
		case "Person", "Organisation", "Place":
			out = append(out, mentions.Entity{ID: rec.ID, Names: append([]string{rec.Name}, rec.Aliases...)})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no entities in seed.jsonl")
	}
	return out
}

func byID(ms []mentions.Mention) map[string]mentions.Mention {
	out := map[string]mentions.Mention{}
	for _, m := range ms {
		out[m.EntityID] = m
	}
	return out
}

// checkWellFormed checks the invariants every result must satisfy: counts
// match offsets, offsets ascend and point at one of the forms (in runes),
// mentions are ordered by first offset, and suggestions never overlap a
// mention.
func checkWellFormed(t *testing.T, text string, ms []mentions.Mention, sugs []mentions.Suggestion) {
	t.Helper()
	rs := []rune(text)
	type span struct{ start, end int }
	var spans []span
	for i, m := range ms {
		if m.Count != len(m.Offsets) || m.Count == 0 {
			t.Errorf("%s: Count %d, %d offsets", m.EntityID, m.Count, len(m.Offsets))
		}
		if !slices.IsSorted(m.Offsets) {
			t.Errorf("%s: offsets not ascending: %v", m.EntityID, m.Offsets)
		}
		if i > 0 && ms[i-1].Offsets[0] >= m.Offsets[0] {
			t.Errorf("mentions not ordered by first offset: %s before %s", ms[i-1].EntityID, m.EntityID)
		}
		for _, off := range m.Offsets {
			at := string(rs[off:])
			k := slices.IndexFunc(m.Forms, func(f string) bool { return strings.HasPrefix(at, f) })
			if k < 0 {
				t.Errorf("%s: offset %d starts %q, none of %q", m.EntityID, off, string(rs[off:min(off+20, len(rs))]), m.Forms)
				continue
			}
			spans = append(spans, span{off, off + len([]rune(m.Forms[k]))})
		}
	}
	for _, s := range sugs {
		if s.Count != len(s.Offsets) || !slices.IsSorted(s.Offsets) {
			t.Errorf("suggestion %q: Count %d, offsets %v", s.Text, s.Count, s.Offsets)
		}
		for _, off := range s.Offsets {
			if !strings.HasPrefix(string(rs[off:]), s.Text) {
				t.Errorf("suggestion %q: offset %d does not point at it", s.Text, off)
			}
			end := off + len([]rune(s.Text))
			for _, sp := range spans {
				if off < sp.end && sp.start < end {
					t.Errorf("suggestion %q at %d overlaps a mention at %d", s.Text, off, sp.start)
				}
			}
		}
		for _, m := range ms {
			if slices.Contains(m.Forms, s.Text) {
				t.Errorf("suggestion %q is a linked form of %s", s.Text, m.EntityID)
			}
		}
	}
}

func TestArticle(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	ents := seedEntities(t)
	ms, sugs := mentions.Find(text, ents)
	checkWellFormed(t, text, ms, sugs)
	for _, m := range ms {
		t.Logf("%-40s %d %q", m.EntityID, m.Count, m.Forms)
	}
	for _, s := range sugs {
		t.Logf("suggestion %q %d", s.Text, s.Count)
	}

	got := byID(ms)
	for _, w := range []struct {
		id    string
		min   int
		forms []string // must all be among the mention's forms
	}{
		{"person/donald-trump", 6, []string{"Trumpem", "Trumpa", "Trump", "Donald Trump"}},
		{"person/vladimir-putin", 5, []string{"Putinem", "Putin", "Władimirem Putinem"}},
		{"person/volodymyr-zelensky", 1, []string{"Wołodymyrem Zełenskim"}},
		{"person/dmitry-peskov", 2, []string{"Dmitrij Pieskow", "Pieskow"}},
		{"person/bob-woodward", 2, []string{"Bob Woodward", "Woodwarda"}},
		{"organisation/kremlin", 3, []string{"Kremla", "Kreml"}},
		{"organisation/white-house", 3, []string{"Białego Domu", "Waszyngtonu", "Biały Dom"}},
		{"organisation/reuters", 2, []string{"Reuters"}},
		{"organisation/the-washington-post", 2, []string{"Washington Post", "The Washington Post"}},
		{"organisation/axios", 1, []string{"Axios"}},
		{"organisation/bloomberg", 2, []string{"Bloomberga"}},
		{"organisation/government-of-ukraine", 2, []string{"Kijowem", "Kijów"}},
		{"organisation/government-of-russia", 1, []string{"Moskwą"}},
		{"place/saudi-arabia", 1, []string{"Arabii Saudyjskiej"}},
		{"place/black-sea", 1, []string{"Morzu Czarnym"}},
		{"place/russia", 3, []string{"Rosja", "Rosję", "Rosji"}},
		{"place/ukraine", 3, []string{"Ukrainy", "Ukrainą"}},
		{"place/united-states", 2, []string{"USA"}},
	} {
		m, ok := got[w.id]
		if !ok {
			t.Errorf("%s: not found", w.id)
			continue
		}
		if m.Count < w.min {
			t.Errorf("%s: count %d, want ≥ %d (forms %q)", w.id, m.Count, w.min, m.Forms)
		}
		for _, f := range w.forms {
			if !slices.Contains(m.Forms, f) {
				t.Errorf("%s: form %q missing from %q", w.id, f, m.Forms)
			}
		}
	}
	// "Washington Post" must not leak a "Washington" mention of the White House.
	if wh := got["organisation/white-house"]; slices.ContainsFunc(wh.Forms, func(f string) bool { return strings.Contains(f, "Washington") }) {
		t.Errorf("White House matched inside Washington Post: %q", wh.Forms)
	}
	// The book title is the one capitalised name the seed does not cover.
	if !slices.ContainsFunc(sugs, func(s mentions.Suggestion) bool { return s.Text == "War" }) {
		t.Errorf("suggestions %v lack the book title War", sugs)
	}

	ms2, sugs2 := mentions.Find(text, ents)
	if !reflect.DeepEqual(ms, ms2) || !reflect.DeepEqual(sugs, sugs2) {
		t.Error("Find is not deterministic")
	}
}

func TestInflection(t *testing.T) {
	ents := seedEntities(t)
	for _, c := range []struct{ text, id, form string }{
		{"Rozmowa z Putinem trwała.", "person/vladimir-putin", "Putinem"},
		{"Spotkanie Putina z nim.", "person/vladimir-putin", "Putina"},
		{"Mówi Putin.", "person/vladimir-putin", "Putin"},
		{"Wywiad z Władimirem Putinem.", "person/vladimir-putin", "Władimirem Putinem"},
		{"Na to Pieskow odpowiedział.", "person/dmitry-peskov", "Pieskow"},
		{"Rozmawiał z Zełenskim.", "person/volodymyr-zelensky", "Zełenskim"},
		{"Słowa Zełenskiego padły.", "person/volodymyr-zelensky", "Zełenskiego"},
		{"Wybór Trumpa zaskoczył.", "person/donald-trump", "Trumpa"},
		{"Rozmowa z Trumpem.", "person/donald-trump", "Trumpem"},
		{"Rzecznik Kremla milczy.", "organisation/kremlin", "Kremla"},
		{"Po opuszczeniu Białego Domu.", "organisation/white-house", "Białego Domu"},
		{"Rozmowy w Arabii Saudyjskiej.", "place/saudi-arabia", "Arabii Saudyjskiej"},
		{"Żegluga na Morzu Czarnym.", "place/black-sea", "Morzu Czarnym"},
		{"Podał to Reuters.", "organisation/reuters", "Reuters"},
		{"Wywiad dla Bloomberga.", "organisation/bloomberg", "Bloomberga"},
		{"Doniesienia Woodwarda.", "person/bob-woodward", "Woodwarda"},
		{"Dziennikarz Washington Post.", "organisation/the-washington-post", "Washington Post"},
		{"Tak podał Axios.", "organisation/axios", "Axios"},
		{"Rozmowy z Kijowem.", "organisation/government-of-ukraine", "Kijowem"},
		{"Tak twierdzi Kijów.", "organisation/government-of-ukraine", "Kijów"},
		{"Rozmowy z Moskwą.", "organisation/government-of-russia", "Moskwą"},
		{"Rozmowy Waszyngtonu z nimi.", "organisation/white-house", "Waszyngtonu"},
		{"Wojna wywołana przez Rosję.", "place/russia", "Rosję"},
		{"Wojna Rosji z nimi.", "place/russia", "Rosji"},
		{"Tak Rosja twierdzi.", "place/russia", "Rosja"},
		{"Prezydent Ukrainy mówi.", "place/ukraine", "Ukrainy"},
		{"Pokój na Ukrainie.", "place/ukraine", "Ukrainie"},
		{"Prezydent USA mówi.", "place/united-states", "USA"},
		{"He met Putin's envoy.", "person/vladimir-putin", "Putin's"},
		{"He read Zelensky’s letter.", "person/volodymyr-zelensky", "Zelensky’s"},
		{"THE KREMLIN SAID NO.", "organisation/kremlin", "THE KREMLIN"},
	} {
		ms, sugs := mentions.Find(c.text, ents)
		checkWellFormed(t, c.text, ms, sugs)
		m, ok := byID(ms)[c.id]
		if !ok || !slices.Contains(m.Forms, c.form) {
			t.Errorf("%q: want %s as %q, got %+v", c.text, c.id, c.form, ms)
		}
	}
}

func TestStemAlternations(t *testing.T) {
	ents := []mentions.Entity{
		{ID: "us", Names: []string{"Ameryka"}},
		{ID: "prague", Names: []string{"Praga"}},
		{ID: "poland", Names: []string{"Polska"}},
	}
	text := "Byli w Ameryce, potem w Pradze i w Polsce."
	ms, _ := mentions.Find(text, ents)
	checkWellFormed(t, text, ms, nil)
	got := byID(ms)
	for id, form := range map[string]string{"us": "Ameryce", "prague": "Pradze", "poland": "Polsce"} {
		if !slices.Equal(got[id].Forms, []string{form}) {
			t.Errorf("%s: forms %q, want [%q]", id, got[id].Forms, form)
		}
	}
}

func TestLongestMatch(t *testing.T) {
	ents := seedEntities(t)

	text := "Dziennikarz Washington Post napisał."
	ms, _ := mentions.Find(text, ents)
	if len(ms) != 1 || ms[0].EntityID != "organisation/the-washington-post" || ms[0].Offsets[0] != 12 {
		t.Errorf("%q: want only the Post at 12, got %+v", text, ms)
	}

	text = "Rozmowa z Władimirem Putinem."
	ms, _ = mentions.Find(text, ents)
	if len(ms) != 1 || ms[0].Count != 1 || ms[0].Offsets[0] != 10 {
		t.Errorf("%q: want one Putin mention at 10, got %+v", text, ms)
	}

	// Full names beat the surname alone, and "Waszyngton" alone is the White House.
	text = "Donald Trump i Waszyngton."
	ms, _ = mentions.Find(text, ents)
	want := []mentions.Mention{
		{EntityID: "person/donald-trump", Count: 1, Offsets: []int{0}, Forms: []string{"Donald Trump"}},
		{EntityID: "organisation/white-house", Count: 1, Offsets: []int{15}, Forms: []string{"Waszyngton"}},
	}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("%q: got %+v, want %+v", text, ms, want)
	}
}

func TestMergeAndRuneOffsets(t *testing.T) {
	ents := seedEntities(t)
	// Multi-byte runes before the names make byte and rune offsets differ.
	text := "Żółć: Putin, potem Putinem, i znów Putin."
	ms, _ := mentions.Find(text, ents)
	want := []mentions.Mention{{
		EntityID: "person/vladimir-putin",
		Count:    3,
		Offsets:  []int{6, 19, 35},
		Forms:    []string{"Putin", "Putinem"},
	}}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("got %+v, want %+v", ms, want)
	}
}

func TestNoFalsePositives(t *testing.T) {
	ents := append(seedEntities(t), mentions.Entity{ID: "dom", Names: []string{"Dom"}})
	for _, text := range []string{
		"Wrócił do domu wieczorem.",    // lower-case common noun, not "Dom" or "Biały Dom"
		"Stał tam biały dom.",          // lower-case phrase, not the White House
		"W kremlowskim gabinecie.",     // adjective, not the Kremlin
		"Rosjanie protestowali.",       // demonym: deliberately not Russia
		"Rosyjski rząd milczy.",        // adjective, not Russia
		"Let us go.",                   // "US" is matched only in capitals
		"Trumpet players, Putinesque.", // not an ending of "Trump"/"Putin"
	} {
		ms, _ := mentions.Find(text, ents)
		if len(ms) != 0 {
			t.Errorf("%q: want no mentions, got %+v", text, ms)
		}
	}

	// A comma breaks a multi-word name: "Dom" alone is the "Dom" entity,
	// not the White House.
	text := "Biały, Dom"
	ms, _ := mentions.Find(text, ents)
	if len(ms) != 1 || ms[0].EntityID != "dom" {
		t.Errorf("%q: want only the Dom entity, got %+v", text, ms)
	}
}

func TestSuggestions(t *testing.T) {
	ents := seedEntities(t)
	text := "Spotkanie odbyło się w Genewie. Emmanuel Macron rozmawiał z Putinem. " +
		"Macron wyjechał, a potem Macron wróci. W Brukseli czekał Siergiej Ławrow.\nNagłówek"
	ms, sugs := mentions.Find(text, ents)
	checkWellFormed(t, text, ms, sugs)
	var got []string
	for _, s := range sugs {
		got = append(got, s.Text)
	}
	// "Spotkanie" and "Nagłówek" are lone sentence-initial words; "W" is a
	// stop word; "Putinem" is linked.
	want := []string{"Genewie", "Emmanuel Macron", "Macron", "Brukseli", "Siergiej Ławrow"}
	if !slices.Equal(got, want) {
		t.Errorf("suggestions %q, want %q", got, want)
	}
	// The sentence-initial "Macron" counts because "Macron" is seen mid-sentence too.
	if i := slices.IndexFunc(sugs, func(s mentions.Suggestion) bool { return s.Text == "Macron" }); i < 0 || sugs[i].Count != 2 {
		t.Errorf("Macron: want 2 occurrences, got %+v", sugs)
	}
	_, again := mentions.Find(text, ents)
	if !reflect.DeepEqual(sugs, again) {
		t.Error("suggestions are not deterministic")
	}
}

func TestEmpty(t *testing.T) {
	if ms, sugs := mentions.Find("", nil); ms != nil || sugs != nil {
		t.Errorf("empty text: got %+v, %+v", ms, sugs)
	}
	ents := []mentions.Entity{{ID: "x", Names: []string{"", " - "}}}
	if ms, _ := mentions.Find("Tekst - bez nazw.", ents); ms != nil {
		t.Errorf("names without words: got %+v", ms)
	}
}
