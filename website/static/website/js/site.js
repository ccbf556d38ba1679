/* Small enhancements; every page works without them.
   - Countdowns ([data-deadline]) stay current even when the page came from the cache.
   - Event times ([data-local-time]) are also shown in the visitor's own time zone. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "en";

  function unit(value, name) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
    } catch (error) {
      return null;
    }
  }

  function joinUnits(parts) {
    try {
      return new Intl.ListFormat(lang, { type: "unit", style: "long" }).format(parts);
    } catch (error) {
      return parts.join(", ");
    }
  }

  function updateCountdown(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    if (isNaN(deadline)) {
      return;
    }
    var minutes = Math.floor((deadline - Date.now()) / 60000);
    if (minutes <= 0) {
      var closed = element.getAttribute("data-closed-text");
      if (closed) {
        element.textContent = closed;
      }
      return;
    }
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var parts;
    if (days > 0) {
      parts = [unit(days, "day"), unit(hours, "hour")];
    } else if (hours > 0) {
      parts = [unit(hours, "hour")];
    } else {
      parts = [unit(minutes, "minute")];
    }
    if (parts.indexOf(null) === -1) {
      element.textContent = joinUnits(parts);
    }
  }

  function showLocalTime(element) {
    var when = new Date(element.getAttribute("data-local-time"));
    var eventZone = element.getAttribute("data-zone");
    var visitorZone;
    try {
      visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    if (isNaN(when.getTime()) || !visitorZone || visitorZone === eventZone) {
      return;
    }
    var text = new Intl.DateTimeFormat(lang, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short"
    }).format(when);
    var label = element.getAttribute("data-label") || "";
    element.textContent = label + " " + text;
    element.hidden = false;
  }

  function start() {
    var countdowns = document.querySelectorAll("[data-deadline]");
    Array.prototype.forEach.call(countdowns, updateCountdown);
    if (countdowns.length) {
      window.setInterval(function () {
        Array.prototype.forEach.call(countdowns, updateCountdown);
      }, 60000);
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-local-time]"), showLocalTime);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
