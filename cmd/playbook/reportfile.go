package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"playbook/generator/pipeline"
	answerreport "playbook/generator/report"
)

// reportFormat is "html" or "json" from the --report file's extension, ""
// when it is neither.
func reportFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	}
	return ""
}

// writeReport writes the answer-readiness report of a check to name.
func writeReport(e *env, name string, res *pipeline.Result, now time.Time) error {
	if res == nil || res.Site == nil {
		return fmt.Errorf("the site could not be read, so there is nothing to report")
	}
	r := answerreport.Build(res.Site, res.Problems, now)
	var buf bytes.Buffer
	var err error
	if reportFormat(name) == "json" {
		err = r.WriteJSON(&buf)
	} else {
		err = r.WriteHTML(&buf)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "report: %d pages, %d evidence warnings -> %s\n", r.Totals.Pages, r.Totals.Evidence, name)
	return nil
}
