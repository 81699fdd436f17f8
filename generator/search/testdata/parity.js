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
  limits: [S.MAX_SHARDS, S.CHUNK],
  plans: table.plans.map(function (q) { const p = S.plan(S.queryWords(q), table.planShards); return [p.words.map(function (w) { return w.raw; }), p.files]; }),
  fold: [S.FOLD_FROM, S.FOLD_TO],
  words: table.texts.map(S.words),
  stems: table.stems.map(S.stem),
  shards: table.stems.map(function (w) { return S.shardOf(w, 97); }),
  edits: table.edits.map(function (p) { return S.oneEdit(p[0], p[1]); }),
  queries: table.queries.map(function (q) {
    const ws = S.queryWords(q.q);
    const p = S.plan(ws, table.shards);
    const r = S.rank(p.words, p.files.map(shard), { kind: q.kind, stage: q.stage }, 10);
    return {
      words: ws.map(function (w) { return [w.raw, w.stem, w.prefix]; }),
      plan: p.words.map(function (w) { return w.raw; }),
      files: p.files,
      refs: r.results.map(function (x) { return x.ref; }),
      scores: r.results.map(function (x) { return x.score; })
    };
  })
};
process.stdout.write(JSON.stringify(out));
