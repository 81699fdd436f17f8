/*
 * search.js: the site search in the visitor's browser.
 *
 * Plain ES2017, no framework, no build step. The index is split by term
 * (search/t/N.json, N from the first three letters of the term, the number
 * of shards in the form's data-shards) and by page range (search/d/N.json).
 * A query fetches the shards of its words (at most MAX_SHARDS) and, only
 * when they describe too few of its results, their chunks. words, stem,
 * queryWords, plan, candidates and rank mirror the Go package
 * playbook/generator/search, and generator/search/parity_test.go runs this
 * file under Node to prove it. Result text is written with textContent,
 * never as HTML.
 */
(function (root, factory) {
  'use strict';
  var api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root && root.document) api.start(root.document, root);
}(typeof window !== 'undefined' ? window : this, function () {
  'use strict';

  var FOLD_FROM = 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ';
  var FOLD_TO = 'aaaaaaceeeeiiiinoooooouuuuyy';
  var STOP = {};
  ('a an and are as at be but by can could do does for from had has have how i if in into is it its ' +
    'me my of on or our should that the their them then there these they this to vs versus was we were what when where ' +
    'which who why will with would you your').split(' ').forEach(function (w) { STOP[w] = true; });
  var KINDS = ['page', 'answer', 'question', 'step', 'section'];
  var STAGES = ['', 'activation', 'adoption', 'expansion', 'advocacy', 'renewal'];
  var KIND_LABELS = { page: 'Page', answer: 'Best answer', question: 'Question', step: 'Step', section: 'Section' };
  var EXACT = 10, PREFIX = 8, TYPO = 6, MAX_EXPANSIONS = 12, MIN_PREFIX = 3, MIN_TYPO = 5, MAX_WORD = 32;
  var MAX_SHARDS = 3, CHUNK = 16;
  var LETTER = /[\p{L}\p{N}]/u;

  function len(s) { return Array.from(s).length; }

  // words splits text as Go's search.Words does.
  function words(text) {
    var out = [], cur = '', n = 0;
    function flush() {
      if (n > 0 && n <= MAX_WORD) out.push(cur);
      cur = ''; n = 0;
    }
    for (var ch of String(text)) {
      if (ch === "'" || ch === '\u2019') continue;
      var c = ch.codePointAt(0);
      if (c < 128) {
        if (c >= 65 && c <= 90) ch = String.fromCharCode(c + 32);
        if (/[a-z0-9]/.test(ch)) { cur += ch; n++; } else flush();
      } else if (LETTER.test(ch)) {
        ch = ch.toLowerCase();
        var f = FOLD_FROM.indexOf(ch);
        cur += f >= 0 ? FOLD_TO[f] : ch; n++;
      } else flush();
    }
    flush();
    return out;
  }

  // stem is Porter's 1980 algorithm, as Go's search.Stem.
  var STEP2 = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
    ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'],
    ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'],
    ['biliti', 'ble'], ['logi', 'log']];
  var STEP3 = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
  var STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate',
    'iti', 'ous', 'ive', 'ize'];

  function stem(w) {
    if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
    var b = w, j = 0;
    function cons(i) {
      var c = b[i];
      if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
      return c === 'y' ? i === 0 || !cons(i - 1) : true;
    }
    function m() {
      var n = 0, i = 0;
      while (i < j && cons(i)) i++;
      while (i < j) {
        while (i < j && !cons(i)) i++;
        if (i >= j) break;
        n++;
        while (i < j && cons(i)) i++;
      }
      return n;
    }
    function vowelInStem() { for (var i = 0; i < j; i++) if (!cons(i)) return true; return false; }
    function doublec(i) { return i >= 1 && b[i] === b[i - 1] && cons(i); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return 'wxy'.indexOf(b[i]) < 0;
    }
    function ends(s) {
      if (s.length > b.length || b.slice(b.length - s.length) !== s) return false;
      j = b.length - s.length;
      return true;
    }
    function setto(s) { b = b.slice(0, j) + s; }
    function rules(list) {
      for (var i = 0; i < list.length; i++) {
        if (ends(list[i][0])) { if (m() > 0) setto(list[i][1]); return; }
      }
    }
    // step 1ab
    if (b[b.length - 1] === 's') {
      if (ends('sses')) b = b.slice(0, -2);
      else if (ends('ies')) setto('i');
      else if (b[b.length - 2] !== 's') b = b.slice(0, -1);
    }
    if (ends('eed')) {
      if (m() > 0) b = b.slice(0, -1);
    } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      b = b.slice(0, j);
      var k = b.length - 1;
      j = b.length;
      if (ends('at')) setto('ate');
      else if (ends('bl')) setto('ble');
      else if (ends('iz')) setto('ize');
      else if (doublec(k)) { if ('lsz'.indexOf(b[k]) < 0) b = b.slice(0, k); }
      else { j = b.length; if (m() === 1 && cvc(k)) b += 'e'; }
    }
    // step 1c
    if (ends('y') && vowelInStem()) b = b.slice(0, -1) + 'i';
    rules(STEP2);
    rules(STEP3);
    for (var i = 0; i < STEP4.length; i++) {
      if (!ends(STEP4[i])) continue;
      if (STEP4[i] === 'ion' && (j === 0 || (b[j - 1] !== 's' && b[j - 1] !== 't'))) break;
      if (m() > 1) b = b.slice(0, j);
      break;
    }
    // step 5
    if (b[b.length - 1] === 'e') {
      j = b.length - 1;
      var a = m();
      if (a > 1 || (a === 1 && !cvc(b.length - 2))) b = b.slice(0, -1);
    }
    j = b.length;
    if (b[b.length - 1] === 'l' && doublec(b.length - 1) && m() > 1) b = b.slice(0, -1);
    return b;
  }

  // shardOf hashes a term's first three letters (FNV-1a over code points).
  function shardOf(term, shards) {
    var h = 2166136261, n = 0;
    for (var ch of term) {
      if (n++ === 3) break;
      h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    }
    return h % shards;
  }

  function oneEdit(a, b) {
    var x = Array.from(a), y = Array.from(b);
    if (x.length > y.length) { var t = x; x = y; y = t; }
    if (y.length - x.length > 1 || a === b) return false;
    var i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    var eq = function (p, q) { return p.join('') === q.join(''); };
    if (x.length < y.length) return eq(x.slice(i), y.slice(i + 1));
    if (eq(x.slice(i + 1), y.slice(i + 1))) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && eq(x.slice(i + 2), y.slice(i + 2));
  }

  // typo mirrors Go's: the stem one edit from t, or the word's first
  // letters one edit from t or, with at most three letters after, equal.
  function typo(w, t) {
    if (oneEdit(w.stem, t)) return true;
    var raw = Array.from(w.raw), n = len(t);
    if (n < MIN_TYPO - 1 || n >= raw.length) return false;
    var p = raw.slice(0, n).join('');
    return (p === t && raw.length - n <= 3) || oneEdit(p, t);
  }

  function queryWords(q) {
    var ws = words(q), out = [];
    ws.forEach(function (w, i) {
      if (STOP[w]) return;
      var word = { raw: w, stem: stem(w), prefix: i === ws.length - 1 && len(w) >= MIN_PREFIX };
      var same = out.filter(function (o) { return o.stem === word.stem; })[0];
      if (same) same.prefix = same.prefix || word.prefix;
      else out.push(word);
    });
    return out;
  }

  function shardsOf(w, shards) {
    var s = [shardOf(w.stem, shards)];
    if (w.prefix && shardOf(w.raw, shards) !== s[0]) s.push(shardOf(w.raw, shards));
    return s;
  }

  // plan mirrors Go's QueryPlan: the shards a query reads (at most
  // MAX_SHARDS) and the words they answer, the last word first, then the
  // longest.
  function plan(ws, shards) {
    var last = ws.length - 1, files = [], keep = [];
    var prio = function (i) { return i === last ? 1 << 20 : len(ws[i].raw); };
    ws.map(function (w, i) { return i; }).sort(function (a, b) { return prio(b) - prio(a) || a - b; }).forEach(function (i) {
      var need = shardsOf(ws[i], shards).filter(function (n) { return files.indexOf(n) < 0; });
      if (files.length + need.length <= MAX_SHARDS) { files = files.concat(need); keep[i] = true; }
    });
    return { words: ws.filter(function (w, i) { return keep[i]; }), files: files };
  }

  // decode turns a term's [df, ref deltas, impacts, codes] into postings.
  function decode(raw) {
    if (raw.d) return raw.d;
    var refs = [], ref = 0;
    (raw[1] || []).forEach(function (delta) { ref += delta; refs.push(ref); });
    var ok = raw[2] && raw[3] && raw[2].length === refs.length && raw[3].length === refs.length;
    raw.d = { df: raw[0], refs: ok ? refs : [], impacts: ok ? raw[2] : [], codes: ok ? raw[3] : [] };
    return raw.d;
  }

  function byBytes(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function candidates(w, loaded) {
    var exact = [], more = [];
    loaded.forEach(function (s) {
      Object.keys(s.t || {}).forEach(function (t) {
        if (t === w.stem) {
          if (!exact.length) exact.push({ term: t, factor: EXACT, data: decode(s.t[t]) });
        } else if (w.prefix && (t.indexOf(w.raw) === 0 || (len(w.stem) >= MIN_PREFIX && t.indexOf(w.stem) === 0))) {
          more.push({ term: t, factor: PREFIX, data: decode(s.t[t]) });
        } else if (len(w.raw) >= MIN_TYPO && typo(w, t)) {
          more.push({ term: t, factor: TYPO, data: decode(s.t[t]) });
        }
      });
    });
    more.sort(function (a, b) { return b.factor - a.factor || b.data.df - a.data.df || byBytes(a.term, b.term); });
    var out = exact;
    for (var i = 0; i < more.length; i++) {
      if (i > 0 && more[i].term === more[i - 1].term) continue;
      if (out.length >= MAX_EXPANSIONS || (more[i].factor === TYPO && out.length > 0)) break;
      out.push(more[i]);
    }
    return out;
  }

  function described(loaded, ref) {
    for (var i = 0; i < loaded.length; i++) if (loaded[i].d && loaded[i].d[ref]) return loaded[i].d[ref];
    return null;
  }

  function keeps(filter, code) {
    if (filter.kind && (code >> 3) !== KINDS.indexOf(filter.kind)) return false;
    return !filter.stage || (code & 7) === STAGES.indexOf(filter.stage);
  }

  // rank scores every result of the words' terms; it returns the best
  // limit that pass filter, and the terms matched (for marking).
  function rank(ws, loaded, filter, limit) {
    var totals = new Map(), codes = new Map(), matched = {};
    ws.forEach(function (w) {
      var best = new Map();
      candidates(w, loaded).forEach(function (c) {
        matched[c.term] = true;
        c.data.refs.forEach(function (ref, i) {
          var v = c.factor * c.data.impacts[i];
          if (v > (best.get(ref) || 0)) best.set(ref, v);
          codes.set(ref, c.data.codes[i]);
        });
      });
      best.forEach(function (v, ref) { totals.set(ref, (totals.get(ref) || 0) + v); });
    });
    // Results the loaded shards describe come first: they need no chunk.
    var ranked = [];
    totals.forEach(function (score, ref) {
      if (keeps(filter, codes.get(ref))) ranked.push({ ref: ref, score: score, doc: described(loaded, ref) });
    });
    ranked.sort(function (a, b) { return !a.doc - !b.doc || b.score - a.score || a.ref - b.ref; });
    return { results: ranked.slice(0, limit), matched: matched };
  }

  // ---- the index over HTTP ----

  function Index(base, shards) {
    this.base = base;
    this.shards = shards;
    this.files = {};
  }
  Index.prototype.get = function (name) {
    var f = this.files;
    if (!f[name]) {
      f[name] = fetch(this.base + 'search/' + name + '.json')
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .catch(function (e) { delete f[name]; throw e; });
    }
    return f[name];
  };
  // query resolves to {results: [{ref, score, doc}], matched}.
  // (A page without data-shards, from an older build, reads the meta file.)
  Index.prototype.query = function (q, filter, limit) {
    var self = this, ws = queryWords(q);
    var shards = this.shards > 0 ? Promise.resolve(this.shards) : this.get('meta').then(function (m) { return m.shards; });
    return shards.then(function (n) {
      var p = plan(ws, n);
      return self.load(p.files, p.words, filter, limit, CHUNK);
    });
  };
  Index.prototype.load = function (names, ws, filter, limit, perChunk) {
    var self = this;
    return Promise.all(names.map(function (n) { return self.get('t/' + n); })).then(function (loaded) {
      var r = rank(ws, loaded, filter, limit);
      var chunks = [];
      r.results.forEach(function (x) {
        var c = Math.floor((x.ref >>> 8) / perChunk);
        if (!x.doc && chunks.indexOf(c) < 0) chunks.push(c);
      });
      return Promise.all(chunks.map(function (c) { return self.get('d/' + c); })).then(function (got) {
        r.results.forEach(function (x) {
          var c = chunks.indexOf(Math.floor((x.ref >>> 8) / perChunk));
          if (!x.doc && c >= 0) x.doc = got[c][x.ref];
        });
        r.results = r.results.filter(function (x) { return x.doc; });
        return r;
      });
    });
  };

  // ---- the page ----

  // mark writes text into el, each word whose term was matched in <mark>.
  function mark(doc, el, text, matched) {
    var re = /[\p{L}\p{N}'\u2019]+/gu, last = 0, m;
    el.textContent = '';
    while ((m = re.exec(text))) {
      var w = words(m[0]);
      if (w.length !== 1 || STOP[w[0]] || !matched[stem(w[0])]) continue;
      el.appendChild(doc.createTextNode(text.slice(last, m.index)));
      el.appendChild(doc.createElement('mark')).textContent = m[0];
      last = m.index + m[0].length;
    }
    el.appendChild(doc.createTextNode(text.slice(last)));
  }

  function span(doc, parent, cls) {
    var s = parent.appendChild(doc.createElement('span'));
    s.className = cls;
    return s;
  }

  function stageName(s) { return s ? s[0].toUpperCase() + s.slice(1) : ''; }

  function bind(doc, win, form, index) {
    var input = form.querySelector('input[type=search]');
    var panel = form.querySelector('.search-panel');
    var status = form.querySelector('.search-status');
    var list = form.querySelector('.search-results');
    var kind = form.querySelector('select[name=kind]');
    var stage = form.querySelector('select[name=stage]');
    var isPage = form.hasAttribute('data-page');
    var seq = 0, timer = 0, limit = 10, focusAt = -1;

    function open(show) {
      if (isPage) return;
      panel.hidden = !show;
      input.setAttribute('aria-expanded', show ? 'true' : 'false');
    }
    function filter() { return { kind: kind ? kind.value : '', stage: stage ? stage.value : '' }; }
    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

    function show(q, r) {
      list.textContent = '';
      r.results.forEach(function (x) {
        var d = x.doc, li = list.appendChild(doc.createElement('li'));
        var a = li.appendChild(doc.createElement('a'));
        a.href = d[0];
        a.className = 'search-hit';
        span(doc, a, 'hit-kind').textContent = KIND_LABELS[d[3]] || d[3];
        mark(doc, span(doc, a, 'hit-title'), d[1] || d[2], r.matched);
        if (d[1]) span(doc, a, 'hit-page').textContent = d[2] + (d[4] ? ' · ' + stageName(d[4]) : '');
        else if (d[4]) span(doc, a, 'hit-page').textContent = stageName(d[4]);
        if (d[5]) mark(doc, span(doc, a, 'hit-snippet'), d[5], r.matched);
      });
      var n = r.results.length;
      status.textContent = n ? n + (n === 1 ? ' result' : ' results') + ' for “' + q + '”' : 'No results for “' + q + '”';
      if (isPage && n === limit) {
        var more = list.appendChild(doc.createElement('li')).appendChild(doc.createElement('button'));
        more.type = 'button';
        more.className = 'button button-secondary search-more';
        more.textContent = 'More results';
        more.addEventListener('click', function () { limit += 10; focusAt = n; run(); });
      }
      if (!isPage && n) {
        var li = list.appendChild(doc.createElement('li'));
        var all = li.appendChild(doc.createElement('a'));
        all.href = form.action + '?q=' + encodeURIComponent(q);
        all.className = 'search-all';
        all.textContent = 'All results and filters';
      }
      open(true);
      if (focusAt >= 0 && links()[focusAt]) links()[focusAt].focus(); // the first of the more results
      focusAt = -1;
    }

    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (isPage) {
        var u = new URL(win.location.href), f = filter();
        u.searchParams.set('q', q);
        ['kind', 'stage'].forEach(function (k) { if (f[k]) u.searchParams.set(k, f[k]); else u.searchParams.delete(k); });
        win.history.replaceState(null, '', u);
      }
      if (!queryWords(q).length) {
        list.textContent = '';
        status.textContent = '';
        open(false);
        return;
      }
      index.query(q, filter(), isPage ? limit : 8).then(function (r) {
        if (mine === seq) show(q, r);
      }, function () {
        if (mine === seq) { status.textContent = 'Search is not available right now.'; open(true); }
      });
    }

    function fresh() { limit = 10; run(); }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(fresh, 60); });
    [kind, stage].forEach(function (s) { if (s) s.addEventListener('change', fresh); });
    form.addEventListener('submit', function (e) {
      if (isPage) { e.preventDefault(); fresh(); }
    });
    form.addEventListener('keydown', function (e) {
      var ls = links(), at = ls.indexOf(doc.activeElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!ls.length || (doc.activeElement !== input && at < 0)) return;
        e.preventDefault();
        var next = e.key === 'ArrowDown' ? at + 1 : at - 1;
        if (next < 0) input.focus();
        else ls[Math.min(next, ls.length - 1)].focus();
      } else if (e.key === 'Escape') {
        if (!isPage && !panel.hidden) { open(false); input.focus(); e.preventDefault(); }
        else if (doc.activeElement === input) input.value = '';
      }
    });
    form.addEventListener('focusout', function (e) {
      if (!form.contains(e.relatedTarget)) open(false);
    });
    input.addEventListener('focus', function () { if (list.firstChild) open(true); });
    if (isPage) {
      var p = new URL(win.location.href).searchParams;
      input.value = p.get('q') || '';
      if (kind) kind.value = p.get('kind') || '';
      if (stage) stage.value = p.get('stage') || '';
      if (input.value) run();
    }
    return input;
  }

  // start binds every search form of the page and the / key.
  function start(doc, win) {
    var boxes = [];
    function init() {
      var forms = doc.querySelectorAll('form[data-search]');
      var index = forms.length ? new Index(forms[0].getAttribute('data-base') || '/', +forms[0].getAttribute('data-shards')) : null;
      Array.prototype.forEach.call(forms, function (f) { boxes.push(bind(doc, win, f, index)); });
      // On the search page its own box takes /.
      boxes.reverse();
    }
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
    else init();
    doc.addEventListener('keydown', function (e) {
      var t = e.target, tag = t && t.tagName;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || !boxes.length) return;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
      e.preventDefault();
      boxes[0].focus();
    });
  }

  return {
    words: words, stem: stem, shardOf: shardOf, oneEdit: oneEdit, queryWords: queryWords, plan: plan,
    candidates: candidates, MAX_SHARDS: MAX_SHARDS, CHUNK: CHUNK, rank: rank, start: start, STOP: Object.keys(STOP).sort(),
    KINDS: KINDS, STAGES: STAGES, FOLD_FROM: FOLD_FROM, FOLD_TO: FOLD_TO
  };
}));
