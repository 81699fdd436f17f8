package container

import "github.com/yuin/goldmark/util"

// AnswerIncluder returns the HTML of the answer named slug, for
// `::: answer SLUG` blocks with an empty body; ok is false when there is no
// such answer.
type AnswerIncluder func(slug string) (html []byte, ok bool)

// CalculatorRenderer writes the HTML of a `::: calculator` block.
type CalculatorRenderer func(w util.BufWriter, source []byte, n *Container) error

// Options are the settings of the extension's renderer.
type Options struct {
	IncludeAnswer    AnswerIncluder     // nil: included answers render empty
	RenderCalculator CalculatorRenderer // nil: a placeholder element
}

// Option sets one of the Options.
type Option interface {
	SetContainerOption(*Options)
}

type optionFunc func(*Options)

// SetContainerOption implements Option.
func (f optionFunc) SetContainerOption(o *Options) { f(o) }

// WithAnswerIncluder sets the function that supplies included answers.
func WithAnswerIncluder(f func(slug string) (html []byte, ok bool)) Option {
	return optionFunc(func(o *Options) { o.IncludeAnswer = f })
}

// WithCalculatorRenderer sets the function that renders calculator blocks.
func WithCalculatorRenderer(f func(w util.BufWriter, source []byte, n *Container) error) Option {
	return optionFunc(func(o *Options) { o.RenderCalculator = f })
}
