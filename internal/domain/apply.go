package domain

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Reading node inputs (an API input, a data record) through the kinds'
// description: fields (Apply), dates (DateInput) and embedded links
// (ReadLink).

// DateInput is a date as inputs give it: a value ("2025-03") that bounds
// may narrow, and nodes whose dates bound it ("before the election").
type DateInput struct {
	Value, Earliest, Latest string
	NotAfter, NotBefore     string
}

// DateReader turns a date input of field into a PartialDate; the API and
// the data files resolve NotAfter and NotBefore differently (the database,
// the rest of the file).
type DateReader func(field string, in DateInput) (*PartialDate, error)

// Apply sets the fields of n that in names: in is a JSON-like object (an
// API input, a data record), where an absent key leaves a field alone and
// null clears it. Keys that are not fields (the id, links) are left to the
// caller. Values of the wrong shape are EINVALID with the field; the
// caller validates the node afterwards.
func Apply(n Node, in map[string]any, date DateReader) error {
	for _, f := range SpecOf(n).Fields {
		raw, ok := in[f.Name]
		if !ok || f.Derived {
			continue
		}
		if raw == nil || raw == "" {
			// Null, or an empty string, is "not given": an optional field
			// is cleared, a field with a default takes it.
			f.Set(n, nil)
			if f.Default != "" {
				f.Set(n, f.Default)
			}
			continue
		}
		v, err := f.decode(raw, date)
		if err != nil {
			return err
		}
		f.Set(n, v)
	}
	return nil
}

func (f *FieldSpec) decode(raw any, date DateReader) (any, error) {
	switch f.Type {
	case TString, TEnum:
		s, ok := raw.(string)
		if !ok {
			return nil, Invalid(f.Name, "%s must be a string", f.Name)
		}
		if f.Optional {
			return &s, nil
		}
		return s, nil
	case TStrings:
		return stringList(f.Name, raw)
	case TFloat:
		x, err := number(f.Name, raw)
		if err != nil {
			return nil, err
		}
		return &x, nil
	case TDate:
		d, err := ReadDateInput(f.Name, raw)
		if err != nil {
			return nil, err
		}
		return date(f.Name, d)
	case TTime:
		s, _ := raw.(string)
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, Invalid(f.Name, "%s: want an RFC 3339 time", f.Name)
		}
		return &t, nil
	case TClaimDates:
		items, ok := raw.([]any)
		if !ok {
			return nil, Invalid(f.Name, "%s must be a list", f.Name)
		}
		out := make([]ClaimDate, 0, len(items))
		for i, it := range items {
			field := fmt.Sprintf("%s[%d]", f.Name, i)
			obj, _ := it.(map[string]any)
			if err := onlyKeys(field, obj, "kind", "date"); err != nil {
				return nil, err
			}
			kind, _ := obj["kind"].(string)
			if obj["date"] == nil {
				return nil, Invalid(field+".date", "%s.date is required", field)
			}
			in, err := ReadDateInput(field+".date", obj["date"])
			if err != nil {
				return nil, err
			}
			d, err := date(field+".date", in)
			if err != nil {
				return nil, err
			}
			out = append(out, ClaimDate{Kind: DateKind(kind), Date: *d})
		}
		return out, nil
	}
	return nil, Invalid(f.Name, "%s cannot be set", f.Name)
}

