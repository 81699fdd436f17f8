// Package search builds the site search index and answers queries over it.
//
// Every searchable page gives several results (Doc): the page itself, each
// best answer, FAQ question, step and `##` section, each with a deep link
// to its anchor. Words are normalised (Words), stemmed (Stem, Porter's
// algorithm) and scored with BM25 over weighted fields (headings count
// three times body words). The index is split two ways so that a query
// fetches only what it needs:
//
//   - by term: search/t/N.json holds the terms whose first three letters
//     hash to shard N, each with its best results (at most TopK) and the
//     display data of the best of them (every term's TopShown, then more
//     within the shard's budget); the number of shards follows the number
//     of pages (ShardsFor), so every page's search box can say it
//     (data-shards) and a query reads nothing but the shards of its words,
//     at most MaxShardRequests (QueryPlan);
//   - by page range: search/d/N.json holds the display data of every
//     result of pages N*PagesPerChunk up to the next chunk, read only for
//     results the shards do not describe ("More results").
//
// search/meta.json says how many shards, for tools.
//
// A build makes the index as its pages are rendered (Builder), keeping
// per term only its best results; serve keeps every page's results (Live)
// and writes only the files an edit changed.
//
// The browser (layouts/static/js/search.js) and Query run the same
// normalisation, stemming and ranking over these files.
package search
