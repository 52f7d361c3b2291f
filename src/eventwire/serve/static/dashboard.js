/* eventwire dashboard: the map, timeline and partner network, drawn as SVG from the /v1 API.
   Hand-written, no library, nothing fetched from outside: the country outlines are
   /static/world.geojson (Natural Earth via world-atlas, see static/README.md). */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, s, attrs) {
    var t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = s;
    return t;
  }
  function title(node, s) { el("title", {}, node).textContent = s; }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { throw new Error((b.error && b.error.message) || r.status); });
      return r.json();
    });
  }
  function size(svg) {
    var box = svg.getBoundingClientRect();
    return { w: Math.max(200, Math.round(box.width)), h: Math.max(150, Math.round(box.height)) };
  }
  function empty(svg, message) {
    var s = size(svg);
    svg.setAttribute("viewBox", "0 0 " + s.w + " " + s.h);
    text(svg, s.w / 2, s.h / 2, message, { "text-anchor": "middle", class: "empty" });
  }
  function viewWith(changes) {
    var p = new URLSearchParams(location.search);
    p.delete("cursor");
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null) p.delete(k); else p.set(k, changes[k]);
    });
    return "/?" + p.toString();
  }

  /* ---- the map: equirectangular, zoomed to the events ---------------------------------- */
  var worldPromise = null;
  function world() {
    if (!worldPromise) worldPromise = getJSON("/static/world.geojson");
    return worldPromise;
  }
  function ringPath(ring) {
    var d = "";
    for (var i = 0; i < ring.length; i++) d += (i ? "L" : "M") + ring[i][0] + " " + (-ring[i][1]);
    return d + "Z";
  }
  function drawLand(svg, geo) {
    var g = el("g", {}, svg);
    geo.features.forEach(function (f) {
      var d = "";
      f.geometry.coordinates.forEach(function (poly) { poly.forEach(function (r) { d += ringPath(r); }); });
      var p = el("path", { d: d, class: "land", "data-name": f.properties.name || "" }, g);
      title(p, f.properties.name || "");
    });
    return g;
  }
  /* the view box (in degrees, y = -lat) around the points, with the svg's aspect ratio */
  function frame(svg, points, minSpan) {
    var s = size(svg), aspect = s.w / s.h;
    var w = -180, e = 180, n = 85, so = -60;
    if (points.length) {
      w = Math.min.apply(null, points.map(function (p) { return p.lon; }));
      e = Math.max.apply(null, points.map(function (p) { return p.lon; }));
      so = Math.min.apply(null, points.map(function (p) { return p.lat; }));
      n = Math.max.apply(null, points.map(function (p) { return p.lat; }));
    }
    var cx = (w + e) / 2, cy = -(so + n) / 2;
    var spanX = Math.max(e - w, minSpan) * 1.3, spanY = Math.max(n - so, minSpan / 2) * 1.3;
    if (spanX / spanY < aspect) spanX = spanY * aspect; else spanY = spanX / aspect;
    if (spanX > 360) { spanX = 360; spanY = 360 / aspect; cx = 0; }
    return { x: cx - spanX / 2, y: cy - spanY / 2, w: spanX, h: spanY };
  }

  function drawMap(svg, events) {
    var places = {};
    events.forEach(function (ev) {
      var p = ev.place;
      if (!p || p.lat === null || p.lon === null || p.lat === undefined) return;
      var key = p.lat.toFixed(3) + "," + p.lon.toFixed(3);
      if (!places[key]) places[key] = { lat: p.lat, lon: p.lon, name: p.name, events: [], quads: [0, 0, 0, 0, 0] };
      places[key].events.push(ev);
      places[key].quads[ev.cameo.quad_class] += 1;
    });
    var list = Object.keys(places).map(function (k) { return places[k]; });
    var note = document.getElementById("map-note");
    var mapped = list.reduce(function (n, p) { return n + p.events.length; }, 0);
    if (note) note.textContent = mapped + " of " + events.length + " events have a place with coordinates; click a place for its events";
    return world().then(function (geo) {
      var v = frame(svg, list, 40);
      svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].join(" "));
      svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      drawLand(svg, geo);
      var unit = v.w / size(svg).w; /* degrees per pixel */
      var g = el("g", { class: "points" }, svg);
      list.sort(function (a, b) { return b.events.length - a.events.length; });
      list.forEach(function (p) {
        var main = 1;
        for (var q = 2; q <= 4; q++) if (p.quads[q] > p.quads[main]) main = q;
        var href = p.events.length === 1 ? "/events/" + encodeURIComponent(p.events[0].event_id) + location.search
          : viewWith({ bbox: [p.lon - 0.01, p.lat - 0.01, p.lon + 0.01, p.lat + 0.01].map(function (x) { return x.toFixed(3); }).join(",") });
        var a = el("a", { href: href }, g);
        var c = el("circle", {
          cx: p.lon, cy: -p.lat, r: (4 + 3 * Math.sqrt(p.events.length)) * unit,
          class: "pt q" + main, "data-events": p.events.length
        }, a);
        title(c, p.name + ": " + p.events.length + " event" + (p.events.length > 1 ? "s" : "") + "\n" +
          p.events.slice(0, 8).map(function (ev) {
            return (ev.date && ev.date.start || "") + " " + ev.cameo.code + " " + ev.cameo.name;
          }).join("\n"));
      });
    });
  }

  /* ---- the timeline: stacked bars per period by QuadClass --------------------------------- */
  function nextPeriod(day, freq) {
    var d = new Date(day + "T00:00:00Z");
    if (freq === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (freq === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    return d.toISOString().slice(0, 10);
  }
  function drawTimeline(svg, rows, freq) {
    var byPeriod = {};
    rows.forEach(function (r) {
      var k = r[freq];
      if (!k) return;
      if (!byPeriod[k]) byPeriod[k] = [0, 0, 0, 0, 0];
      byPeriod[k][r.quad_class] += r.events;
    });
    var keys = Object.keys(byPeriod).sort();
    if (!keys.length) return empty(svg, "no dated events");
    var periods = [], cur = keys[0], guard = 0;
    while (cur <= keys[keys.length - 1] && guard++ < 5000) { periods.push(cur); cur = nextPeriod(cur, freq); }
    if (guard >= 5000) periods = keys;
    var s = size(svg), m = { l: 34, r: 8, t: 8, b: 34 };
    svg.setAttribute("viewBox", "0 0 " + s.w + " " + s.h);
    var max = Math.max.apply(null, periods.map(function (p) {
      var c = byPeriod[p] || [0, 0, 0, 0, 0]; return c[1] + c[2] + c[3] + c[4];
    }));
    var iw = s.w - m.l - m.r, ih = s.h - m.t - m.b, bw = iw / periods.length;
    var y = function (n) { return m.t + ih - ih * n / max; };
    el("line", { x1: m.l, x2: m.l + iw, y1: m.t + ih, y2: m.t + ih, class: "axis" }, svg);
    el("line", { x1: m.l, x2: m.l, y1: m.t, y2: m.t + ih, class: "axis" }, svg);
    var step = Math.max(1, Math.ceil(max / 5));
    for (var n = 0; n <= max; n += step) {
      text(svg, m.l - 4, y(n) + 4, String(n), { "text-anchor": "end" });
    }
    var g = el("g", { class: "bars" }, svg);
    periods.forEach(function (p, i) {
      var c = byPeriod[p] || [0, 0, 0, 0, 0], base = 0;
      for (var q = 1; q <= 4; q++) {
        if (!c[q]) continue;
        var r = el("rect", {
          x: m.l + i * bw + Math.min(1, bw * 0.1), width: Math.max(1, bw - Math.min(2, bw * 0.2)),
          y: y(base + c[q]), height: y(base) - y(base + c[q]), class: "q" + q, "data-period": p
        }, g);
        title(r, freq + " of " + p + ": " + c[q] + " " + QUAD[q]);
        base += c[q];
      }
    });
    var labels = Math.max(1, Math.floor(iw / 80)), every = Math.max(1, Math.ceil(periods.length / labels));
    periods.forEach(function (p, i) {
      if (i % every || m.l + i * bw + 66 > s.w) return;
      el("line", { x1: m.l + i * bw, x2: m.l + i * bw, y1: m.t + ih, y2: m.t + ih + 4, class: "axis" }, svg);
      text(svg, m.l + i * bw, m.t + ih + 16, freq === "month" ? p.slice(0, 7) : p, { "text-anchor": "start" });
    });
  }

  /* ---- the partner network: a small force layout ------------------------------------------ */
  function drawNetwork(svg, rows) {
    var nodes = {}, edges = {};
    rows.forEach(function (r) {
      var a = r.source_country, b = r.target_country;
      if (!a || !b || a === b) return;
      [a, b].forEach(function (c) { if (!nodes[c]) nodes[c] = { id: c, events: 0 }; nodes[c].events += r.events; });
      var key = a < b ? a + "|" + b : b + "|" + a;
      if (!edges[key]) edges[key] = { a: a < b ? a : b, b: a < b ? b : a, coop: 0, conf: 0 };
      edges[key].coop += r.q1 + r.q2;
      edges[key].conf += r.q3 + r.q4;
    });
    var ids = Object.keys(nodes).sort(function (x, y) { return nodes[y].events - nodes[x].events || (x < y ? -1 : 1); });
    ids = ids.slice(0, 40);
    var keep = {};
    ids.forEach(function (id) { keep[id] = true; });
    var links = Object.keys(edges).map(function (k) { return edges[k]; }).filter(function (e) { return keep[e.a] && keep[e.b]; });
    if (!ids.length) return empty(svg, "no events between two countries");
    var s = size(svg);
    svg.setAttribute("viewBox", "0 0 " + s.w + " " + s.h);
    /* Fruchterman-Reingold in the svg's box, with a pull to the centre so that separate
       groups of partners stay near the others; deterministic (nodes start on a circle) */
    var pos = {}, n = ids.length, cx = s.w / 2, cy = s.h / 2, pad = 34;
    ids.forEach(function (id, i) {
      var angle = 2 * Math.PI * i / n;
      pos[id] = { x: cx + Math.cos(angle) * s.w / 4, y: cy + Math.sin(angle) * s.h / 4 };
    });
    var k = 0.7 * Math.sqrt((s.w - 2 * pad) * (s.h - 2 * pad) / Math.max(n, 2)), temp = s.w / 8;
    for (var it = 0; it < 300; it++) {
      var disp = {};
      ids.forEach(function (a) { disp[a] = { x: 0, y: 0 }; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var p = pos[ids[i]], q = pos[ids[j]], dx = p.x - q.x, dy = p.y - q.y;
        var d = Math.sqrt(dx * dx + dy * dy) || 0.01, f = k * k / d;
        disp[ids[i]].x += dx / d * f; disp[ids[i]].y += dy / d * f;
        disp[ids[j]].x -= dx / d * f; disp[ids[j]].y -= dy / d * f;
      }
      links.forEach(function (e) {
        var p = pos[e.a], q = pos[e.b], dx = p.x - q.x, dy = p.y - q.y;
        var d = Math.sqrt(dx * dx + dy * dy) || 0.01, f = d * d / k;
        disp[e.a].x -= dx / d * f; disp[e.a].y -= dy / d * f;
        disp[e.b].x += dx / d * f; disp[e.b].y += dy / d * f;
      });
      ids.forEach(function (a) {
        var p = pos[a], gx = cx - p.x, gy = cy - p.y, g = Math.sqrt(gx * gx + gy * gy) || 0.01;
        disp[a].x += gx / g * (g * g / k) * 0.15; disp[a].y += gy / g * (g * g / k) * 0.15;
        var len = Math.sqrt(disp[a].x * disp[a].x + disp[a].y * disp[a].y) || 0.01, step = Math.min(len, temp);
        p.x = Math.min(s.w - pad, Math.max(pad, p.x + disp[a].x / len * step));
        p.y = Math.min(s.h - pad, Math.max(pad, p.y + disp[a].y / len * step));
      });
      temp = Math.max(0.5, temp * 0.985);
    }
    var maxW = Math.max.apply(null, links.map(function (e) { return Math.max(e.coop, e.conf); }).concat([1]));
    var ge = el("g", { class: "edges" }, svg);
    links.forEach(function (e) {
      var p = pos[e.a], q = pos[e.b], mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2;
      var dx = q.x - p.x, dy = q.y - p.y, d = Math.sqrt(dx * dx + dy * dy) || 1, nx = -dy / d, ny = dx / d;
      [["coop", e.coop, 1], ["conf", e.conf, -1]].forEach(function (kind) {
        if (!kind[1]) return;
        var bend = (e.coop && e.conf ? 0.12 * d : 0) * kind[2];
        var path = el("path", {
          d: "M" + p.x + " " + p.y + "Q" + (mx + nx * bend) + " " + (my + ny * bend) + " " + q.x + " " + q.y,
          class: "edge " + kind[0], "stroke-width": 1.5 + 6 * kind[1] / maxW
        }, ge);
        title(path, e.a + " - " + e.b + ": " + kind[1] + (kind[0] === "coop" ? " cooperative" : " conflictual") + " events");
      });
    });
    var maxN = Math.max.apply(null, ids.map(function (a) { return nodes[a].events; }));
    var gn = el("g", { class: "nodes" }, svg);
    ids.forEach(function (id) {
      var a = el("a", { href: viewWith({ actor: id }), class: "node" }, gn);
      el("circle", { cx: pos[id].x, cy: pos[id].y, r: 5 + 9 * Math.sqrt(nodes[id].events / maxN), "data-id": id }, a);
      text(a, pos[id].x, pos[id].y - 9 - 9 * Math.sqrt(nodes[id].events / maxN), id, { "text-anchor": "middle" });
      title(a, id + ": " + nodes[id].events + " events with a partner");
    });
  }

  /* ---- one event's place --------------------------------------------------------------- */
  function drawEventMap(svg) {
    var p = { lat: parseFloat(svg.dataset.lat), lon: parseFloat(svg.dataset.lon) };
    world().then(function (geo) {
      var v = frame(svg, [p], 30);
      svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].join(" "));
      drawLand(svg, geo);
      var unit = v.w / size(svg).w;
      var c = el("circle", { cx: p.lon, cy: -p.lat, r: 7 * unit, class: "pt q" + svg.dataset.quad }, svg);
      title(c, svg.dataset.name);
      text(svg, p.lon + 10 * unit, -p.lat + 4 * unit, svg.dataset.name, { style: "font-size:" + 13 * unit + "px" });
    });
  }

  function start() {
    var form = document.getElementById("filters");
    if (form) form.addEventListener("submit", function () {
      /* keep the address short: empty fields are not sent */
      Array.prototype.forEach.call(form.elements, function (input) {
        if (input.name && input.value === "" ) input.disabled = true;
      });
    });
    var one = document.getElementById("eventmap");
    if (one) drawEventMap(one);
    var main = document.getElementById("dashboard");
    if (!main) return;
    var mapSvg = document.getElementById("map"), tl = document.getElementById("timeline"), net = document.getElementById("network");
    if (main.dataset.error === "1") {
      [mapSvg, tl, net].forEach(function (svg) { empty(svg, "fix the filter above"); });
      return;
    }
    var api = main.dataset.api, freq = main.dataset.freq || "week", sep = api ? "&" : "";
    function fail(svg) { return function (err) { empty(svg, "could not load: " + err.message); }; }
    getJSON("/v1/events?limit=1000" + sep + api).then(function (b) { return drawMap(mapSvg, b.data); }).catch(fail(mapSvg));
    getJSON("/v1/agg?by=" + freq + ",quad_class" + sep + api).then(function (b) { drawTimeline(tl, b.data, freq); }).catch(fail(tl));
    getJSON("/v1/agg?by=source_country,target_country,quad_class" + sep + api).then(function (b) { drawNetwork(net, b.data); }).catch(fail(net));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
