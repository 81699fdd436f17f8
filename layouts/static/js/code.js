/* code.js: a Copy button on every code block of the page body. Without
 * JavaScript there is no button, so none is written in the HTML. The
 * button is a real <button> (keyboard, screen readers); a role="status"
 * region announces "Copied". Prompt blocks keep their own controls. */
(function () {
  'use strict';

  function fallbackCopy(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  // copy copies the code's text and resolves to the message to announce.
  function copy(code) {
    const done = 'Copied';
    const viaFallback = function () {
      return fallbackCopy(code) ? done : 'Press Ctrl+C (\u2318C on a Mac) to copy the selected code';
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(code.textContent).then(function () { return done; }, viaFallback);
    }
    return Promise.resolve(viaFallback());
  }

  function init() {
    const blocks = document.querySelectorAll('.prose pre > code:not(.language-prompt)');
    if (!blocks.length) return;
    const status = document.createElement('p');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    status.setAttribute('data-code-status', '');
    document.body.appendChild(status);
    let timer = 0;
    blocks.forEach(function (code) {
      const pre = code.parentNode;
      const wrap = document.createElement('div');
      wrap.className = 'code-block';
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'code-copy';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy code');
      wrap.appendChild(button);
      button.addEventListener('click', function () {
        copy(code).then(function (msg) {
          status.textContent = msg;
          button.textContent = msg === 'Copied' ? 'Copied' : 'Copy';
          clearTimeout(timer);
          timer = setTimeout(function () { status.textContent = ''; button.textContent = 'Copy'; }, 4000);
        });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
