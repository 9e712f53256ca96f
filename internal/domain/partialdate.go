package domain

import (
	"fmt"
	"time"
)

// Precision is how much of a date the source actually supports.
type Precision string

// The precisions of a PartialDate, from coarse to fine.
const (
	PrecisionYear   Precision = "YEAR"
	PrecisionMonth  Precision = "MONTH"
	PrecisionDay    Precision = "DAY"
	PrecisionMinute Precision = "MINUTE"
)

// DateLayout is the ISO layout of calendar dates (earliest, latest, filters).
const DateLayout = "2006-01-02"

var precisionLayouts = []struct {
	p      Precision
	layout string
}{
	{PrecisionYear, "2006"},
	{PrecisionMonth, "2006-01"},
	{PrecisionDay, "2006-01-02"},
	{PrecisionMinute, "2006-01-02T15:04"},
}

// PartialDate is a date known only to some precision. Value is an ISO 8601
// prefix ("2025", "2025-03", "2025-03-18", "2025-03-18T14:30") whose length is
// its precision, as in FollowTheMoney. Earliest and Latest are the calendar
// days the value can mean; a text can narrow them inside the value's span
// ("early November" is 2024-11 with latest 2024-11-10) but never widen them.
type PartialDate struct {
	Value     string
	Precision Precision
	Earliest  time.Time // midnight UTC
	Latest    time.Time // midnight UTC
}

// ParsePartialDate parses an ISO prefix into a PartialDate spanning all of it.
func ParsePartialDate(value string) (PartialDate, error) {
	for _, pl := range precisionLayouts {
		if len(value) != len(pl.layout) {
			continue
		}
		t, err := time.Parse(pl.layout, value)
		if err != nil {
			break
		}
		start := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		var end time.Time
		switch pl.p {
		case PrecisionYear:
			end = start.AddDate(1, 0, -1)
		case PrecisionMonth:
			end = start.AddDate(0, 1, -1)
		default:
			end = start
		}
		return PartialDate{Value: value, Precision: pl.p, Earliest: start, Latest: end}, nil
	}
	return PartialDate{}, Invalid("", "invalid partial date %q: want YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm", value)
}

// Narrow returns d with its bounds narrowed to [earliest, latest], which must
// lie inside d's span and be in order.
func (d PartialDate) Narrow(earliest, latest time.Time) (PartialDate, error) {
	if earliest.Before(d.Earliest) || latest.After(d.Latest) || latest.Before(earliest) {
		return d, Invalid("", "bounds %s..%s do not lie inside %s (%s..%s)",
			earliest.Format(DateLayout), latest.Format(DateLayout), d.Value,
			d.Earliest.Format(DateLayout), d.Latest.Format(DateLayout))
	}
	d.Earliest, d.Latest = earliest, latest
	return d, nil
}

// Bound narrows d by the date of another node: notAfter keeps d no later
// than other's latest day ("before Trump's election" → no later than the
// election), notBefore no earlier than other's earliest. It is EINVALID when
// nothing of d would be left.
func (d PartialDate) Bound(notAfter, notBefore *PartialDate) (PartialDate, error) {
	lo, hi := d.Earliest, d.Latest
	if notAfter != nil && notAfter.Latest.Before(hi) {
		hi = notAfter.Latest
	}
	if notBefore != nil && notBefore.Earliest.After(lo) {
		lo = notBefore.Earliest
	}
	if hi.Before(lo) {
		return d, Invalid("", "%s cannot lie between %s and %s", d.Value, lo.Format(DateLayout), hi.Format(DateLayout))
	}
	return d.Narrow(lo, hi)
}

// ParseDate parses a calendar date "YYYY-MM-DD".
func ParseDate(field, s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, Invalid(field, "invalid date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// DateWindow is an inclusive range of days; either end may be open.
type DateWindow struct {
	From *time.Time
	To   *time.Time
}

// Check returns EINVALID when the window ends before it starts.
func (w DateWindow) Check(field string) error {
	if w.From != nil && w.To != nil && w.To.Before(*w.From) {
		return Invalid(field, "date window ends (%s) before it starts (%s)", w.To.Format(DateLayout), w.From.Format(DateLayout))
	}
	return nil
}

// String renders d for logs and test failures.
func (d PartialDate) String() string {
	return fmt.Sprintf("%s (%s, %s..%s)", d.Value, d.Precision, d.Earliest.Format(DateLayout), d.Latest.Format(DateLayout))
}