func stringList(field string, raw any) ([]string, error) {
	switch v := raw.(type) {
	case []string:
		return v, nil
	case string: // GraphQL coerces a single value to a list
		return []string{v}, nil
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, Invalid(fmt.Sprintf("%s[%d]", field, i), "%s[%d] must be a string", field, i)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, Invalid(field, "%s must be a list of strings", field)
}

func number(field string, raw any) (float64, error) {
	switch v := raw.(type) {
	case float64:
		return v, nil
	case int:
		return float64(v), nil
	case int64:
		return float64(v), nil
	case json.Number:
		if x, err := v.Float64(); err == nil {
			return x, nil
		}
	}
	return 0, Invalid(field, "%s must be a number", field)
}

// ReadDateInput reads a date given as "2025-03" or as an object with value,
// earliest, latest, notAfter and notBefore.
func ReadDateInput(field string, raw any) (DateInput, error) {
	switch v := raw.(type) {
	case string:
		return DateInput{Value: v}, nil
	case map[string]any:
		var d DateInput
		for k, dst := range map[string]*string{"value": &d.Value, "earliest": &d.Earliest, "latest": &d.Latest, "notAfter": &d.NotAfter, "notBefore": &d.NotBefore} {
			switch x := v[k].(type) {
			case nil:
			case string:
				*dst = x
			case time.Time: // the API's Date scalar
				*dst = x.Format(DateLayout)
			default:
				return d, Invalid(field+"."+k, "%s.%s must be a string", field, k)
			}
		}
		return d, nil
	}
	return DateInput{}, Invalid(field, "%s must be a date such as \"2025-03\" or an object with a value", field)
}

// ParseDateInput parses the value of d and narrows it by its earliest and
// latest bounds; NotAfter and NotBefore are left to the caller.
func ParseDateInput(field string, d DateInput) (PartialDate, error) {
	pd, err := ParsePartialDate(d.Value)
	if err != nil {
		return pd, Invalid(field, "%s", ErrorMessage(err))
	}
	if d.Earliest == "" && d.Latest == "" {
		return pd, nil
	}
	lo, hi := pd.Earliest, pd.Latest
	if d.Earliest != "" {
		if lo, err = ParseDate(field+".earliest", d.Earliest); err != nil {
			return pd, err
		}
	}
	if d.Latest != "" {
		if hi, err = ParseDate(field+".latest", d.Latest); err != nil {
			return pd, err
		}
	}
	if pd, err = pd.Narrow(lo, hi); err != nil {
		return pd, Invalid(field, "%s", ErrorMessage(err))
	}
	return pd, nil
}

// LinkItem is one relationship an input or record embeds: the node it
// leads to, its role (ABOUT) and the input field that named it.
type LinkItem struct {
	Field string
	ID    string
	Role  string
}

// ReadLink reads the value of an embedded link from an input or record:
// an id or null (one), a list of ids (many), a list of {id, role} (roles).
// It checks the shape and the roles; the caller checks that the ids exist.
func ReadLink(l LinkField, raw any) ([]LinkItem, error) {
	if raw == nil {
		return []LinkItem{}, nil
	}
	items := []any{raw}
	if l.Many {
		switch v := raw.(type) {
		case []any:
			items = v
		case []string:
			items = make([]any, len(v))
			for i, s := range v {
				items[i] = s
			}
		default:
			return nil, Invalid(l.Name, "%s must be a list", l.Name)
		}
	}
	out := make([]LinkItem, 0, len(items))
	for i, it := range items {
		item := LinkItem{Field: l.Name}
		if l.Roles != nil {
			item.Field = fmt.Sprintf("%s[%d]", l.Name, i)
			obj, _ := it.(map[string]any)
			if err := onlyKeys(item.Field, obj, "id", "role"); err != nil {
				return nil, err
			}
			item.Role, _ = obj["role"].(string)
			if err := oneOf(item.Field+".role", item.Role, l.Roles...); err != nil {
				return nil, err
			}
			it = obj["id"]
			item.Field += ".id"
		}
		id, ok := it.(string)
		if !ok {
			return nil, Invalid(item.Field, "%s must be an id", item.Field)
		}
		item.ID = id
		out = append(out, item)
	}
	return out, nil
}

// onlyKeys refuses an object with a key other than keys, or no object.
func onlyKeys(field string, obj map[string]any, keys ...string) error {
	if obj == nil {
		return Invalid(field, "%s must be an object with %v", field, keys)
	}
	for k := range obj {
		if !slices.Contains(keys, k) {
			return Invalid(field+"."+k, "%s is not a field of %s", k, field)
		}
	}
	return nil
}
