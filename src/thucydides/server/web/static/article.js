/* Thucydides article view: pick an actor in the side list to highlight all its mentions. */
(function () {
  "use strict";
  function init() {
    var text = document.getElementById("article-text");
    if (!text) return;
    var buttons = document.querySelectorAll(".actor-pick");
    Array.prototype.forEach.call(buttons, function (btn) {
      btn.addEventListener("click", function () {
        var id = btn.getAttribute("data-actor");
        var on = btn.getAttribute("aria-pressed") !== "true";
        Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", "false"); });
        Array.prototype.forEach.call(text.querySelectorAll(".picked"), function (s) { s.classList.remove("picked"); });
        if (!on) return;
        btn.setAttribute("aria-pressed", "true");
        var first = null;
        Array.prototype.forEach.call(text.querySelectorAll("[data-actor]"), function (s) {
          if ((" " + s.getAttribute("data-actor") + " ").indexOf(" " + id + " ") >= 0) {
            s.classList.add("picked");
            if (!first) first = s;
          }
        });
        if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
