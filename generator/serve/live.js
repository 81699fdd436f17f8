// playbook serve: reload this tab after each good rebuild, show the
// problems of a broken one, and keep the scroll position across reloads.
(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : "";
  var key = "playbook-scroll:" + location.pathname;

  function restoreScroll() {
    var y;
    try {
      y = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
    } catch (e) {
      return;
    }
    if (y === null) return;
    var go = function () { window.scrollTo(0, Number(y)); };
    if (document.readyState === "complete") go(); else window.addEventListener("load", go);
  }

  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* private mode */ }
    location.reload();
  }

  function wireDismiss(root) {
    var b = root && root.querySelector("[data-playbook-dismiss]");
    if (b) b.addEventListener("click", function () { root.remove(); });
  }

  // The server renders the overlay with html/template, so its HTML is
  // already escaped: inserting it adds no markup from the problems.
  function showOverlay(html) {
    var old = document.getElementById("playbook-overlay");
    if (old) old.remove();
    if (!html) return;
    var box = document.createElement("div");
    box.innerHTML = html;
    var overlay = box.firstElementChild;
    if (!overlay) return;
    document.body.appendChild(overlay);
    wireDismiss(overlay);
  }

  function onBuild(e) {
    var d = JSON.parse(e.data);
    if (String(d.build) !== build) reload();
  }

  restoreScroll();
  wireDismiss(document.getElementById("playbook-overlay"));
  if (!window.EventSource) return;
  var es = new EventSource("/__playbook/events");
  es.addEventListener("hello", onBuild);
  es.addEventListener("reload", onBuild);
  es.addEventListener("problems", function (e) { showOverlay(JSON.parse(e.data).html); });
  window.addEventListener("pagehide", function () { es.close(); });
})();
