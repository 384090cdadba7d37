/* The layers "rivers", "lakes" and "borders" (issue 20): Natural Earth's 1:50m rivers and
 * lakes and 1:10m first-level division borders (public domain), from the page's own scripts
 * (web/explorer/physical/*.js, made by scripts/build_map_layers.py: window.EXPLORER_PHYSICAL).
 *
 * Drawn under the markers, in a pane of their own, only from a zoom level (SPECS minZoom); a
 * feature only from its own Natural Earth zoom (min_zoom), its label from one level before its
 * min_label. Rivers and lakes are labelled in the interface's language (ctx.lang; English when Natural Earth has no name in it), one label per
 * name in view. No data from Python: the shapes are the page's. */
(function () {
  "use strict";

  var SCALE = 100;  // coordinates are integers of 1/SCALE degree
  var SPECS = {
    rivers: { minZoom: 4, polygon: false, swatch: "explorer-legend-river",
              style: { color: "#3b83bd", weight: 1.3, opacity: 0.85 } },
    lakes: { minZoom: 4, polygon: true, swatch: "explorer-legend-lake",
             style: { color: "#3b83bd", weight: 0.8, opacity: 0.9,
                      fillColor: "#a9cbe8", fillOpacity: 0.9 } },
    borders: { minZoom: 5, polygon: false, swatch: "explorer-legend-border",
               style: { color: "#7b6d8d", weight: 1, opacity: 0.9, dashArray: "4 3" } }
  };
  var LEGEND = {
    rivers: "Rivers (when zoomed in)",
    lakes: "Lakes (when zoomed in)",
    borders: "Borders of states and provinces (when zoomed in)"
  };
  var renderer = null;

  function latLngs(flat) {
    var out = [];
    for (var i = 0; i + 1 < flat.length; i += 2) { out.push([flat[i] / SCALE, flat[i + 1] / SCALE]); }
    return out;
  }

  function panes(map) {
    if (map.getPane("explorerPhysical")) { return; }
    // Above the country shapes (250), under the markers (400) and the basemap's labels (640).
    var pane = map.createPane("explorerPhysical");
    pane.style.zIndex = 300;
    pane.style.pointerEvents = "none";
    var labels = map.createPane("explorerPhysicalLabels");
    labels.style.zIndex = 390;
    labels.style.pointerEvents = "none";
    renderer = L.canvas({ pane: "explorerPhysical", padding: 0.3 });
  }

  function nameIn(names, lang) {
    if (!names) { return ""; }
    return (Object.prototype.hasOwnProperty.call(names, lang) && names[lang]) || names.en || "";
  }

  function physicalLayer(name) {
    var spec = SPECS[name];
    var data = (window.EXPLORER_PHYSICAL || {})[name] || { features: [] };
    var map = null, on = false, lang = "en";
    var shapes = null, labels = null, built = null;
    var drawn = 0, texts = [];

    function build() {
      // Each feature's shape, made once: [feature, Leaflet layer].
      built = data.features.map(function (f) {
        var opts = L.extend({ pane: "explorerPhysical", renderer: renderer, interactive: false },
                            spec.style);
        var shape = spec.polygon
          ? L.polygon(f.g.map(function (rings) { return rings.map(latLngs); }), opts)
          : L.polyline(f.g.map(latLngs), opts);
        return [f, shape];
      });
    }

    function drawShapes() {
      shapes.clearLayers();
      drawn = 0;
      var zoom = map.getZoom();
      if (!on || zoom < spec.minZoom) { return; }
      built.forEach(function (item) {
        if ((item[0].z || 0) > zoom) { return; }
        shapes.addLayer(item[1]);
        drawn += 1;
      });
    }

    function drawLabels() {
      labels.clearLayers();
      texts = [];
      var zoom = map.getZoom();
      if (!on || zoom < spec.minZoom) { return; }
      var bounds = map.getBounds();
      var seen = new Set();
      built.forEach(function (item) {
        var f = item[0];
        if (!f.n || !f.p || (f.z || 0) > zoom || (f.l || 0) > zoom + 1) { return; }
        if (!bounds.contains(f.p)) { return; }
        var text = nameIn(f.n, lang);
        if (!text || seen.has(text)) { return; }
        seen.add(text);
        texts.push(text);
        var node = document.createElement("span");
        node.className = "explorer-physical-label explorer-physical-label-" + name;
        node.dir = "auto";
        node.textContent = text;
        labels.addLayer(L.marker(f.p, {
          pane: "explorerPhysicalLabels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "explorer-label-icon", html: node, iconSize: null })
        }));
      });
    }

    function redraw() {
      if (!map) { return; }
      drawShapes();
      drawLabels();
    }

    return {
      apply: function (ctx) {
        if (!map) {
          map = ctx.map;
          panes(map);
          build();
          shapes = L.layerGroup().addTo(map);
          labels = L.layerGroup().addTo(map);
          map.on("zoomend", redraw);
          map.on("moveend", drawLabels);
        }
        on = true;
        lang = ctx.lang || "en";
        redraw();
      },
      clear: function () {
        on = false;
        redraw();
      },
      legend: function (ctx) {
        var row = ctx.el("div", "explorer-legend-row", "");
        row.appendChild(ctx.el("span", "explorer-legend-physical " + spec.swatch, ""));
        row.appendChild(ctx.el("span", "", ctx.word(LEGEND[name])));
        return row;
      },
      info: function () {
        return { drawn: on && drawn > 0, features: drawn, total: data.features.length,
                 labels: texts.slice(), minZoom: spec.minZoom, lang: lang };
      }
    };
  }

  Object.keys(SPECS).forEach(function (name) {
    window.explorerLayers.register(name, physicalLayer(name));
  });
})();
