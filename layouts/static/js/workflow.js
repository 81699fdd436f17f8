/*
 * workflow.js: fills a workflow card's prompt as the visitor types and
 * copies the prompt or the follow-up to the clipboard.
 *
 * Plain ES2017, no build step, one global namespace: window.Playbook.workflow.
 * Binds every [data-workflow-prompt] element rendered by
 * layouts/partials/workflow-prompt.html. Text typed by the visitor only
 * ever reaches the page through .textContent, never as HTML.
 */
(function (root, factory) {
  'use strict';
  var api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  }
  if (root && root.document) {
    root.Playbook = root.Playbook || {};
    root.Playbook.workflow = api;
    api.start(root.document);
  }
}(typeof window !== 'undefined' ? window : this, function () {
  'use strict';

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // fill replaces each placeholder token that has a non-empty value, in
  // one pass so a value that looks like another token stays as typed.
  function fill(template, values) {
    const tokens = Object.keys(values).filter(function (t) { return values[t] !== ''; });
    if (!tokens.length) return template;
    tokens.sort(function (a, b) { return b.length - a.length; });
    const re = new RegExp(tokens.map(escapeRe).join('|'), 'g');
    return template.replace(re, function (t) { return values[t]; });
  }

  // selectText selects the contents of el so Ctrl+C copies it.
  function selectText(el) {
    const sel = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // fallbackCopy copies through a selection and execCommand, for browsers
  // (or insecure origins) without navigator.clipboard.
  function fallbackCopy(el) {
    selectText(el);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  // copy copies el's text and resolves to the confirmation to show.
  function copy(el, what) {
    const done = 'Copied the ' + what + ' to the clipboard.';
    const manual = 'Press Ctrl+C (\u2318C on a Mac) to copy the selected ' + what + '.';
    const viaFallback = function () { return fallbackCopy(el) ? done : manual; };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(el.textContent).then(function () { return done; }, viaFallback);
    }
    return Promise.resolve(viaFallback());
  }

  function Card(root) {
    this.root = root;
    this.prompt = root.querySelector('[data-prompt]');
    this.followUp = root.querySelector('[data-follow-up]');
    this.status = root.querySelector('[data-copy-status]');
    this.template = this.prompt ? this.prompt.textContent : '';
    this.timer = 0;
  }

  Card.prototype.init = function () {
    const self = this;
    this.root.querySelectorAll('[data-copy-actions]').forEach(function (el) { el.hidden = false; });
    this.root.addEventListener('input', function (ev) {
      if (ev.target && ev.target.hasAttribute('data-placeholder')) self.render();
    });
    this.root.querySelectorAll('[data-copy]').forEach(function (btn) {
      btn.addEventListener('click', function () { self.copy(btn.getAttribute('data-copy')); });
    });
    this.render();
  };

  Card.prototype.values = function () {
    const values = {};
    this.root.querySelectorAll('[data-placeholder]').forEach(function (el) {
      values[el.getAttribute('data-placeholder')] = el.value.trim();
    });
    return values;
  };

  Card.prototype.render = function () {
    if (this.prompt) this.prompt.textContent = fill(this.template, this.values());
  };

  Card.prototype.copy = function (which) {
    const el = which === 'follow-up' ? this.followUp : this.prompt;
    const what = which === 'follow-up' ? 'follow-up prompt' : 'prompt';
    const self = this;
    if (!el) return Promise.resolve();
    return copy(el, what).then(function (msg) { self.say(msg); });
  };

  // say shows a confirmation in the role="status" element, then clears it.
  Card.prototype.say = function (msg) {
    const status = this.status;
    if (!status) return;
    status.textContent = msg;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { status.textContent = ''; }, 6000);
  };

  function bind(root) {
    if (root.hasAttribute('data-workflow-bound')) return;
    root.setAttribute('data-workflow-bound', '');
    new Card(root).init();
  }

  function start(doc) {
    const run = function () { doc.querySelectorAll('[data-workflow-prompt]').forEach(bind); };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run);
    else run();
  }

  return { fill: fill, bind: bind, start: start };
}));
