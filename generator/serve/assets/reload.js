/* impactsite serve: reload the page when the site is rebuilt (livereload's protocol, official-7).
   A file, not an inline snippet, so the page keeps its strict Content-Security-Policy. The reader's
   place on the page is kept across the reload. */
(function () {
  "use strict";
  var KEY = "impactsite-scroll:" + location.pathname;
  var script = document.currentScript;
  var generation = (script && script.getAttribute("data-generation")) || "";
  try {
    var y = sessionStorage.getItem(KEY);
    if (y !== null) {
      sessionStorage.removeItem(KEY);
      window.addEventListener("load", function () { window.scrollTo(0, Number(y)); });
    }
  } catch (e) { /* storage may be off: reloading still works */ }

  function connect(delay) {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/livereload?generation=" + encodeURIComponent(generation));
    ws.onopen = function () {
      ws.send(JSON.stringify({ command: "hello", protocols: ["http://livereload.com/protocols/official-7"] }));
    };
    ws.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.command === "hello") {
        ws.send(JSON.stringify({ command: "info", url: location.href, plugins: {} }));
        window.impactsiteReload = "connected";
      } else if (msg.command === "reload") {
        try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) { /* ignore */ }
        location.reload();
      }
    };
    ws.onclose = function () {
      window.impactsiteReload = "waiting";
      setTimeout(function () { connect(Math.min(delay * 2, 5000)); }, delay);
    };
  }
  connect(500);
})();
