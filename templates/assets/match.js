/* Match banners (and a campaign page's match claims): hidden once data-match-end (epoch ms) has
   passed, when the notes marked data-match-after are shown instead; the optional countdown is
   aria-hidden, updated at most once a minute and can be hidden (WCAG 2.2.2). No inline code. */
(function () {
  "use strict";
  var MINUTE = 60000;
  var banners = Array.prototype.slice.call(document.querySelectorAll("[data-match-end]"));
  var afterwards = Array.prototype.slice.call(document.querySelectorAll("[data-match-after]"));

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function timeLeft(ms) {
    var minutes = Math.floor(ms / MINUTE);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    if (days > 0) return plural(days, "day") + " and " + plural(hours, "hour") + " left";
    if (hours > 0) return plural(hours, "hour") + " and " + plural(minutes % 60, "minute") + " left";
    return minutes > 0 ? plural(minutes, "minute") + " left" : "Less than a minute left";
  }

  function update() {
    var now = Date.now();
    var soonest = Infinity;
    banners.forEach(function (banner) {
      var end = Number(banner.getAttribute("data-match-end"));
      if (!isFinite(end) || banner.hidden) return;
      if (now >= end) {
        banner.hidden = true;
        return;
      }
      soonest = Math.min(soonest, end - now);
      var counter = banner.querySelector("[data-match-countdown]");
      if (counter && !counter.hasAttribute("data-dismissed")) {
        counter.textContent = timeLeft(end - now);
        counter.hidden = false;
        var hide = banner.querySelector("[data-match-countdown-hide]");
        if (hide) hide.hidden = false;
      }
    });
    afterwards.forEach(function (note) {
      var end = Number(note.getAttribute("data-match-after"));
      if (isFinite(end) && now >= end) note.hidden = false;
      else if (isFinite(end)) soonest = Math.min(soonest, end - now);
    });
    if (soonest !== Infinity) {
      // Wake at the next whole minute, or at the deadline if that comes first (never more often).
      window.setTimeout(update, Math.min(soonest, MINUTE - (now % MINUTE)));
    }
  }

  banners.forEach(function (banner) {
    var hide = banner.querySelector("[data-match-countdown-hide]");
    var counter = banner.querySelector("[data-match-countdown]");
    if (hide && counter) {
      hide.addEventListener("click", function () {
        counter.setAttribute("data-dismissed", "");
        counter.hidden = true;
        hide.hidden = true;
      });
    }
  });
  if (banners.length || afterwards.length) update();
})();
