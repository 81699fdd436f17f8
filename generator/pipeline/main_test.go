package pipeline_test

import (
	"os"
	"testing"

	"playbook/generator/pipeline"
)

// TestMain runs every build test with recycled content files overwritten
// once their page is prepared: a page that still read its file's bytes
// would differ from the golden files, the example site and full builds.
func TestMain(m *testing.M) {
	pipeline.PoisonRecycledSources(true)
	code := m.Run()
	os.RemoveAll(imageCache)
	os.Exit(code)
}
