// Package meta decodes YAML and TOML mappings (front matter, site config,
// calculator defaults) into plain Go values while remembering where each
// value stands in the file, so that a field of the wrong type can be
// reported as file:line:col with a way to fix it.
//
// YAML goes through github.com/goccy/go-yaml, whose AST carries positions;
// TOML through github.com/BurntSushi/toml. Typed access is through a Reader,
// which collects every problem instead of stopping at the first.
package meta
