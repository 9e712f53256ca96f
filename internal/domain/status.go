package domain

// Stance is what an attribution's actor says about its claim.
type Stance string

// The stances.
const (
	StanceAsserts                  Stance = "ASSERTS"
	StanceConfirms                 Stance = "CONFIRMS"
	StanceDenies                   Stance = "DENIES"
	StanceDeclinesToRuleOut        Stance = "DECLINES_TO_RULE_OUT"
	StanceNeitherConfirmsNorDenies Stance = "NEITHER_CONFIRMS_NOR_DENIES"
	// StanceReports passes on another's report without endorsing it ("X
	// reported that…", "doniósł…"). It cites the attribution it relays and
	// does not count towards the claim's status: a relay is not a witness.
	StanceReports Stance = "REPORTS"
)

// Stances lists every stance.
var Stances = []Stance{StanceAsserts, StanceConfirms, StanceDenies, StanceDeclinesToRuleOut, StanceNeitherConfirmsNorDenies, StanceReports}

// FirstHand reports whether a stance speaks for its actor: every stance but
// REPORTS.
func (s Stance) FirstHand() bool { return s != StanceReports }

// ClaimStatus is derived from a claim's attributions, never edited by hand.
type ClaimStatus string

// The derived statuses.
const (
	StatusConfirmed ClaimStatus = "CONFIRMED"
	StatusDisputed  ClaimStatus = "DISPUTED"
	StatusDenied    ClaimStatus = "DENIED"
	StatusReported  ClaimStatus = "REPORTED"
)

// StanceVote is one attribution's input to a claim's status: its stance and
// whether its actor is a party to the fact (the claim is about that actor).
type StanceVote struct {
	Stance  Stance
	ByParty bool
}

// DeriveStatus applies the rule of domain.md: CONFIRMED if any CONFIRMS comes
// from a party to the fact; DISPUTED if there are both ASSERTS/CONFIRMS and
// DENIES; DENIED if only DENIES; REPORTED otherwise (only ASSERTS or
// non-committal stances, or nothing yet). Only first-hand stances count:
// REPORTS, a relay, adds nothing.
func DeriveStatus(votes []StanceVote) ClaimStatus {
	var supports, denies bool
	for _, v := range votes {
		switch v.Stance {
		case StanceConfirms:
			if v.ByParty {
				return StatusConfirmed
			}
			supports = true
		case StanceAsserts:
			supports = true
		case StanceDenies:
			denies = true
		}
	}
	switch {
	case supports && denies:
		return StatusDisputed
	case denies:
		return StatusDenied
	default:
		return StatusReported
	}
}
