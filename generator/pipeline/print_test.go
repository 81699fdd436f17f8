package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"playbook/generator/internal/browsertest"
)

// paperSizes are the sheets a printed playbook must fit, in inches.
var paperSizes = map[string][2]float64{"a4": {8.27, 11.69}, "letter": {8.5, 11}}

// TestPrintWorkflowCard prints the workflow card with a field filled in:
// the printed text is the card and its filled-in prompt, with no menu,
// footer or form controls, on A4 and on Letter. With -screenshots DIR the
// PDFs are saved there (pdftoppm turns them into images to look at).
func TestPrintWorkflowCard(t *testing.T) {
	srv := serveExampleSite(t)
	browser := browsertest.StartT(t)
	ctx, cancel := browser.Tab(2 * time.Minute)
	defer cancel()
	const filled = "Acme Lawn Care"
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+a11yPages["workflow"]),
		chromedp.WaitVisible(chromedp.CSS("[data-copy-actions]")), // workflow.js has run
		chromedp.SendKeys(chromedp.CSS(".wf-field input"), filled),
		printMedia(),
	)
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, filled) {
		t.Errorf("the printed prompt does not hold the value typed into its field (%q)", filled)
	}
	for _, gone := range []string{"Skip to content", "Menu", "Copy prompt", "This page as Markdown", "Your details"} {
		if strings.Contains(text, gone) {
			t.Errorf("the printed card shows %q; print leaves out navigation, footer and controls", gone)
		}
	}
	for name, size := range paperSizes {
		pdf, err := printPDF(ctx, size)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: Chromium did not return a PDF", name)
		}
		if *screenshots != "" {
			if err := os.MkdirAll(*screenshots, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*screenshots, "workflow-print-"+name+".pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func printMedia() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}

func printPDF(ctx context.Context, size [2]float64) ([]byte, error) {
	var pdf []byte
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := cdp.Call(ctx, t, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: size[0], PaperHeight: size[1]})
		if err != nil {
			return err
		}
		pdf = r.Data
		return nil
	}))
	return pdf, err
}
