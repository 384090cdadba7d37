/* The layer "together": the places mentioned with the selection.
 *
 * Its data (explorer/qt/mapsync.py) is {from: the selected place's id, places: [[id, passages],
 * ...]}: the places sharing passages with it, most shared first (at most twenty). Each is
 * joined to the selection by a line, wider and darker the more passages they share (the most
 * shared weighs 1). Drawn in a pane of its own, below the markers and taking no clicks: the
 * markers at either end stay clickable. */
(function () {
  "use strict";

  var PANE = "explorerTogether";
  var group = null;
  var drawn = [];  // [[id, passages, weight in pixels, opacity]] of the lines drawn now

  function layerOn(map) {
    if (!map.getPane(PANE)) {
      var pane = map.createPane(PANE);
      pane.style.zIndex = 390;
      pane.style.pointerEvents = "none";
    }
    if (!group) { group = L.featureGroup(); }
    return group;
  }

  function linesOf(ctx) {
    var data = ctx.data;
    var out = [];
    if (!data || typeof data !== "object" || !Array.isArray(data.places)) { return out; }
    var from = ctx.places.get(data.from);
    if (!from) { return out; }
    var largest = 1;
    data.places.forEach(function (row) { largest = Math.max(largest, Number(row[1]) || 0); });
    data.places.forEach(function (row) {
      var p = ctx.places.get(row[0]);
      var n = Number(row[1]) || 0;
      if (!p || n <= 0) { return; }
      var share = n / largest;
      out.push({ id: row[0], n: n, from: [from.lat, from.lon], to: [p.lat, p.lon],
                 weight: Math.round((1.5 + 6.5 * share) * 10) / 10,
                 opacity: Math.round((0.3 + 0.6 * share) * 100) / 100 });
    });
    return out;
  }

  window.explorerLayers.register("together", {
    apply: function (ctx) {
      var layer = layerOn(ctx.map);
      layer.clearLayers();
      drawn = [];
      linesOf(ctx).forEach(function (line) {
        L.polyline([line.from, line.to], {
          pane: PANE, interactive: false, color: "#0b6e4f", weight: line.weight,
          opacity: line.opacity, lineCap: "round"
        }).addTo(layer);
        drawn.push([line.id, line.n, line.weight, line.opacity]);
      });
      if (!ctx.map.hasLayer(layer)) { layer.addTo(ctx.map); }
    },
    clear: function (ctx) {
      if (group) { group.clearLayers(); ctx.map.removeLayer(group); }
      drawn = [];
    },
    legend: function (ctx) {
      var row = ctx.el("div", "explorer-legend-row", "");
      row.appendChild(ctx.el("span", "explorer-legend-together", ""));
      row.appendChild(ctx.el("span", "", ctx.word(
        "Lines: places named in the same passages as the selection")));
      return row;
    },
    info: function () {
      return { drawn: !!group && !!group._map, lines: drawn.slice() };
    }
  });
})();
