// Package diag carries the problems a build finds in a site: where they are
// (file, line, column), how bad they are, what is wrong and how to fix it.
//
// Every stage of the pipeline reports through a Problem so that a run can
// collect all of them, sort them by place and print them together, the way a
// compiler does, instead of stopping at the first.
package diag
