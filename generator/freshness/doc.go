// Package freshness decides when a page last changed, truthfully: the date
// of the last commit that touched its file when the site is a git
// repository (GitDates, one git call for the whole site), kept from the
// previous build while the page's content is unchanged (Manifest, a file of
// content hashes playbook keeps with its output). Front matter's `updated`
// wins over both.
package freshness
