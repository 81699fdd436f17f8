package schema

import (
	"fmt"
	"strings"
)

// FAQPage holds a page's questions and answers, from faq blocks or a faq
// page, with @id ID(url, "faq"). Questions are inlined, not referenced.
type FAQPage struct {
	ID         string
	URL        string
	Name       string
	InLanguage string
	IsPartOf   *Ref
	MainEntity []Question
	Origin     Origin
}

// Question is one question: Name is the heading text, AcceptedAnswer its one
// answer. Origin is the heading's line, so violations point at it.
type Question struct {
	Name           string
	AcceptedAnswer *Answer
	Origin         Origin
}

// Answer is a question's answer. Text is HTML holding only the tags the
// rich-result rules allow: pass it through SanitizeAnswerHTML.
type Answer struct {
	Text string
}

// NodeID implements Node.
func (n FAQPage) NodeID() string { return n.ID }

// NodeType implements Node.
func (FAQPage) NodeType() string { return "FAQPage" }

// MarshalJSON implements json.Marshaler.
func (n FAQPage) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n FAQPage) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.str("url", n.URL)
	w.str("name", n.Name)
	w.str("inLanguage", n.InLanguage)
	w.ref("isPartOf", n.IsPartOf)
	list(w, "mainEntity", n.MainEntity, true)
	w.close()
}

// MarshalJSON implements json.Marshaler.
func (n Question) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Question) appendJSON(w *writer) {
	w.open("Question", "")
	w.need("name", n.Name)
	object(w, "acceptedAnswer", n.AcceptedAnswer)
	w.close()
}

// MarshalJSON implements json.Marshaler.
func (n Answer) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Answer) appendJSON(w *writer) {
	w.open("Answer", "")
	w.need("text", n.Text)
	w.close()
}

func (n FAQPage) origin() Origin { return n.Origin }

func (n FAQPage) check(c *checker) {
	if len(n.MainEntity) == 0 {
		c.report("mainEntity", "write at least one ### question heading in the faq block", "FAQPage has no questions")
	}
	c.url("url", n.URL, false, fixBaseURL)
	c.ref("isPartOf", n.IsPartOf)
	for i, q := range n.MainEntity {
		q.check(c, idx("mainEntity", i))
	}
}

// check applies the rich-result rules for one question at path.
func (q Question) check(c *checker, path string) {
	if strings.TrimSpace(q.Name) == "" {
		c.reportAt(q.Origin, path+".name", fixQuestion, "question has no text")
	}
	if q.AcceptedAnswer == nil {
		c.reportAt(q.Origin, path+".acceptedAnswer", fixAnswer,
			fmt.Sprintf("question %q has no acceptedAnswer", q.Name))
		return
	}
	if msg, fix := answerTextProblem(q.AcceptedAnswer.Text); msg != "" {
		c.reportAt(q.Origin, path+".acceptedAnswer.text", fix, fmt.Sprintf("answer to %q %s", q.Name, msg))
	}
}
