// Package schema holds the schema.org types playbook emits as JSON-LD, the
// encoder that turns one page's nodes into a single HTML-safe @graph, and the
// validator that applies schema.org's required properties and the major
// search engines' rich-result rules to that graph.
//
// Nodes reference each other by stable @id (see ID) instead of repeating
// themselves: every page's graph holds the WebSite (URL#website), the
// Organization (URL#org), the page (URL#webpage or URL#article), its
// BreadcrumbList (URL#breadcrumb) and, where the page has them, an FAQPage,
// HowTo, DefinedTerm, WebApplication or CreativeWork.
//
// Every node carries an Origin (the content file and line it came from) that
// is never marshalled; Validate copies it into each Violation so build and
// check can point at the offending question or step.
//
// Each struct field marshals as the schema.org property of the same name in
// lower camel case (ItemListElement as itemListElement, InDefinedTermSet as
// inDefinedTermSet, ID as @id); empty optional fields are left out. Types
// write their JSON by hand rather than through reflection because one graph
// is encoded for every page of large builds.
//
// The package is a leaf: it imports nothing from playbook/generator.
package schema
