package markdown

// Placeholders returns the distinct placeholder tokens of a prompt, with
// their brackets, in order of first appearance: "[NUMBER]", "[AOV]",
// "[CURRENT %]". A placeholder is '[', an ASCII upper-case letter, then
// upper-case letters, digits, spaces and % _ - /, then ']'; it does not end
// in a space. Prompt text is literal, so "[AOV](x)" counts as well.
func Placeholders(prompt string) []string {
	var out []string
	seen := map[string]bool{} // a set, not a scan of out: prompts may hold many
	for i := 0; i < len(prompt); i++ {
		if prompt[i] != '[' {
			continue
		}
		n := tokenLen(prompt[i+1:])
		if n == 0 {
			continue
		}
		tok := prompt[i : i+n+2]
		if !seen[tok] {
			seen[tok] = true
			out = append(out, tok)
		}
		i += n + 1
	}
	return out
}

// tokenLen returns the length of the placeholder body at the start of s
// (s follows a '['), or 0 when s does not start one.
func tokenLen(s string) int {
	if s == "" || !isUpper(s[0]) {
		return 0
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == ']':
			if s[i-1] == ' ' {
				return 0
			}
			return i
		case isUpper(c) || '0' <= c && c <= '9' || c == ' ' || c == '%' || c == '_' || c == '-' || c == '/':
		default:
			return 0
		}
	}
	return 0
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
