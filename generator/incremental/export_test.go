package incremental

import "playbook/generator/render"

// LLMSFullKept reports how the last build left llms-full.txt: kept as a
// document joined on first read (doc), and written among the output files
// (written), which a rebuild must not pay for.
func LLMSFullKept(l *Live) (doc, written bool) {
	if l.prev == nil {
		return false, false
	}
	return l.prev.llms != nil, l.prev.out.has(render.LLMSFullFile)
}
