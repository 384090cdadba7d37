/* The offline basemap under the markers: country shapes and labels, drawn in panes of their own.
 *
 * Shapes: Natural Earth 1:110m (EXPLORER_BASEMAP_LOW) up to zoom DETAIL_ZOOM - 1, the finer
 * 1:50m (EXPLORER_BASEMAP) from DETAIL_ZOOM on. Both are drawn again 360 degrees east and west
 * where the view can reach them, so the world wraps across the date line.
 * Labels: country names and capitals (EXPLORER_LABELS) in the page's language, most populous
 * first, each only where it fits: a country's name inside its shape's width, and no label over
 * another. Every name is put into the page with textContent.
 *
 *   var basemap = explorerBasemap(map, style);
 *   basemap.shapes          Map ISO2 -> [L.Path] of every resolution and copy
 *   basemap.setLanguage("ar" | "en")
 *   basemap.labels()        the labels drawn now: [{text, kind}]
 */
(function () {
  "use strict";

  var DETAIL_ZOOM = 5;
  // How far beyond the date line a shape must reach to be drawn again on the other side: the
  // coarse shapes are copied whole (a zoomed-out view may show more than one world), the
  // detailed ones only near the line (a view from zoom 5 on spans at most a few dozen degrees).
  var DETAILED_REACH = 150;
  var CAPITAL_ZOOM = 4;

  function featuresOf(topo) {
    if (!topo || !window.topojson || !topo.objects) { return []; }
    var key = topo.objects.countries ? "countries" : Object.keys(topo.objects)[0];
    return window.topojson.feature(topo, topo.objects[key]).features;
  }

  function shiftCoords(coords, dx) {
    if (typeof coords[0] === "number") { return [coords[0] + dx, coords[1]]; }
    return coords.map(function (c) { return shiftCoords(c, dx); });
  }

  function lonRange(coords, range) {
    if (typeof coords[0] === "number") {
      range[0] = Math.min(range[0], coords[0]);
      range[1] = Math.max(range[1], coords[0]);
    } else {
      coords.forEach(function (c) { lonRange(c, range); });
    }
    return range;
  }

  /** The features, plus copies 360 degrees east of those reaching west of -reach and west of
   *  those reaching east of reach. */
  function withCopies(features, reach) {
    var out = features.slice();
    features.forEach(function (f) {
      if (!f.geometry) { return; }
      var r = lonRange(f.geometry.coordinates, [Infinity, -Infinity]);
      [[r[0] < -reach, 360], [r[1] > reach, -360]].forEach(function (c) {
        if (!c[0]) { return; }
        out.push({ type: "Feature", properties: f.properties,
                   geometry: { type: f.geometry.type,
                               coordinates: shiftCoords(f.geometry.coordinates, c[1]) } });
      });
    });
    return out;
  }

  window.explorerBasemap = function (map, style) {
    map.createPane("explorerBasemap").style.zIndex = 250;
    var labelPane = map.createPane("explorerLabels");
    // Above the markers and the groups of places (panes 400 and 600), so that no marker hides
    // a country's name; below tooltips (650). The labels take no clicks.
    labelPane.style.zIndex = 640;
    labelPane.style.pointerEvents = "none";
    var renderer = L.canvas({ pane: "explorerBasemap", padding: 0.3 });
    var shapes = new Map();
    var widths = new Map(); // ISO2 -> longitude span of its shapes (1:110m, no copies)

    function layerOf(features) {
      return L.geoJSON(features, {
        style: function () { return style; },
        renderer: renderer,
        pane: "explorerBasemap",
        interactive: false,
        onEachFeature: function (feature, layer) {
          var code = feature.properties && feature.properties.iso2;
          if (!code) { return; }
          if (!shapes.has(code)) { shapes.set(code, []); }
          shapes.get(code).push(layer);
        }
      });
    }
    var coarseFeatures = featuresOf(window.EXPLORER_BASEMAP_LOW);
    coarseFeatures.forEach(function (f) {
      var code = f.properties && f.properties.iso2;
      if (!code || !f.geometry) { return; }
      var r = lonRange(f.geometry.coordinates, [Infinity, -Infinity]);
      widths.set(code, Math.max(widths.get(code) || 0, r[1] - r[0]));
    });
    var coarse = layerOf(withCopies(coarseFeatures, 0));
    var detailed = layerOf(withCopies(featuresOf(window.EXPLORER_BASEMAP), DETAILED_REACH));
    if (!coarseFeatures.length) { coarse = detailed; }

    function pick() {
      var want = map.getZoom() >= DETAIL_ZOOM ? detailed : coarse;
      var other = want === detailed ? coarse : detailed;
      if (other !== want && map.hasLayer(other)) { map.removeLayer(other); }
      if (!map.hasLayer(want)) { map.addLayer(want); }
    }

    // ---- labels ----------------------------------------------------------------------------
    var data = window.EXPLORER_LABELS || { countries: [], capitals: [] };
    var lang = "en";
    var group = L.layerGroup().addTo(map);
    var drawn = [];
    var measure = document.createElement("canvas").getContext("2d");

    function textWidth(text, font) {
      measure.font = font;
      return Math.ceil(measure.measureText(text).width);
    }

    function labelNode(text, kind) {
      var box = document.createElement("div");
      box.className = "explorer-label explorer-label-" + kind;
      if (kind === "capital") {
        var dot = document.createElement("span");
        dot.className = "explorer-capital-dot";
        box.appendChild(dot);
      }
      var name = document.createElement("span");
      name.className = "explorer-label-text";
      name.textContent = text;
      name.dir = lang === "ar" ? "rtl" : "ltr";
      box.appendChild(name);
      return box;
    }

    function updateLabels() {
      group.clearLayers();
      drawn = [];
      var zoom = map.getZoom();
      var size = map.getSize();
      var centre = map.getCenter().lng;
      // The map's controls (zoom, legend, scale, credits) are no place for a label.
      var origin = map.getContainer().getBoundingClientRect();
      var boxes = Array.prototype.map.call(
        map.getContainer().querySelectorAll(".leaflet-control"), function (c) {
          var r = c.getBoundingClientRect();
          return [r.left - origin.left, r.top - origin.top, r.right - origin.left,
                  r.bottom - origin.top];
        });
      var worldPx = 256 * Math.pow(2, zoom);
      function place(row, kind, font, h) {
        var text = lang === "ar" ? row[4] : row[3];
        var w = textWidth(text, font) + 4;
        if (kind === "country" && (widths.get(row[0]) || 0) / 360 * worldPx < w * 0.8) { return; }
        var lon = row[2] + 360 * Math.round((centre - row[2]) / 360);
        var p = map.latLngToContainerPoint([row[1], lon]);
        var top = kind === "capital" ? p.y - 3 : p.y - h / 2;
        var box = [p.x - w / 2, top, p.x + w / 2, top + h];
        if (box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y) { return; }
        for (var i = 0; i < boxes.length; i++) {
          var b = boxes[i];
          if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) { return; }
        }
        boxes.push(box);
        drawn.push({ text: text, kind: kind, code: row[0] });
        group.addLayer(L.marker([row[1], lon], {
          pane: "explorerLabels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "explorer-label-icon", html: labelNode(text, kind),
                            iconSize: [w, h], iconAnchor: [w / 2, p.y - top] })
        }));
      }
      var countryFont = (zoom >= 5 ? "bold 13px " : "bold 11px ") + FONT;
      data.countries.forEach(function (row) { place(row, "country", countryFont, 16); });
      if (zoom >= CAPITAL_ZOOM) {
        data.capitals.forEach(function (row) { place(row, "capital", "11px " + FONT, 22); });
      }
    }
    var FONT = '"Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';

    map.on("zoomend", pick);
    map.on("moveend resize", updateLabels);
    pick();
    map.whenReady(updateLabels);

    return {
      shapes: shapes,
      setLanguage: function (code) {
        lang = code === "ar" ? "ar" : "en";
        updateLabels();
      },
      language: function () { return lang; },
      labels: function () { return drawn.slice(); },
      detailed: function () { return map.hasLayer(detailed); }
    };
  };
})();
