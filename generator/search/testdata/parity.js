// parity.js runs the browser search's pure functions over the table
// written by parity_test.go and prints what they give, as JSON.
//
// usage: node parity.js TABLE.json SEARCH.js
'use strict';
const fs = require('fs');
const path = require('path');

const table = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const S = require(path.resolve(process.argv[3]));

function shard(n) {
  return JSON.parse(fs.readFileSync(path.join(table.index, 'search', 't', n + '.json'), 'utf8'));
}

const out = {
  stop: S.STOP,
  kinds: S.KINDS,
  stages: S.STAGES,
  fold: [S.FOLD_FROM, S.FOLD_TO],
  words: table.texts.map(S.words),
  stems: table.stems.map(S.stem),
  shards: table.stems.map(function (w) { return S.shardOf(w, 97); }),
  edits: table.edits.map(function (p) { return S.oneEdit(p[0], p[1]); }),
  queries: table.queries.map(function (q) {
    const ws = S.queryWords(q.q);
    const names = [];
    ws.forEach(function (w) {
      [S.shardOf(w.stem, table.shards), w.prefix ? S.shardOf(w.raw, table.shards) : -1].forEach(function (n) {
        if (n >= 0 && names.indexOf(n) < 0) names.push(n);
      });
    });
    const r = S.rank(ws, names.map(shard), { kind: q.kind, stage: q.stage }, 10);
    return {
      words: ws.map(function (w) { return [w.raw, w.stem, w.prefix]; }),
      refs: r.results.map(function (x) { return x.ref; }),
      scores: r.results.map(function (x) { return x.score; })
    };
  })
};
process.stdout.write(JSON.stringify(out));
