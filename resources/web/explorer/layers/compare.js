/* The layer "compare": two periods compared (explorer/periods.py), drawn over the map.
 *
 * Its data (sent by Qt as the message's "compare", null to end it):
 *   {a: "period A", b: "period B", counts: {change: places}, words: {title, change: label},
 *    places: [{id, name, name_ar, lat, lon, a, b, change}]}
 * Each place is a disc coloured by its change (more in B / more in A / only in one / the
 * same), sized by its larger count, in a pane of its own above the markers; its tooltip says
 * both counts. Python decides every class; the page only draws them. Text as text only. */
(function () {
  "use strict";

  var PANE = "explorerCompare";
  var COLOURS = {
    only_a: "#1f4e9c", more_a: "#7fa7dc", same: "#9a9a9a", more_b: "#f0965a", only_b: "#b2331c"
  };
  var ORDER = ["only_b", "more_b", "same", "more_a", "only_a"];
  var group = null;
  var drawn = new Map();  // id -> change drawn

  function paneOf(map) {
    if (!map.getPane(PANE)) {
      var pane = map.createPane(PANE);
      pane.style.zIndex = 450;
    }
    return PANE;
  }

  function label(data, key, fallback) {
    var words = data && data.words && typeof data.words === "object" ? data.words : {};
    return typeof words[key] === "string" ? words[key] : fallback;
  }

  function tip(ctx, data, p) {
    var box = ctx.el("div", "explorer-tip");
    box.appendChild(ctx.el("div", "explorer-tip-ar", p.name_ar || "", "rtl"));
    box.appendChild(ctx.el("div", "explorer-tip-en", p.name || "", "ltr"));
    box.appendChild(ctx.el("div", "explorer-tip-count",
                           String(data.a) + ": " + p.a + " · " + String(data.b) + ": " + p.b));
    return box;
  }

  window.explorerLayers.register("compare", {
    apply: function (ctx) {
      var data = ctx.data;
      if (!group) { group = L.featureGroup(); }
      group.clearLayers();
      drawn = new Map();
      var places = data && Array.isArray(data.places) ? data.places : [];
      var largest = 1;
      places.forEach(function (p) { largest = Math.max(largest, p.a || 0, p.b || 0); });
      var pane = paneOf(ctx.map);
      places.forEach(function (p) {
        if (!p || typeof p.id !== "string" || !Object.prototype.hasOwnProperty.call(COLOURS, p.change) ||
            typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
        var n = Math.max(p.a || 0, p.b || 0);
        var disc = L.circleMarker([p.lat, p.lon], {
          pane: pane, radius: 6 + 10 * Math.sqrt(n / largest), weight: 1.5, color: "#333",
          fillColor: COLOURS[p.change], fillOpacity: 0.85, bubblingMouseEvents: false
        });
        disc.bindTooltip(tip(ctx, data, p), { direction: "top" });
        disc.placeId = p.id;
        group.addLayer(disc);
        drawn.set(p.id, p.change);
      });
      if (!ctx.map.hasLayer(group)) { group.addTo(ctx.map); }
    },
    clear: function (ctx) {
      if (group) { group.clearLayers(); ctx.map.removeLayer(group); }
      drawn = new Map();
    },
    legend: function (ctx) {
      var data = ctx.data;
      if (!data) { return null; }
      var box = ctx.el("div", "", "");
      box.appendChild(ctx.el("div", "explorer-legend-note",
                             label(data, "title", "A: " + data.a + " · B: " + data.b)));
      var counts = data.counts && typeof data.counts === "object" ? data.counts : {};
      ORDER.forEach(function (change) {
        var row = ctx.el("div", "explorer-legend-row explorer-legend-change", "");
        var dot = ctx.el("span", "explorer-legend-dot", "");
        dot.style.width = dot.style.height = "10px";
        dot.style.borderRadius = "50%";
        dot.style.background = COLOURS[change];
        row.appendChild(dot);
        var n = typeof counts[change] === "number" ? counts[change] : 0;
        row.appendChild(ctx.el("span", "", label(data, change, change) + " (" + n + ")"));
        box.appendChild(row);
      });
      return box;
    },
    info: function () {
      var classes = {};
      drawn.forEach(function (change, id) { classes[id] = change; });
      return { drawn: !!group && !!group._map, classes: classes, colours: COLOURS };
    }
  });
})();
