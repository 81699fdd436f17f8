package pipeline

import (
	"errors"

	"playbook/generator/diag"
)

// splitProblems separates what the site did wrong (diag.Problem values,
// which write.CopyFS joins into its error) from failures of the machinery
// (a full disk), which still stop the build.
func splitProblems(err error) (diag.List, error) {
	if err == nil {
		return nil, nil
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	var probs diag.List
	var rest []error
	for _, e := range errs {
		var p diag.Problem
		if errors.As(e, &p) {
			probs.Add(p)
		} else {
			rest = append(rest, e)
		}
	}
	return probs, errors.Join(rest...)
}
