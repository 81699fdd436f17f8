package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestGolden pins the JSON-LD of every scenario. Golden files hold the
// encoded bytes indented for review; escapes such as \u003c survive
// indentation, so they are checked too.
func TestGolden(t *testing.T) {
	for name, build := range scenarios {
		t.Run(name, func(t *testing.T) {
			var enc bytes.Buffer
			if err := Encode(&enc, build()); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, enc.Bytes(), "", "  "); err != nil {
				t.Fatalf("Encode output does not parse: %v\n%s", err, enc.Bytes())
			}
			got.WriteByte('\n')
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from Encode output (run go test -update and review the diff):\n%s", path, got.Bytes())
			}
		})
	}
}

// TestScenariosValid makes sure every golden graph is one the validators
// accept, both as Go values and as the bytes Encode writes.
func TestScenariosValid(t *testing.T) {
	for name, build := range scenarios {
		t.Run(name, func(t *testing.T) {
			g := build()
			if v := Validate(g); v != nil {
				t.Errorf("Validate: %v", v)
			}
			var enc bytes.Buffer
			if err := Encode(&enc, g); err != nil {
				t.Fatal(err)
			}
			if v := ValidateJSON(enc.Bytes()); v != nil {
				t.Errorf("ValidateJSON: %v", v)
			}
		})
	}
}
