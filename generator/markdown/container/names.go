package container

import "strings"

// Block names known to playbook: a `::: NAME` with any other name is an
// error.
const (
	NameAnswer     = "answer"
	NameFAQ        = "faq"
	NameSteps      = "steps"
	NameNote       = "note"
	NameTip        = "tip"
	NameWarning    = "warning"
	NameKey        = "key"
	NameCalculator = "calculator"
)

// knownNames is sorted so the "use one of" hint reads the same every time.
var knownNames = []string{
	NameAnswer, NameCalculator, NameFAQ, NameKey, NameNote, NameSteps, NameTip, NameWarning,
}

var knownFix = "use one of: " + strings.Join(knownNames, ", ")

// IsKnown reports whether name is one of the block names playbook knows.
func IsKnown(name string) bool {
	switch name {
	case NameAnswer, NameFAQ, NameSteps, NameNote, NameTip, NameWarning, NameKey, NameCalculator:
		return true
	}
	return false
}

// IsCallout reports whether name is a callout block (note, tip, warning, key).
func IsCallout(name string) bool {
	switch name {
	case NameNote, NameTip, NameWarning, NameKey:
		return true
	}
	return false
}
