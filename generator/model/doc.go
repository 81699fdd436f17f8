// Package model turns loaded and parsed content into one site graph: pages
// with their kinds and typed fields, sections and their list pages, the home
// page, taxonomies (tags and journey stages), pretty URLs, ordering,
// prev/next and breadcrumbs. It does no I/O and renders nothing.
package model
