/* Thucydides: a small dependency-free SVG chart of a relation series.
 * Reads the series JSON from <script type="application/json" id="series-data"> and draws into #chart:
 * stacked bars of asserted events by PLOVER quad class, a hatched segment for negated/hypothetical
 * events (not counted), and the mean conflict-cooperation score as a line on the right axis.
 * Each period is a link to its evidence (data-base + "&period=YYYY-MM-DD#evidence"). */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
  var LABELS = {
    verbal_cooperation: "verbal cooperation", material_cooperation: "material cooperation",
    verbal_conflict: "verbal conflict", material_conflict: "material conflict"
  };

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, str, cls, anchor) {
    var t = el("text", { x: x, y: y, "class": cls || "axis-label", "text-anchor": anchor || "middle" }, parent);
    t.textContent = str;
    return t;
  }
  function niceMax(v) {
    if (v <= 4) return Math.max(1, Math.ceil(v));
    var p = Math.pow(10, Math.floor(Math.log10(v))), steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= v) return steps[i] * p; }
    return 10 * p;
  }
  function label(period, by) {
    var d = period.slice(0, 10), months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    var m = months[parseInt(d.slice(5, 7), 10) - 1] || d.slice(5, 7);
    if (by === "year") return d.slice(0, 4);
    if (by === "quarter") return "Q" + (Math.floor((parseInt(d.slice(5, 7), 10) - 1) / 3) + 1) + " " + d.slice(0, 4);
    if (by === "month") return m + " " + d.slice(0, 4);
    return parseInt(d.slice(8, 10), 10) + " " + m;
  }

  function step(iso, by) {
    var d = new Date(iso.slice(0, 10) + "T00:00:00Z");
    if (by === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (by === "quarter") d.setUTCMonth(d.getUTCMonth() + 3);
    else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
    return d.toISOString().slice(0, 10);
  }

  /* Periods on a faithful time axis: the empty periods between points are filled in when there
   * are not too many; otherwise the points stay side by side and each jump is marked as a gap. */
  function timeline(points, by) {
    var sorted = points.slice().sort(function (x, y) { return x.period < y.period ? -1 : 1; });
    var byPeriod = {}, out = [], p = sorted[0].period.slice(0, 10), last = sorted[sorted.length - 1].period.slice(0, 10);
    sorted.forEach(function (q) { byPeriod[q.period.slice(0, 10)] = q; });
    for (var n = 0; p <= last && n <= 120; n++) { out.push(byPeriod[p] || { period: p, empty: true }); p = step(p, by); }
    if (p > last) return out;
    return sorted.map(function (q, i) {
      var gap = i > 0 && step(sorted[i - 1].period.slice(0, 10), by) !== q.period.slice(0, 10);
      return gap ? Object.assign({ gapBefore: true }, q) : q;
    });
  }

  function draw(container, series) {
    var points = (series && series.points) || [];
    container.textContent = "";
    if (!points.length) return;
    points = timeline(points, series.by || "month");
    var base = container.getAttribute("data-base") || "";
    var current = container.getAttribute("data-current") || "";
    var by = series.by || "month";
    var W = Math.max(container.clientWidth || 640, 320);
    var H = container.classList.contains("chart-small") ? 200 : 300;
    var m = { top: 14, right: 48, bottom: 40, left: 44 };
    var iw = W - m.left - m.right, ih = H - m.top - m.bottom;
    var svg = el("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "Events between " + series.a + " and " + series.b + " per " + by }, container);
    var defs = el("defs", {}, svg);
    var pat = el("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
    el("rect", { width: 6, height: 6, "class": "hatch-bg" }, pat);
    el("line", { x1: 0, y1: 0, x2: 0, y2: 6, "class": "hatch-line" }, pat);

    var maxStack = 0;
    points.forEach(function (p) {
      var s = (p.negated_or_hypothetical || 0);
      QUADS.forEach(function (q) { s += p[q] || 0; });
      maxStack = Math.max(maxStack, s);
    });
    var yMax = niceMax(maxStack || 1);
    var scores = points.map(function (p) { return p.mean_score; }).filter(function (v) { return v !== null && v !== undefined; });
    var sMax = 10;
    scores.forEach(function (v) { sMax = Math.max(sMax, Math.ceil(Math.abs(v))); });
    var y = function (v) { return m.top + ih - (v / yMax) * ih; };
    var ys = function (v) { return m.top + ih / 2 - (v / sMax) * (ih / 2); };
    var band = iw / points.length;
    var bw = Math.min(56, Math.max(2, band * 0.62));
    var g = el("g", {}, svg);

    // grid and left axis (event counts)
    var ticks = yMax <= 5 ? yMax : 5;
    for (var i = 0; i <= ticks; i++) {
      var v = (yMax / ticks) * i, yy = y(v);
      el("line", { x1: m.left, x2: m.left + iw, y1: yy, y2: yy, "class": i === 0 ? "axis" : "grid" }, g);
      text(g, m.left - 8, yy + 4, String(Math.round(v * 10) / 10), "axis-label", "end");
    }
    text(g, 12, m.top + ih / 2, "events", "axis-title", "middle").setAttribute("transform", "rotate(-90 12 " + (m.top + ih / 2) + ")");
    // right axis (mean score)
    var rx = W - 10;
    text(g, rx, m.top + ih / 2, "mean score", "axis-title", "middle").setAttribute("transform", "rotate(90 " + rx + " " + (m.top + ih / 2) + ")");
    [-sMax, 0, sMax].forEach(function (v) {
      text(g, m.left + iw + 8, ys(v) + 4, (v > 0 ? "+" : "") + v, "axis-label score-label", "start");
    });
    el("line", { x1: m.left, x2: m.left + iw, y1: ys(0), y2: ys(0), "class": "zero" }, g);

    var every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(iw / 64))));
    /* the score line is drawn in segments: a period without data (empty, a jump, or no score) breaks it,
     * so the chart never draws a trend across periods it knows nothing about */
    var segments = [[]];
    function breakLine() { if (segments[segments.length - 1].length) segments.push([]); }
    points.forEach(function (p, idx) {
      var cx = m.left + band * idx + band / 2;
      if (p.gapBefore || p.empty || p.mean_score === null || p.mean_score === undefined) breakLine();
      if (p.empty) {
        el("rect", { x: m.left + band * idx + 1, y: m.top, width: Math.max(1, band - 2), height: ih, "class": "no-data" }, g);
      }
      if (p.gapBefore) {
        var gx = m.left + band * idx;
        el("line", { x1: gx, x2: gx, y1: m.top, y2: m.top + ih, "class": "gap" }, g);
        text(g, gx, m.top + ih + 32, "gap", "axis-label gap-label");
      }
      if (idx % every === 0) text(g, cx, m.top + ih + 18, label(p.period, by), "axis-label x-label");
      if (p.empty) return;
      var a = el("a", { href: base + "&period=" + encodeURIComponent(p.period) + "#evidence",
        "class": "bar-link" + (p.period === current ? " current" : ""),
        "data-period": p.period }, g);
      var tip = el("title", {}, a);
      var lines = [label(p.period, by) + " (" + by + " of " + p.period + ")", p.events + " event" + (p.events === 1 ? "" : "s") + " counted"];
      var hw = Math.min(band, bw + 28);
      el("rect", { x: cx - hw / 2, y: m.top, width: hw, height: ih, rx: 3, "class": "hit" }, a);
      var acc = 0;
      QUADS.forEach(function (q) {
        var n = p[q] || 0;
        if (!n) return;
        lines.push(LABELS[q] + ": " + n);
        el("rect", { x: cx - bw / 2, y: y(acc + n), width: bw, height: y(acc) - y(acc + n), "class": "bar q-" + q }, a);
        acc += n;
      });
      var u = p.negated_or_hypothetical || 0;
      if (u) {
        lines.push("negated or hypothetical (not counted): " + u);
        el("rect", { x: cx - bw / 2, y: y(acc + u), width: bw, height: y(acc) - y(acc + u), "class": "bar q-unreal" }, a);
      }
      if (p.mean_score !== null && p.mean_score !== undefined) {
        lines.push("mean score: " + (p.mean_score > 0 ? "+" : "") + p.mean_score);
        segments[segments.length - 1].push([cx, ys(p.mean_score)]);
      }
      tip.textContent = lines.join("\n");
    });
    segments.forEach(function (seg) {
      if (seg.length > 1) {
        el("polyline", { points: seg.map(function (q) { return q[0] + "," + q[1]; }).join(" "), "class": "score-line" }, g);
      }
      seg.forEach(function (q) { el("circle", { cx: q[0], cy: q[1], r: 4, "class": "score-dot" }, g); });
    });
  }

  function init() {
    var container = document.getElementById("chart");
    var data = document.getElementById("series-data");
    if (!container || !data) return;
    var series;
    try { series = JSON.parse(data.textContent); } catch (e) { return; }
    if (!series) return;
    draw(container, series);
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { draw(container, series); }, 150);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  window.ThucydidesChart = { draw: draw };
})();
