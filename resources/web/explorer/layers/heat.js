/* The layer "heat": a heatmap of mentions (Leaflet.heat, vendored in resources/web/leaflet-heat/).
 *
 * Each place the filter shows is a point weighted by its mentions (the most mentioned place
 * weighs 1). Drawn on a canvas in a pane of its own, above the country shapes and below the
 * markers, and taking no clicks: the markers under it stay clickable. */
(function () {
  "use strict";

  var PANE = "explorerHeat";
  var heat = null;

  function pointsOf(ctx) {
    var largest = 1;
    ctx.shown.forEach(function (counts) { largest = Math.max(largest, counts[0]); });
    var points = [];
    ctx.order.forEach(function (id) {
      var p = ctx.places.get(id);
      var counts = ctx.shown.get(id);
      if (p && counts) { points.push([p.lat, p.lon, counts[0] / largest]); }
    });
    return points;
  }

  function layerOn(map) {
    if (!map.getPane(PANE)) {
      var pane = map.createPane(PANE);
      pane.style.zIndex = 350;
      pane.style.pointerEvents = "none";
    }
    if (!heat) {
      heat = L.heatLayer([], { pane: PANE, radius: 22, blur: 18, maxZoom: 7, max: 1,
                               minOpacity: 0.35 });
    }
    return heat;
  }

  /** How many pixels of the heat's canvas are painted (tests: the layer is seen). */
  function painted() {
    var canvas = heat && heat._map ? heat._canvas : null;
    if (!canvas || !canvas.width || !canvas.height) { return 0; }
    var data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } }
    return n;
  }

  window.explorerLayers.register("heat", {
    apply: function (ctx) {
      var layer = layerOn(ctx.map);
      layer.setLatLngs(pointsOf(ctx));
      if (!ctx.map.hasLayer(layer)) { layer.addTo(ctx.map); }
    },
    clear: function (ctx) {
      if (heat) { ctx.map.removeLayer(heat); }
    },
    legend: function (ctx) {
      var row = ctx.el("div", "explorer-legend-row", "");
      var bar = ctx.el("span", "explorer-legend-heat", "");
      row.appendChild(bar);
      row.appendChild(ctx.el("span", "", ctx.word("Heat: where the mentions gather")));
      return row;
    },
    info: function () {
      return { drawn: !!heat && !!heat._map, points: heat ? heat._latlngs.length : 0,
               painted: painted() };
    }
  });
})();
