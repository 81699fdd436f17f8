package meta

import (
	yamlast "github.com/goccy/go-yaml/ast"

	"playbook/generator/diag"
)

// MaxExpanded bounds the values a YAML text stands for once its aliases
// are expanded. go-yaml copies an alias's value at every use, so a few
// anchors that each use the one before twice stand for 2^n values. This
// is the second guard behind CheckYAML's alias count, measured on the
// parsed tree (parsing is linear; expanding is what explodes).
const MaxExpanded = 100_000

// CheckExpansion returns a problem when n stands for more than
// MaxExpanded values, at the alias that crosses the bound.
func CheckExpansion(n yamlast.Node, what string) *diag.Problem {
	e := expansion{anchors: map[string]int{}, what: what}
	e.size(n)
	return e.exceeded
}

type expansion struct {
	anchors  map[string]int // values each anchor stands for
	what     string
	exceeded *diag.Problem
}

// size returns how many values n stands for, saturating past the bound.
func (e *expansion) size(n yamlast.Node) int {
	if n == nil || e.exceeded != nil {
		return 0
	}
	total := 1
	switch t := n.(type) {
	case *yamlast.AnchorNode:
		total = e.size(t.Value)
		e.anchors[t.Name.String()] = total
	case *yamlast.AliasNode:
		total = e.anchors[t.Value.String()]
		if total > MaxExpanded/2 {
			p := tokenPos(t, 0)
			d := diag.Errorf("", p.Line, p.Col, "write the values out instead of repeating them through aliases",
				"%s stands for more than %d values once its aliases are expanded", e.what, MaxExpanded)
			e.exceeded = &d
		}
	case *yamlast.MappingNode:
		for _, v := range t.Values {
			total = e.add(total, e.size(v))
		}
	case *yamlast.MappingValueNode:
		total = e.add(e.size(t.Key), e.size(t.Value))
	case *yamlast.SequenceNode:
		for _, v := range t.Values {
			total = e.add(total, e.size(v))
		}
	case *yamlast.TagNode:
		total = e.size(t.Value)
	}
	return total
}

func (e *expansion) add(a, b int) int { return min(a+b, MaxExpanded+1) }
