/* Search: ask the search worker to fetch its index when the reader starts to use the search box
 * (focus, the magnifier, or the "/", "s" and "f" keys), not on every page view.
 * The worker (handbook/search_worker.js) listens on the "handbook-search" channel for the root of
 * its language; it also fetches the index on the first query, so this script only gains time.
 */
(function () {
  "use strict";
  if (typeof BroadcastChannel === "undefined" || location.protocol === "file:") return;
  var config = document.getElementById("__config");
  if (!config) return;
  var root = new URL(JSON.parse(config.textContent).base || ".", location.href);
  var sent = false;
  function load() {
    if (sent) return;
    sent = true;
    var channel = new BroadcastChannel("handbook-search");
    channel.postMessage(new URL(".", root.href.replace(/\/?$/, "/")).href);
    channel.close();
  }
  var input = document.querySelector(".md-search__input");
  if (input) input.addEventListener("focus", load, { once: true });
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for='__search']")) load();
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) load();
  });
})();
