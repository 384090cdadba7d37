/* The layers "rivers", "lakes" and "borders" (issue 20): Natural Earth's 1:50m rivers and
 * lakes and 1:10m first-level division borders (public domain), from the page's own scripts
 * (web/explorer/physical/*.js, made by scripts/build_map_layers.py: window.EXPLORER_PHYSICAL),
 * and the borders' labels, the gazetteer's first-level divisions (physical/borders_labels.js).
 *
 * The data (1.4 MB) are not part of the page: a layer's scripts are loaded when it is first
 * shown, and the message that showed it is reported drawn (ctx.wait) once they have loaded and
 * the layer has drawn from them. A script that cannot be loaded leaves its layer empty (info
 * says so); nothing else is stopped.
 *
 * Drawn under the markers, in a pane of their own, only from a zoom level (SPECS minZoom); a
 * feature only from its own Natural Earth zoom (min_zoom), its label from one level before its
 * min_label. Rivers and lakes are labelled in the interface's language (ctx.lang; English when
 * Natural Earth has no name in it), one label per name in view; the borders, from their zoom,
 * by the names of the divisions in view (Arabic or English), a label that would overlap one
 * already placed left out. Labels are never slanted. No data from Python: the shapes are the
 * page's. */
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
  // Each layer's scripts under physical/, loaded when it is first shown.
  var FILES = { rivers: ["rivers"], lakes: ["lakes"], borders: ["borders", "borders_labels"] };
  var HERE = (document.currentScript && document.currentScript.src) || window.location.href;
  var loads = {};  // file -> Promise (settled once loaded, or failed)

  function load(file) {
    if (!loads[file]) {
      loads[file] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("../physical/" + file + ".js", HERE).href;
        script.onload = function () { resolve(file); };
        script.onerror = function () { reject(new Error("physical/" + file + ".js not loaded")); };
        document.head.appendChild(script);
      });
    }
    return loads[file];
  }

  // The borders' labels: the box (in pixels) each takes, so that they never overlap.
  var LABEL_HEIGHT = 14;
  var LABEL_CHAR = 6.5;

  function overlaps(box, boxes) {
    for (var i = 0; i < boxes.length; i += 1) {
      var b = boxes[i];
      if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) { return true; }
    }
    return false;
  }

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
    var data = { features: [] }, named = [];
    var map = null, on = false, lang = "en";
    var shapes = null, labels = null, built = [];
    var drawn = 0, texts = [];
    var loading = null, loaded = false, failed = null;

    function loadData() {
      // Once: this layer's scripts, then its shapes built and drawn.
      if (!loading) {
        loading = Promise.all(FILES[name].map(load)).then(function () {
          var all = window.EXPLORER_PHYSICAL || {};
          data = all[name] || { features: [] };
          var extra = all[name + "_labels"];
          named = extra && Array.isArray(extra.labels) ? extra.labels : [];
          loaded = true;
          build();
          redraw();
        }, function (err) {
          failed = String(err && err.message || err);
        });
      }
      return loading;
    }

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

    function addLabel(point, text) {
      var node = document.createElement("span");
      node.className = "explorer-physical-label explorer-physical-label-" + name;
      node.dir = "auto";
      node.textContent = text;
      labels.addLayer(L.marker(point, {
        pane: "explorerPhysicalLabels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "explorer-label-icon", html: node, iconSize: null })
      }));
    }

    function drawDivisionLabels(bounds) {
      // The divisions' names in view, none over another (the first in the data wins).
      var boxes = [];
      named.forEach(function (d) {
        if (!d || !Array.isArray(d.p) || !bounds.contains(d.p)) { return; }
        var text = nameIn(d.n, lang);
        if (!text) { return; }
        var at = map.latLngToContainerPoint(d.p);
        var half = text.length * LABEL_CHAR / 2 + 2;
        var box = [at.x - half, at.y - LABEL_HEIGHT / 2, at.x + half, at.y + LABEL_HEIGHT / 2];
        if (overlaps(box, boxes)) { return; }
        boxes.push(box);
        texts.push(text);
        addLabel(d.p, text);
      });
    }

    function drawLabels() {
      labels.clearLayers();
      texts = [];
      var zoom = map.getZoom();
      if (!on || zoom < spec.minZoom) { return; }
      var bounds = map.getBounds();
      if (name === "borders") { drawDivisionLabels(bounds); return; }
      var seen = new Set();
      built.forEach(function (item) {
        var f = item[0];
        if (!f.n || !f.p || (f.z || 0) > zoom || (f.l || 0) > zoom + 1) { return; }
        if (!bounds.contains(f.p)) { return; }
        var text = nameIn(f.n, lang);
        if (!text || seen.has(text)) { return; }
        seen.add(text);
        texts.push(text);
        addLabel(f.p, text);
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
        if (!loaded && !failed) { ctx.wait(loadData()); }
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
                 labels: texts.slice(), minZoom: spec.minZoom, lang: lang, loaded: loaded,
                 failed: failed, named: named.length };
      }
    };
  }

  Object.keys(SPECS).forEach(function (name) {
    window.explorerLayers.register(name, physicalLayer(name));
  });
})();
