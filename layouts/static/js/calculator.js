/*
 * calculator.js: the LTV calculator in the visitor's browser.
 *
 * Plain ES2017, no framework, no build step. One global namespace,
 * window.Playbook.ltv. The arithmetic (parseQuery, validate, compute,
 * format) mirrors the Go package playbook/generator/ltv operation for
 * operation, and generator/ltv/parity_test.go runs this file under Node to
 * prove it. The DOM part binds every [data-calculator="ltv"] element.
 *
 * Rates are fractions in the URL query: margin=0.5 is 50%, churn=0.05 is 5%
 * a month, discount=0.1 is 10% a year. The form speaks a visitor's
 * language: rates are percentages there ("55" or "55%") and numbers may
 * group thousands with commas ("1,000"); parseFormField and formText
 * convert at the form's edge, as Go's ParseForm and FormText do. Query
 * text is data only: it is parsed as numbers and written with .value /
 * .textContent, never as HTML.
 */
(function (root, factory) {
  'use strict';
  var api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  }
  if (root && root.document) {
    root.Playbook = root.Playbook || {};
    root.Playbook.ltv = api;
    api.start(root.document);
  }
}(typeof window !== 'undefined' ? window : this, function () {
  'use strict';

  const KEYS = ['mode', 'aov', 'frequency', 'years', 'margin', 'arpa',
    'churn', 'discount', 'cac', 'attach', 'addon', 'uplift'];
  const MODES = ['purchase', 'churn'];
  const MODE_MSG = 'Mode must be "purchase" or "churn".';
  const MAX_FIGURE = 1e13;
  const DASH = '\u2014';

  // The same table as generator/ltv/fields.go.
  const FIELDS = [
    { key: 'aov', label: 'Average order value', noun: 'average order value', example: '120 or 49.90',
      min: 0, max: 1e7, maxText: '10,000,000', mode: 'purchase', form: '120 or 1,049.90' },
    { key: 'frequency', label: 'Purchases per year', noun: 'purchases per year', example: '4 or 0.5',
      min: 0, max: 365, maxText: '365 a year', mode: 'purchase', form: '4 or 0.5' },
    { key: 'years', label: 'Retention in years', noun: 'retention in years', example: '3 or 2.5',
      min: 0, max: 100, maxText: '100 years', mode: 'purchase', form: '3 or 2.5' },
    { key: 'margin', label: 'Gross margin', noun: 'gross margin', example: '0.6 for 60%',
      min: 0, max: 1, maxText: '100%', mode: '', rate: true, form: '60 or 60%' },
    { key: 'arpa', label: 'Monthly revenue per account', noun: 'monthly revenue per account', example: '49 or 120.50',
      min: 0, max: 1e7, maxText: '10,000,000', mode: 'churn', form: '49 or 1,200.50' },
    { key: 'churn', label: 'Monthly churn', noun: 'monthly churn', example: '0.05 for 5% a month',
      min: 0.0001, max: 1, maxText: '100% a month', mode: 'churn', rate: true, form: '5 for 5% a month',
      minMsg: 'Monthly churn must be at least 0.01% a month: with no churn a customer would stay forever.' },
    { key: 'discount', label: 'Annual discount rate', noun: 'annual discount rate', example: '0.1 for 10% a year',
      min: 0, max: 1, maxText: '100% a year', mode: '', optional: true, rate: true, form: '10 for 10% a year' },
    { key: 'cac', label: 'CAC', noun: 'customer acquisition cost', example: '250',
      min: 1, max: 1e9, maxText: '1,000,000,000', mode: '', optional: true, form: '250 or 1,500',
      minMsg: 'CAC must be at least 1; leave it blank if you do not know it.' },
    { key: 'attach', label: 'Attach rate', noun: 'attach rate', example: '0.2 for 20%',
      min: 0, max: 1, maxText: '100%', mode: '', optional: true, rate: true, form: '20 for 20%' },
    { key: 'addon', label: 'Add-on value per year', noun: 'add-on value per year', example: '120',
      min: 0, max: 1e7, maxText: '10,000,000', mode: '', optional: true, form: '120 or 1,200' },
    { key: 'uplift', label: 'Upsell uplift', noun: 'upsell uplift', example: '0.1 for +10%',
      min: 0, max: 10, maxText: '+1,000%', mode: '', optional: true, rate: true, form: '10 for +10%' }
  ];

  const NOTES = {
    noDiscount: 'Add an annual discount rate to see this.',
    noCAC: 'Add your CAC to see this.',
    noProfit: 'Never paid back: there is no gross profit per month.',
    noExpansion: 'Add an attach rate and add-on value, or an upsell uplift, to see this.',
    halfAttach: 'Add both the attach rate and the add-on value.',
    tooLarge: 'Too large to show: check the inputs.'
  };

  const RESULTS = ['revenue_ltv', 'profit_ltv', 'discounted_ltv', 'ltv_cac',
    'payback_months', 'expanded_ltv', 'expanded_delta'];

  const OPTIONAL = {};
  FIELDS.forEach(function (f) { if (f.optional) OPTIONAL[f.key] = true; });

  const NUMBER_RE = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  const GROUPED_RE = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;
  const PERCENT_RE = /[ \t]*%$/;

  // ---- inputs -----------------------------------------------------------

  function defaults() {
    return { mode: 'purchase', aov: 100, frequency: 4, years: 3, margin: 0.5, arpa: 50, churn: 0.05,
      discount: null, cac: null, attach: null, addon: null, uplift: null };
  }

  function relevant(f, mode) { return f.mode === '' || f.mode === mode; }

  // Cut ASCII blanks only, as Go's trimSpace does.
  function trimSpace(s) { return String(s).replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''); }

  // parseField returns {value, msg}; value null means blank (optional).
  function parseField(f, raw) {
    const s = trimSpace(raw);
    if (s === '') {
      return f.optional ? { value: null, msg: '' } : { value: null, msg: 'Enter the ' + f.noun + '.' };
    }
    if (!NUMBER_RE.test(s)) {
      return { value: null, msg: f.label + ' must be a number, like ' + f.example + '.' };
    }
    return { value: Number(s), msg: '' };
  }

  // parseFormField reads a form input's text, as Go's field.parseForm: a
  // rate is a percentage ("55" or "55%" gives 0.55), thousands may be
  // grouped with commas.
  function parseFormField(f, raw) {
    let s = trimSpace(raw);
    if (s === '') {
      return f.optional ? { value: null, msg: '' } : { value: null, msg: 'Enter the ' + f.noun + '.' };
    }
    if (f.rate) s = s.replace(PERCENT_RE, '');
    if (GROUPED_RE.test(s)) s = s.replace(/,/g, '');
    if (!NUMBER_RE.test(s)) {
      return { value: null, msg: f.label + ' must be a number, like ' + f.form + '.' };
    }
    const v = Number(s);
    return { value: f.rate ? v / 100 : v, msg: '' };
  }

  function fieldOf(key) { return FIELDS.find(function (f) { return f.key === key; }); }

  // formText is the text the form shows for a value, as Go's FormText: a
  // rate as its percentage, rounded to six decimals.
  function formText(key, v) {
    const f = fieldOf(key);
    if (f && f.rate) v = Math.round(v * 100 * 1e6) / 1e6;
    return numberText(v);
  }

  // numberText writes v as Go's strconv.FormatFloat(v, 'f', -1, 64) does
  // for the values a form holds: no exponent.
  function numberText(v) {
    const s = String(v);
    if (!/e/i.test(s)) return s;
    return v.toFixed(20).replace(/\.?0+$/, '');
  }

  // queryToForm turns a query value into the form's text, as Go's
  // QueryToForm: a rate that reads as a number becomes its percentage.
  function queryToForm(key, text) {
    const f = fieldOf(key);
    if (!f || !f.rate) return text;
    const s = trimSpace(text);
    if (!NUMBER_RE.test(s)) return text;
    return formText(key, Number(s));
  }

  // formToQuery is the query text of a form input: the value when it
  // reads, as a fraction for a rate; else the text as typed.
  function formToQuery(key, text) {
    const f = fieldOf(key);
    const r = parseFormField(f, text);
    return r.msg || r.value === null ? trimSpace(text) : numberText(r.value);
  }

  function check(f, v) {
    if (Number.isNaN(v)) return f.label + ' must be a number, like ' + f.example + '.';
    if (v < 0) return f.label + ' cannot be negative.';
    if (v < f.min) return f.minMsg;
    if (v > f.max) return f.label + ' must be at most ' + f.maxText + '.';
    return '';
  }

  // validate returns at most one {key, msg} per key, in KEYS order.
  function validate(inp) {
    const errs = [];
    if (MODES.indexOf(inp.mode) < 0) errs.push({ key: 'mode', msg: MODE_MSG });
    FIELDS.forEach(function (f) {
      if (!relevant(f, inp.mode)) return;
      const v = inp[f.key];
      if (v === null || v === undefined) return;
      const msg = check(f, v);
      if (msg) errs.push({ key: f.key, msg: msg });
    });
    return errs;
  }

  function mergeErrors(parsed, ranged) {
    const out = [];
    KEYS.forEach(function (k) {
      if (parsed[k]) { out.push(parsed[k]); return; }
      const e = ranged.find(function (r) { return r.key === k; });
      if (e) out.push(e);
    });
    return out;
  }

  // lookupOf turns a query string, URLSearchParams or plain object into a
  // function key -> raw text, or null when the key is absent.
  function lookupOf(q) {
    if (typeof q === 'string') q = new URLSearchParams(q);
    if (typeof URLSearchParams !== 'undefined' && q instanceof URLSearchParams) {
      return function (k) { return q.has(k) ? q.get(k) : null; };
    }
    return function (k) {
      return Object.prototype.hasOwnProperty.call(q, k) && q[k] !== null && q[k] !== undefined ? String(q[k]) : null;
    };
  }

  // parseQuery overlays the keys present in q on base (defaults() when
  // omitted), like Go's ApplyQuery. Returns {inputs, errors}.
  function parseQuery(q, base) {
    return parseWith(q, base, parseField);
  }

  // parseForm reads the form's raw text by key (rates in percent), over
  // defaults(), as Go's ParseForm.
  function parseForm(raw) {
    return parseWith(raw, defaults(), parseFormField);
  }

  function parseWith(q, base, parse) {
    const inp = Object.assign({}, base || defaults());
    const get = lookupOf(q);
    const parsed = {};
    const rawMode = get('mode');
    if (rawMode !== null) {
      const m = trimSpace(rawMode);
      if (MODES.indexOf(m) >= 0) inp.mode = m;
      else parsed.mode = { key: 'mode', msg: MODE_MSG };
    }
    FIELDS.forEach(function (f) {
      const raw = get(f.key);
      if (raw === null) return;
      const r = parse(f, raw);
      if (r.msg) {
        if (relevant(f, inp.mode)) parsed[f.key] = { key: f.key, msg: r.msg };
        return;
      }
      if (r.value !== null || f.optional) inp[f.key] = r.value;
    });
    return { inputs: inp, errors: mergeErrors(parsed, validate(inp)) };
  }

  // ---- formulas (see generator/ltv/formula.go for each one's doc) -----

  function revenueLTV(aov, frequency, years) { return aov * frequency * years; }
  function profitLTV(revenue, margin) { return revenue * margin; }
  function churnLTV(arpa, margin, churn) { return arpa * margin / churn; }
  function discountedLTV(yearlyProfit, years, discount) {
    const whole = Math.floor(years);
    let sum = 0;
    let factor = 1;
    for (let t = 1; t <= whole; t++) {
      factor *= 1 + discount;
      sum += yearlyProfit / factor;
    }
    const frac = years - whole;
    if (frac > 0) {
      factor *= 1 + discount;
      sum += frac * yearlyProfit / factor;
    }
    return sum;
  }
  function monthlyRate(annual) { return Math.pow(1 + annual, 1 / 12) - 1; }
  function discountedChurnLTV(monthlyProfit, churn, discount) {
    return monthlyProfit / (monthlyRate(discount) + churn);
  }
  function ltvToCAC(profit, cac) { return profit / cac; }
  function paybackMonths(cac, monthlyProfit) { return cac / monthlyProfit; }
  function expandedLTV(profit, margin, lifetimeYears, attach, addon, uplift) {
    return profit * (1 + uplift) + attach * addon * margin * lifetimeYears;
  }
  function lifetimeYears(churn) { return 1 / (12 * churn); }

  // ---- compute ----------------------------------------------------------

  function baseFigures(inp) {
    if (inp.mode === 'churn') {
      return { revenue: churnLTV(inp.arpa, 1, inp.churn), profit: churnLTV(inp.arpa, inp.margin, inp.churn),
        monthlyProfit: inp.arpa * inp.margin, lifetimeYears: lifetimeYears(inp.churn) };
    }
    const revenue = revenueLTV(inp.aov, inp.frequency, inp.years);
    return { revenue: revenue, profit: profitLTV(revenue, inp.margin),
      monthlyProfit: inp.aov * inp.frequency * inp.margin / 12, lifetimeYears: inp.years };
  }

  function isSet(v) { return v !== null && v !== undefined; }

  // guard stores v, or null and a note when v is unknown or too large.
  function guard(r, name, v, note) {
    if (note) { r.notes[name] = note; r[name] = null; return; }
    if (Number.isNaN(v) || Math.abs(v) >= MAX_FIGURE) { r.notes[name] = NOTES.tooLarge; r[name] = null; return; }
    r[name] = v;
  }

  function discountFigure(r, inp, b) {
    if (!isSet(inp.discount)) return guard(r, 'discounted_ltv', 0, NOTES.noDiscount);
    const v = inp.mode === 'churn'
      ? discountedChurnLTV(b.monthlyProfit, inp.churn, inp.discount)
      : discountedLTV(inp.aov * inp.frequency * inp.margin, inp.years, inp.discount);
    guard(r, 'discounted_ltv', v, '');
  }

  function cacFigures(r, inp, b) {
    if (!isSet(inp.cac)) {
      guard(r, 'ltv_cac', 0, NOTES.noCAC);
      return guard(r, 'payback_months', 0, NOTES.noCAC);
    }
    guard(r, 'ltv_cac', ltvToCAC(b.profit, inp.cac), '');
    if (b.monthlyProfit === 0) return guard(r, 'payback_months', 0, NOTES.noProfit);
    guard(r, 'payback_months', paybackMonths(inp.cac, b.monthlyProfit), '');
  }

  function expansion(r, inp, b) {
    let note = '';
    if (isSet(inp.attach) !== isSet(inp.addon)) note = NOTES.halfAttach;
    else if (!isSet(inp.attach) && !isSet(inp.uplift)) note = NOTES.noExpansion;
    if (note) {
      guard(r, 'expanded_ltv', 0, note);
      return guard(r, 'expanded_delta', 0, note);
    }
    const v = expandedLTV(b.profit, inp.margin, b.lifetimeYears,
      inp.attach || 0, inp.addon || 0, inp.uplift || 0);
    guard(r, 'expanded_ltv', v, '');
    if (r.expanded_ltv === null) return guard(r, 'expanded_delta', Infinity, '');
    guard(r, 'expanded_delta', v - b.profit, '');
  }

  // compute returns {ok, errors, notes, revenue_ltv, ...}; every figure is
  // a finite number or null.
  function compute(inp) {
    const errors = validate(inp);
    const r = { ok: errors.length === 0, errors: errors, notes: {} };
    RESULTS.forEach(function (n) { r[n] = null; });
    if (!r.ok) return r;
    const b = baseFigures(inp);
    r.revenue_ltv = b.revenue;
    r.profit_ltv = b.profit;
    discountFigure(r, inp, b);
    cacFigures(r, inp, b);
    expansion(r, inp, b);
    return r;
  }

  // ---- format -----------------------------------------------------------

  // format prints a figure as Go's ltv.Format does: 2 decimals at most,
  // trailing zeros cut, commas between thousands, DASH when not finite or
  // too large.
  function format(v) {
    if (typeof v !== 'number' || Number.isNaN(v) || Math.abs(v) >= MAX_FIGURE) return DASH;
    const r = Math.round(Math.abs(v) * 100) / 100;
    if (r === 0) return '0';
    const parts = r.toFixed(2).split('.');
    const frac = parts[1].replace(/0+$/, '');
    let out = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    if (frac) out += '.' + frac;
    return v < 0 ? '-' + out : out;
  }

  function percent(v) {
    const s = format(v * 100);
    return s === DASH ? s : s + '%';
  }

  // ---- DOM --------------------------------------------------------------

  const LABELS = {
    revenue_ltv: 'Revenue LTV', profit_ltv: 'Profit LTV', discounted_ltv: 'Discounted profit LTV',
    ltv_cac: 'LTV:CAC', payback_months: 'CAC payback', expanded_ltv: 'Profit LTV after expansion'
  };

  function fieldInput(root, key) {
    return root.querySelector('input[name="' + key + '"]:not([type="radio"])');
  }

  function checkedMode(root) {
    const el = root.querySelector('input[name="mode"]:checked');
    return el ? el.value : 'purchase';
  }

  // readForm collects the raw text of every input, keyed by URL key.
  function readForm(root) {
    const raw = { mode: checkedMode(root) };
    FIELDS.forEach(function (f) {
      const el = fieldInput(root, f.key);
      if (el) raw[f.key] = el.value;
    });
    return raw;
  }

  // writeForm puts raw text back into the inputs (as values, never HTML).
  function writeForm(root, raw) {
    root.querySelectorAll('input[name="mode"]').forEach(function (el) { el.checked = el.value === raw.mode; });
    FIELDS.forEach(function (f) {
      const el = fieldInput(root, f.key);
      if (el && el.value !== raw[f.key]) el.value = raw[f.key];
    });
  }

  // overlay copies the known keys of a query into raw, rates turned into
  // the form's percentages. A mode that is not purchase or churn is not
  // applied (the radio group cannot show it): overlay returns it, for a
  // message.
  function overlay(raw, params) {
    let badMode = null;
    KEYS.forEach(function (k) {
      if (!params.has(k)) return;
      const v = params.get(k);
      if (k === 'mode') {
        if (MODES.indexOf(trimSpace(v)) < 0) badMode = v;
        else raw.mode = trimSpace(v);
        return;
      }
      raw[k] = queryToForm(k, v);
    });
    return badMode;
  }

  // showNotice says why the link's mode was not applied.
  function showNotice(root, badMode) {
    const el = root.querySelector('[data-ltv-notice]');
    if (!el) return;
    el.textContent = badMode === null ? '' : 'The link asks for the model "' + badMode +
      '", which this calculator does not have, so it shows the ' +
      (checkedMode(root) === 'churn' ? 'subscription' : 'repeat-purchase') +
      ' model. A link can use mode=purchase or mode=churn.';
    el.hidden = badMode === null;
  }

  function presetOption(select, slug) {
    if (!select || !slug) return null;
    return Array.prototype.find.call(select.options, function (o) { return o.value === slug && o.value !== ''; }) || null;
  }

  function showMode(root, mode) {
    root.querySelectorAll('[data-mode]').forEach(function (el) { el.hidden = el.getAttribute('data-mode') !== mode; });
  }

  function showErrors(root, errors) {
    FIELDS.forEach(function (f) {
      const e = errors.find(function (x) { return x.key === f.key; });
      const el = fieldInput(root, f.key);
      const box = root.querySelector('[data-error-for="' + f.key + '"]');
      if (el) {
        if (e) el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
      if (box) {
        box.textContent = e ? e.msg : '';
        box.hidden = !e;
      }
    });
    const status = root.querySelector('[data-ltv-status]');
    if (status) status.hidden = errors.length === 0;
  }

  function showFigure(root, name, value, note) {
    root.querySelectorAll('[data-result="' + name + '"]').forEach(function (el) {
      el.textContent = value === null ? DASH : format(value);
      el.setAttribute('data-value', value === null ? '' : String(value));
    });
    root.querySelectorAll('[data-unit-for="' + name + '"]').forEach(function (el) { el.hidden = value === null; });
    root.querySelectorAll('[data-note="' + name + '"]').forEach(function (el) { el.textContent = note || ''; });
    const cur = root.getAttribute('data-currency') || '';
    root.querySelectorAll('[data-sticky-for="' + name + '"]').forEach(function (el) {
      el.textContent = value === null ? DASH : cur + format(value);
    });
  }

  function summary(root, res) {
    if (!res.ok) return 'Check the inputs: ' + res.errors[0].msg;
    const cur = root.getAttribute('data-currency') || '';
    const parts = [];
    Object.keys(LABELS).forEach(function (n) {
      if (res[n] === null) return;
      const money = n !== 'ltv_cac' && n !== 'payback_months';
      const unit = n === 'ltv_cac' ? ':1' : n === 'payback_months' ? ' months' : '';
      parts.push(LABELS[n] + ' ' + (money ? cur : '') + format(res[n]) + unit + '.');
    });
    return parts.join(' ');
  }

  // writeURL keeps the state in the query: mode, the inputs of that mode,
  // the optional inputs that are filled, and the preset, in KEYS order
  // after any other parameters (utm_*, ...), which are left alone.
  function writeURL(raw, preset) {
    const params = new URLSearchParams(window.location.search);
    KEYS.concat('preset').forEach(function (k) { params.delete(k); });
    params.append('mode', raw.mode);
    FIELDS.forEach(function (f) {
      const v = formToQuery(f.key, raw[f.key] || '');
      if (v !== '' && relevant(f, raw.mode)) params.append(f.key, v);
    });
    if (preset) params.append('preset', preset);
    const url = window.location.pathname + '?' + params.toString() + window.location.hash;
    window.history.replaceState(window.history.state, '', url);
  }

  function Calculator(root) {
    this.root = root;
    this.select = root.querySelector('[data-ltv-preset]');
    this.live = root.querySelector('[data-ltv-live]');
    this.timer = 0;
    this.raw = readForm(root);
  }

  // init applies the URL query (preset first, then explicit keys) and
  // renders without touching the URL.
  Calculator.prototype.init = function () {
    const params = new URLSearchParams(window.location.search);
    const opt = presetOption(this.select, params.get('preset'));
    if (opt) {
      this.select.value = opt.value;
      overlay(this.raw, new URLSearchParams(opt.getAttribute('data-values') || ''));
    }
    const badMode = overlay(this.raw, params);
    writeForm(this.root, this.raw);
    showNotice(this.root, badMode);
    const raw = this.raw;
    this.openMore(FIELDS.some(function (f) { return f.optional && trimSpace(raw[f.key] || '') !== ''; }));
    this.update(false);
    const self = this;
    const form = this.root.querySelector('form');
    if (form) form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    this.root.addEventListener('input', function (ev) { self.onInput(ev.target); });
    this.root.addEventListener('change', function (ev) { self.onChange(ev.target); });
  };

  Calculator.prototype.onInput = function (el) {
    if (!el || !el.name || el.type === 'radio' || el === this.select) return;
    if (KEYS.indexOf(el.name) < 0) return;
    this.raw[el.name] = el.value;
    this.update(true);
  };

  Calculator.prototype.onChange = function (el) {
    if (el && el.type === 'radio' && el.name === 'mode') {
      this.raw.mode = el.value;
      showNotice(this.root, null);
      this.update(true);
    } else if (el && el === this.select) {
      this.applyPreset(el.value);
    }
  };

  Calculator.prototype.applyPreset = function (slug) {
    const opt = presetOption(this.select, slug);
    if (opt) {
      overlay(this.raw, new URLSearchParams(opt.getAttribute('data-values') || ''));
      writeForm(this.root, this.raw);
    }
    this.update(true);
  };

  Calculator.prototype.update = function (toURL) {
    const raw = this.raw;
    const parsed = parseForm(raw);
    const res = compute(parsed.inputs);
    const errors = parsed.errors.length ? parsed.errors : res.errors;
    const ok = errors.length === 0 && res.ok;
    showMode(this.root, raw.mode);
    showErrors(this.root, errors);
    this.openMore(errors.some(function (e) { return OPTIONAL[e.key]; }));
    RESULTS.forEach(function (n) { showFigure(this.root, n, ok ? res[n] : null, ok ? res.notes[n] : ''); }, this);
    showFigure(this.root, 'expanded_before', ok ? res.profit_ltv : null, '');
    this.announce(summary(this.root, { ok: ok, errors: errors, revenue_ltv: res.revenue_ltv, profit_ltv: res.profit_ltv,
      discounted_ltv: res.discounted_ltv, ltv_cac: res.ltv_cac, payback_months: res.payback_months,
      expanded_ltv: res.expanded_ltv }));
    if (toURL) writeURL(raw, this.select ? this.select.value : '');
  };

  // openMore opens the "More" details when an optional input is filled in
  // or has an error, so the visitor sees every value that counts.
  Calculator.prototype.openMore = function (wanted) {
    const more = this.root.querySelector('[data-ltv-more]');
    if (more && wanted) more.open = true;
  };

  // announce updates the aria-live region once typing pauses, so a screen
  // reader hears the new figures once rather than at every keystroke.
  Calculator.prototype.announce = function (text) {
    const live = this.live;
    if (!live) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { live.textContent = text; }, 400);
  };

  function bind(root) {
    if (root.hasAttribute('data-ltv-bound')) return;
    root.setAttribute('data-ltv-bound', '');
    new Calculator(root).init();
  }

  function start(doc) {
    const run = function () { doc.querySelectorAll('[data-calculator="ltv"]').forEach(bind); };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run);
    else run();
  }

  return {
    KEYS: KEYS,
    RESULTS: RESULTS,
    NOTES: NOTES,
    defaults: defaults,
    parseQuery: parseQuery,
    parseForm: parseForm,
    formText: formText,
    queryToForm: queryToForm,
    formToQuery: formToQuery,
    validate: validate,
    compute: compute,
    format: format,
    percent: percent,
    formulas: {
      revenueLTV: revenueLTV, profitLTV: profitLTV, churnLTV: churnLTV, discountedLTV: discountedLTV,
      monthlyRate: monthlyRate, discountedChurnLTV: discountedChurnLTV, ltvToCAC: ltvToCAC,
      paybackMonths: paybackMonths, expandedLTV: expandedLTV, lifetimeYears: lifetimeYears
    },
    bind: bind,
    start: start
  };
}));
