package search

// Stem reduces a lower-case word to its stem with M. F. Porter's 1980
// algorithm ("An algorithm for suffix stripping"), as in the reference
// implementation. search.js carries the same algorithm; the parity test
// runs both over a word list. Words of two letters or fewer, and words
// holding anything but a-z, are returned as they are.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	s := &stemmer{b: []byte(w)}
	s.step1ab()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return string(s.b)
}

// stemmer holds the word being stemmed; j marks the end of the stem a
// suffix test left (b[:j]).
type stemmer struct {
	b []byte
	j int
}

// cons reports whether b[i] is a consonant.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.cons(i-1)
	}
	return true
}

// m measures the consonant-vowel sequences in b[:j].
func (s *stemmer) m() int {
	n, i := 0, 0
	for ; i < s.j && s.cons(i); i++ {
	}
	for i < s.j {
		for ; i < s.j && !s.cons(i); i++ {
		}
		if i >= s.j {
			break
		}
		n++
		for ; i < s.j && s.cons(i); i++ {
		}
	}
	return n
}

// vowelInStem reports whether b[:j] holds a vowel.
func (s *stemmer) vowelInStem() bool {
	for i := 0; i < s.j; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doublec reports whether b[i-1:i+1] is a double consonant.
func (s *stemmer) doublec(i int) bool {
	return i >= 1 && s.b[i] == s.b[i-1] && s.cons(i)
}

// cvc reports whether b[i-2:i+1] is consonant-vowel-consonant and the
// last is not w, x or y (hop, not hope).
func (s *stemmer) cvc(i int) bool {
	if i < 2 || !s.cons(i) || s.cons(i-1) || !s.cons(i-2) {
		return false
	}
	c := s.b[i]
	return c != 'w' && c != 'x' && c != 'y'
}

// ends reports whether the word ends with suffix, and sets j before it.
func (s *stemmer) ends(suffix string) bool {
	n := len(suffix)
	if n > len(s.b) || string(s.b[len(s.b)-n:]) != suffix {
		return false
	}
	s.j = len(s.b) - n
	return true
}

// setto replaces b[j:] with r.
func (s *stemmer) setto(r string) { s.b = append(s.b[:s.j], r...) }

// r replaces the suffix with r when m() > 0.
func (s *stemmer) r(r string) {
	if s.m() > 0 {
		s.setto(r)
	}
}

func (s *stemmer) step1ab() {
	if s.b[len(s.b)-1] == 's' {
		switch {
		case s.ends("sses"):
			s.b = s.b[:len(s.b)-2]
		case s.ends("ies"):
			s.setto("i")
		case len(s.b) >= 2 && s.b[len(s.b)-2] != 's':
			s.b = s.b[:len(s.b)-1]
		}
	}
	if s.ends("eed") {
		if s.m() > 0 {
			s.b = s.b[:len(s.b)-1]
		}
		return
	}
	if !(s.ends("ed") || s.ends("ing")) || !s.vowelInStem() {
		return
	}
	s.b = s.b[:s.j]
	k := len(s.b) - 1
	s.j = len(s.b)
	switch {
	case s.ends("at"):
		s.setto("ate")
	case s.ends("bl"):
		s.setto("ble")
	case s.ends("iz"):
		s.setto("ize")
	case s.doublec(k):
		if c := s.b[k]; c != 'l' && c != 's' && c != 'z' {
			s.b = s.b[:k]
		}
	default:
		s.j = len(s.b)
		if s.m() == 1 && s.cvc(k) {
			s.b = append(s.b, 'e')
		}
	}
}

func (s *stemmer) step1c() {
	if s.ends("y") && s.vowelInStem() {
		s.b[len(s.b)-1] = 'i'
	}
}

// step2 and step3 map double and single suffixes to shorter ones when the
// stem before them has m() > 0.
var step2Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
	{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"},
}

var step3Rules = [][2]string{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

func (s *stemmer) replaceFirst(rules [][2]string) {
	for _, r := range rules {
		if s.ends(r[0]) {
			s.r(r[1])
			return
		}
	}
}

func (s *stemmer) step2() { s.replaceFirst(step2Rules) }
func (s *stemmer) step3() { s.replaceFirst(step3Rules) }

var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// step4 removes a suffix when the stem before it has m() > 1; "ion" only
// after s or t.
func (s *stemmer) step4() {
	for _, suf := range step4Suffixes {
		if !s.ends(suf) {
			continue
		}
		if suf == "ion" && (s.j == 0 || (s.b[s.j-1] != 's' && s.b[s.j-1] != 't')) {
			return
		}
		if s.m() > 1 {
			s.b = s.b[:s.j]
		}
		return
	}
}

func (s *stemmer) step5() {
	s.j = len(s.b)
	if s.b[len(s.b)-1] == 'e' {
		s.j = len(s.b) - 1
		if a := s.m(); a > 1 || a == 1 && !s.cvc(len(s.b)-2) {
			s.b = s.b[:len(s.b)-1]
		}
	}
	s.j = len(s.b)
	if s.b[len(s.b)-1] == 'l' && s.doublec(len(s.b)-1) && s.m() > 1 {
		s.b = s.b[:len(s.b)-1]
	}
}
