// Package config reads the site configuration (site.yaml or site.toml),
// applies defaults and validates it. It is pure data: no other stage's
// knowledge lives here.
package config
