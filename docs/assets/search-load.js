/* Search: ask the search worker to fetch its index when the reader starts to use the search box
 * (focus, the magnifier, or the "/", "s" and "f" keys), not on every page view.
 * The worker (handbook/search/search_worker.js) listens on the "handbook-search" channel for the root of
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
    var wanted = new URL(".", root.href.replace(/\/?$/, "/")).href;
    var channel = new BroadcastChannel("handbook-search");
    // The worker answers once the whole index is in (results typed earlier come from titles and
    // headings first): <html data-search-index="complete">.
    channel.onmessage = function (event) {
      if (event.data && event.data.complete === wanted) {
        document.documentElement.setAttribute("data-search-index", "complete");
        channel.close();
      }
    };
    channel.postMessage(wanted);
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
