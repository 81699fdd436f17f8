// parity.js runs the browser calculator's pure functions over the table
// written by parity_test.go and prints what they give, as JSON.
//
// usage: node parity.js TABLE.json CALCULATOR.js
'use strict';
const fs = require('fs');
const path = require('path');

const table = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const L = require(path.resolve(process.argv[3]));

// num keeps NaN and ±Infinity, which JSON would turn into null.
function num(v) {
  if (v === null || v === undefined) return null;
  return Number.isFinite(v) ? v : String(v);
}

function values(inputs) {
  const out = {};
  L.KEYS.forEach(function (k) { if (k !== 'mode') out[k] = num(inputs[k]); });
  return out;
}

const queries = table.queries.map(function (q) {
  const p = L.parseQuery(q);
  const r = L.compute(p.inputs);
  const figures = {};
  const texts = {};
  L.RESULTS.forEach(function (n) {
    figures[n] = num(r[n]);
    texts[n] = r[n] === null ? '\u2014' : L.format(r[n]);
  });
  return { mode: p.inputs.mode, values: values(p.inputs), errors: p.errors, ok: r.ok,
    figures: figures, texts: texts, notes: r.notes };
});

// The form's side: percentages and grouped thousands.
const forms = table.forms.map(function (raw) {
  const p = L.parseForm(raw);
  return { mode: p.inputs.mode, values: values(p.inputs), errors: p.errors };
});
const formTexts = table.formTexts.map(function (kv) { return L.formText(kv.key, kv.value); });
const queryToForms = table.queryToForms.map(function (kv) { return L.queryToForm(kv.key, kv.text); });
const formToQueries = table.queryToForms.map(function (kv) { return L.formToQuery(kv.key, kv.text); });

const formats = table.formats.map(function (s) { return L.format(Number(s)); });
const percents = table.formats.map(function (s) { return L.percent(Number(s)); });
const d = L.defaults();

process.stdout.write(JSON.stringify({
  keys: L.KEYS, defaults: { mode: d.mode, values: values(d) },
  queries: queries, formats: formats, percents: percents,
  forms: forms, formTexts: formTexts, queryToForms: queryToForms, formToQueries: formToQueries
}));
