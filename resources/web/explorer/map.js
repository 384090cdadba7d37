/* explorer map page: offline basemap, clustered place markers, and the page API `window.explorer`.
 *
 * The page is loaded once. Place data and every change of filter or selection arrive as
 * messages (JSON): in the window through the QWebChannel (the bridge's `update` signal), in a
 * standalone page as the initial message embedded in the document. The page never selects on
 * its own: a click only tells Python (bridge.placeClicked / bridge.backgroundClicked), and the
 * selection comes back as a message.
 *
 * A message may hold, applied in this order:
 *   add:      [{id, name, name_ar, kind, country, members, lat, lon}, ...] new places
 *   counts:   [[id, mentions, articles], ...] the places shown under the current filter, most
 *             mentioned first (every other marker is hidden)
 *   selected: id or null
 *   fit:      true to fit the view to the shown places
 *   fitPlaces: [id, ...] fit the view to these places (a passage's places), after everything
 *             else: to those the filter shows, or if none is, to those the page knows
 *   lang:     "ar" or "en": the language of the basemap's labels
 *   strings:  {key: text} the legend's words in the interface's language
 *   types:    ["toponym", "demonym"]: the mention types the counts are of (the legend says)
 *   pick:     true while the analyst places a new place: a click on the map then selects and
 *             deselects nothing, it only reports where it fell (bridge.mapClicked)
 *   layers:   ["markers", "heat", ...] the layers shown (see the registry below)
 *   layerData: {name: data} each shown layer's own data (explorer/map_layers.py)
 *   area:     the filter's area outlined (explorer/areas.py, outline), or null for none:
 *             {box: [[s, w], [n, e]]}, {polygon: [[lat, lon], ...]} or
 *             {circle: [lat, lon], m: metres}; drawn as sent, below the markers, not clickable
 *   seq:      a number the page echoes (bridge.drawn) once the message has been painted
 *
 * Layers: each layer is a module that registers itself,
 *   explorerLayers.register(name, {apply: fn(ctx), clear: fn(ctx), legend: fn(ctx) -> Node|null,
 *                                  info: fn() -> object (tests)})
 * and is drawn from what the page holds (places, the counts shown, its own layerData) through
 * ``ctx`` (layerContext); a layer that draws later (its data are loaded on first use) hands
 * ``ctx.wait`` a promise of that drawing, and no message is reported drawn before it settles. ``apply`` runs when a shown layer's data may have changed, ``clear``
 * when it is hidden. The markers with their clusters are the layer "markers" (in this file);
 * the others are in resources/web/explorer/layers/.
 *
 * A click on the map's background is reported as bridge.backgroundClicked() and, with where
 * it fell, bridge.mapClicked(lat, lon) (Python uses it to place a new place).
 *
 * Every string that comes from the corpus or the gazetteer is put into the page with
 * textContent, never as HTML.
 */
(function () {
  "use strict";

  // The most mentioned places are never hidden inside a cluster.
  var PROMINENT = 12;
  // The room a tooltip needs beside its marker (pixels): nearer the map's edge, it goes the
  // other way.
  var TIP_ROOM = { x: 110, y: 80 };

  var state = {
    map: null,
    cluster: null,
    scale: null,      // the scale bar (its units in the interface's language)
    types: null,      // the filter's mention types: what the markers count
    picking: false,   // the analyst is placing a new place: a click only says where
    reveal: null,     // a place newly selected, to bring into view once drawn
    loose: null,     // unclustered markers: the prominent places and the selection
    tip: null,       // the one tooltip, moved to the marker under the mouse
    // Maps, not plain objects: ids and codes come from the user's gazetteer, and an id such
    // as "__proto__" or "constructor" must be a key like any other.
    places: new Map(),  // id -> static place record
    markers: new Map(), // id -> L.CircleMarker
    shown: new Map(),   // id -> [mentions, articles] under the current filter
    order: [],          // shown ids, most mentioned first
    where: new Map(),   // id -> "cluster" | "loose" (absent: hidden)
    largest: 1,
    shapes: new Map(),  // ISO2 -> [L.Path] (country shapes of the basemap)
    highlighted: [],
    selected: null,
    basemap: null,
    legendOpen: null, // null: open when the map has room for it; true/false: the user's choice
    lang: "en",
    strings: {},
    fit: null,        // the bounds the view was last fitted to, until the user moves the map
    view: null,       // {center, zoom}: the view to keep when the map is resized
    moving: false,    // the page itself is moving the map (not the user)
    offsets: new Map(), // id -> degrees the marker is drawn shifted by (the date line)
    bridge: null,
    listener: null,   // the transport's listener this page's channel set (see connectQt)
    drawn: false,
    announced: false,
    qt: false,
    layersOn: ["markers"], // the layers shown, as Qt last said
    layerData: {},         // name -> the layer's own data, as Qt last sent it
    active: new Set(),     // the layers drawn now
    waiting: new Set(),    // the layers' work still to be done (ctx.wait)
    shapeFill: null,      // code -> style over the country shapes' own (a layer paints them)
    compare: null         // two periods compared, as Qt last sent them (layers/compare.js)
  };

  // The layers, by name (a Map: a name is a key like any other).
  var registry = new Map();
  window.explorerLayers = {
    register: function (name, layer) { registry.set(name, layer); }
  };

  var STYLE = {
    shape: { color: "#8a8f98", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    shapeHighlight: { color: "#b3541e", weight: 1.5, fillColor: "#f7dcc4", fillOpacity: 1 },
    marker: { color: "#7a2e0e", weight: 1.5, fillColor: "#d9622b", fillOpacity: 0.75 },
    region: { color: "#1f4e79", weight: 1.5, fillColor: "#4a90c2", fillOpacity: 0.55 },
    selected: { color: "#111111", weight: 3, fillColor: "#ffcc00", fillOpacity: 0.9 },
    // Groups of places (map.css, .explorer-cluster): violet, a colour no single marker has.
    cluster: { color: "#ffffff", fillColor: "#6a4c93" },
    capital: { color: "#333333", fillColor: "#ffffff" }
  };

  function el(tag, cls, text, dir) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (dir) { node.dir = dir; }
    return node;
  }

  function plural(n, one, many) { return n === 1 ? "1 " + one : n + " " + many; }

  /** "5 mentions" in the interface's language (the templates come from Qt's translations,
   *  one per plural category), else in English. */
  function counted(kind, n, one, many) {
    var forms = state.strings.counts && state.strings.counts[kind];
    if (!forms) { return plural(n, one, many); }
    var category = "other";
    try { category = new Intl.PluralRules(state.lang).select(n); } catch (e) { /* other */ }
    var template = forms[category] || forms.other || "{n}";
    return template.replace("{n}", n.toLocaleString("en"));
  }

  function tooltipNode(id) {
    var p = state.places.get(id);
    var counts = state.shown.get(id) || [0, 0];
    var box = el("div", "explorer-tip");
    box.appendChild(el("div", "explorer-tip-ar", p.name_ar || "", "rtl"));
    box.appendChild(el("div", "explorer-tip-en", p.name || "", "ltr"));
    var dir = state.lang === "ar" ? "rtl" : "ltr";
    box.appendChild(el("div", "explorer-tip-count",
      counted("mentions", counts[0], "mention", "mentions") + " · " +
      counted("articles", counts[1], "article", "articles"), dir));
    if (p.kind === "country") {
      // The country list's count: every mention of a place in this country (its own marker
      // counts only the country's name).
      var total = countryTotal(p.country);
      if (total > counts[0]) {
        box.appendChild(el("div", "explorer-tip-country",
          word("inCountry", "{mentions} of places in it").replace(
            "{mentions}", counted("mentions", total, "mention", "mentions")), dir));
      }
    }
    return box;
  }

  function countryTotal(code) {
    var total = 0;
    state.shown.forEach(function (counts, id) {
      var q = state.places.get(id);
      if (q && q.country === code) { total += counts[0]; }
    });
    return total;
  }

  /** Marker radius in pixels: area grows with the mention count, 5 to 24 px. */
  function radius(count) {
    if (state.largest <= 1) { return 7; }
    return 5 + 19 * Math.sqrt(Math.max(0, count - 1) / (state.largest - 1));
  }

  function markerStyle(id) {
    var p = state.places.get(id);
    if (state.selected === id) { return STYLE.selected; }
    return p.kind === "region" ? STYLE.region : STYLE.marker;
  }

  function drawBasemap(map) {
    if (!window.explorerBasemap) { return; }
    state.basemap = window.explorerBasemap(map, STYLE.shape);
    state.shapes = state.basemap.shapes;
  }

  /** The word for ``key`` in the interface's language (sent by Qt), else ``fallback``. */
  function word(key, fallback) {
    return Object.prototype.hasOwnProperty.call(state.strings, key) ? state.strings[key] : fallback;
  }

  /** A country shape's style when not highlighted: the basemap's, or a layer's paint. */
  function shapeStyle(code) {
    var fill = state.shapeFill ? state.shapeFill(code) : null;
    return fill ? L.extend({}, STYLE.shape, fill) : STYLE.shape;
  }

  /** Paint the country shapes with ``fill(code)`` -> style (null: the basemap's own). */
  function paintShapes(fill) {
    state.shapeFill = fill;
    state.shapes.forEach(function (layers, code) {
      if (state.highlighted.indexOf(code) >= 0) { return; }
      var style = shapeStyle(code);
      layers.forEach(function (layer) { layer.setStyle(style); });
    });
  }

  /** What a layer module sees of the page. */
  function layerContext(name) {
    return {
      map: state.map,
      places: state.places,   // id -> {id, name, name_ar, kind, country, lat, lon, ...}
      shown: state.shown,     // id -> [mentions, articles] under the filter
      order: state.order,     // shown ids, most mentioned first
      data: name === "compare" ? state.compare :
        (Object.prototype.hasOwnProperty.call(state.layerData, name) ? state.layerData[name] : null),
      lang: state.lang,
      word: function (fallback) {
        var words = state.strings.layers || {};
        return Object.prototype.hasOwnProperty.call(words, name) ? words[name] : fallback;
      },
      el: el,
      paintShapes: paintShapes,
      wait: wait
    };
  }

  /** Work a layer still does (a promise): messages are reported drawn once it has settled. */
  function wait(promise) {
    state.waiting.add(promise);
    var done = function () { state.waiting.delete(promise); };
    promise.then(done, done);
  }

  /** Draw the layers shown, clear those hidden. */
  function applyLayers() {
    registry.forEach(function (layer, name) {
      var on = state.layersOn.indexOf(name) >= 0;
      if (on) {
        layer.apply(layerContext(name));
        state.active.add(name);
      } else if (state.active.has(name)) {
        layer.clear(layerContext(name));
        state.active.delete(name);
      }
    });
    updateLegend();  // the layers' keys from what they have just drawn
  }

  function highlightShapes(p) {
    state.highlighted.forEach(function (code) {
      var style = shapeStyle(code);
      (state.shapes.get(code) || []).forEach(function (layer) { layer.setStyle(style); });
    });
    state.highlighted = [];
    if (!p) { return; }
    var codes = p.kind === "region" ? (p.members || []) : (p.kind === "country" ? [p.country] : []);
    codes.forEach(function (code) {
      if (!state.shapes.has(code)) { return; }
      state.highlighted.push(code);
      state.shapes.get(code).forEach(function (layer) { layer.setStyle(STYLE.shapeHighlight); });
    });
  }

  /** The keyboard's way to the markers, drawn on a canvas (no element of their own): one
   *  focusable ring, first in the markers' pane (so Tab from the map reaches it before the
   *  groups of places), moved over the markers drawn in the view, most mentioned first. Tab
   *  and Shift+Tab go from one to the next (past the last, to the groups and the controls);
   *  Enter or the space bar is a click on the marker (the same handlers, the same bridge
   *  call); the ring is seen around the marker, with its tooltip. */
  function keyRing(map) {
    var ring = L.DomUtil.create("div", "explorer-marker-focus", map.getPane("markerPane"));
    ring.tabIndex = 0;
    ring.setAttribute("role", "button");
    state.ring = ring;
    state.keyIds = [];
    state.keyAt = -1;

    function reachable() {
      var bounds = map.getBounds();
      return state.order.filter(function (id) {
        var m = state.markers.get(id);
        return map.hasLayer(m) && bounds.contains(m.getLatLng());
      });
    }

    function show(k) {
      var marker = state.markers.get(state.keyIds[k]);
      var p = state.places.get(state.keyIds[k]);
      state.keyAt = k;
      var r = marker.getRadius() + 5;
      L.DomUtil.setPosition(ring, map.latLngToLayerPoint(marker.getLatLng()).subtract([r, r]));
      ring.style.width = ring.style.height = (2 * r) + "px";
      ring.setAttribute("aria-label", String(state.lang === "ar" ? p.name_ar || p.name : p.name));
      showTip(marker);
    }

    L.DomEvent.on(ring, "focus", function () {
      state.keyIds = reachable();
      state.keyAt = -1;
      ring.style.width = ring.style.height = "0px";
      if (state.keyIds.length) { show(state.keyBack ? state.keyIds.length - 1 : 0); }
      state.keyBack = false;
    });
    L.DomEvent.on(ring, "blur", function () {
      state.keyAt = -1;
      map.closeTooltip(state.tip);
    });
    L.DomEvent.on(ring, "keydown", function (e) {
      var k = state.keyAt;
      if (e.key === "Tab" && k >= 0) {
        var next = e.shiftKey ? k - 1 : k + 1;
        if (next >= 0 && next < state.keyIds.length) {
          show(next);
          L.DomEvent.stop(e);
        }
      } else if ((e.key === "Enter" || e.key === " ") && k >= 0) {
        var marker = state.markers.get(state.keyIds[k]);
        if (map.hasLayer(marker)) {
          marker.fire("click", { latlng: marker.getLatLng(), originalEvent: e }, true);
        }
        L.DomEvent.stop(e);
      }
    });
    // Shift+Tab into the ring from what follows it: the last marker first.
    L.DomEvent.on(map.getContainer(), "keydown", function (e) {
      state.keyBack = e.key === "Tab" && e.shiftKey && e.target !== ring;
    });
    map.on("zoomend moveend", function () {
      if (document.activeElement === ring && state.keyAt >= 0 &&
          state.keyAt < state.keyIds.length) { show(state.keyAt); }
    });
  }

  /** Enter (or the space bar) on a focused group of places: the same as a click on it. */
  function listenToKeys(map) {
    L.DomEvent.on(map.getContainer(), "keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") { return; }
      var layer = state.map._targets ? state.map._targets[L.stamp(e.target)] : null;
      if (!layer || !layer.getChildCount) { return; }
      state.cluster.fire("click", { layer: layer, propagatedFrom: layer, originalEvent: e });
      L.DomEvent.stop(e);
    });
  }

  function addPlaces(records) {
    records.forEach(function (p) {
      if (state.places.has(p.id)) { return; }
      state.places.set(p.id, p);
      // No handler or tooltip of its own: the layers holding markers handle their events
      // (listenTo), so twenty thousand markers cost twenty thousand circles and nothing else.
      var marker = L.circleMarker([p.lat, p.lon], L.extend(
        { radius: 7, bubblingMouseEvents: false }, markerStyle(p.id)));
      marker.placeId = p.id;
      state.markers.set(p.id, marker);
    });
  }

  /** Put every marker where it belongs: hidden, in the cluster, or loose (never clustered). */
  function place() {
    var want = new Map();
    state.order.forEach(function (id, rank) {
      want.set(id, rank < PROMINENT || id === state.selected ? "loose" : "cluster");
    });
    var toCluster = [], fromCluster = [], toLoose = [], fromLoose = [];
    state.where.forEach(function (was, id) {
      if (want.get(id) === was) { return; }
      (was === "cluster" ? fromCluster : fromLoose).push(state.markers.get(id));
    });
    want.forEach(function (where, id) {
      if (state.where.get(id) === where) { return; }
      (where === "cluster" ? toCluster : toLoose).push(state.markers.get(id));
    });
    if (fromCluster.length) { state.cluster.removeLayers(fromCluster); }
    fromLoose.forEach(function (m) { state.loose.removeLayer(m); });
    if (toCluster.length) { state.cluster.addLayers(toCluster); }
    toLoose.forEach(function (m) { state.loose.addLayer(m); });
    state.where = want;
    // Larger loose markers below smaller ones, the selection on top.
    for (var i = Math.min(PROMINENT, state.order.length) - 1; i >= 0; i--) {
      var m = state.markers.get(state.order[i]);
      if (state.where.get(state.order[i]) === "loose" && m._map) { m.bringToFront(); }
    }
    var chosen = state.selected === null ? null : state.markers.get(state.selected);
    if (chosen && chosen._map) { chosen.bringToFront(); }
  }

  function setCounts(rows) {
    var shown = new Map(), order = [], largest = 1;
    rows.forEach(function (row) {
      if (!state.markers.has(row[0])) { return; }
      shown.set(row[0], [row[1], row[2]]);
      order.push(row[0]);
      largest = Math.max(largest, row[1]);
    });
    var rescale = largest !== state.largest;
    state.largest = largest;
    shown.forEach(function (counts, id) {
      var old = state.shown.get(id);
      if (rescale || !old || old[0] !== counts[0]) {
        state.markers.get(id).setRadius(radius(counts[0]));
      }
    });
    state.shown = shown;
    state.order = order;
    updateLegend();
  }

  function swatch(style, size, round) {
    var dot = el("span", "explorer-legend-dot", "");
    dot.style.width = size + "px";
    dot.style.height = size + "px";
    dot.style.background = style.fillColor;
    dot.style.borderColor = style.color;
    dot.style.borderRadius = round ? "50%" : "2px";
    return dot;
  }

  /** What the markers count, from the filter's mention types: "toponyms", "demonyms" or
   *  "both". */
  function counting() {
    var types = state.types || ["toponym"];
    var names = types.indexOf("toponym") >= 0, adjectives = types.indexOf("demonym") >= 0;
    return names && adjectives ? "both" : (adjectives ? "demonyms" : "toponyms");
  }

  var COUNTING = {
    toponyms: "Place names only; demonyms are not counted",
    both: "Place names and demonyms are counted",
    demonyms: "Demonyms only; place names are not counted"
  };

  /** A group's swatch: the violet disc of map.css with a number in it, as on the map. */
  function clusterSwatch() {
    var dot = el("span", "explorer-cluster explorer-legend-cluster", "");
    dot.appendChild(el("span", "", "5"));
    return dot;
  }

  /** The legend: marker size is the mention count (the smallest and the largest shown), what
   *  is counted, then what each colour means. In the interface's language; compact (two
   *  columns of keys), so that it hides little of the map, and folded on a small map. */
  function updateLegend() {
    var box = state.legend;
    if (!box) { return; }
    var rtl = state.lang === "ar";
    box.textContent = "";
    box.dir = rtl ? "rtl" : "ltr";
    var title = el("div", "explorer-legend-title", word("size", "Marker size: mentions"));
    title.title = word("toggle", "Show or hide the legend");
    title.addEventListener("click", function () {
      state.legendOpen = !legendOpen();
      showLegend();
    });
    box.appendChild(title);
    var markers = state.layersOn.indexOf("markers") >= 0;
    if (markers) { markerLegend(box); }
    var names = state.layersOn.slice();
    if (state.compare) { names.push("compare"); }
    names.forEach(function (name) {
      var layer = registry.get(name);
      var node = layer && layer.legend ? layer.legend(layerContext(name)) : null;
      if (node) {
        node.classList.add("explorer-legend-layer", "explorer-legend-layer-" + name);
        box.appendChild(node);
      }
    });
    showLegend();
  }

  /** Two periods compared (Qt sends the comparison, or null to end it): the layer
   *  "compare" (layers/compare.js) draws it over the others; it is in no layer menu. */
  function setCompare(data) {
    var layer = registry.get("compare");
    state.compare = data && typeof data === "object" ? data : null;
    if (layer) {
      if (state.compare) { layer.apply(layerContext("compare")); } else { layer.clear(layerContext("compare")); }
    }
    updateLegend();
  }

  function markerLegend(box) {
    var sizes = state.largest > 1 ? [1, state.largest] : [1];
    var sizeRow = el("div", "explorer-legend-row explorer-legend-sizes", "");
    sizes.forEach(function (n) {
      // The largest marker's disc, at most legend-sized: its number says the rest.
      sizeRow.appendChild(swatch(STYLE.marker, Math.min(14, Math.round(2 * radius(n))), true));
      sizeRow.appendChild(el("span", "", n.toLocaleString("en")));
    });
    box.appendChild(sizeRow);
    var how = counting();
    var note = el("div", "explorer-legend-note explorer-legend-counting-" + how,
                  word(how, COUNTING[how]));
    box.appendChild(note);
    var keys = el("div", "explorer-legend-keys", "");
    [[STYLE.marker, true, "place", "Place"], [STYLE.region, true, "region", "Region"],
     [STYLE.selected, true, "selected", "Selected place"],
     [null, true, "cluster", "Group of places"],
     [STYLE.capital, true, "capital", "Capital"],
     [STYLE.shapeHighlight, false, "country", "Country or region of the selection"]].forEach(function (item) {
      var row = el("div", "explorer-legend-row", "");
      row.appendChild(item[0] ? swatch(item[0], item[2] === "capital" ? 6 : 10, item[1])
                              : clusterSwatch());
      row.appendChild(el("span", "", word(item[2], item[3])));
      if (item[2] === "cluster") {
        row.title = word("clusterTip", "The number of places in it; click it to zoom in");
      }
      keys.appendChild(row);
    });
    box.appendChild(keys);
  }

  // The legend is folded to its title on a small map (it would cover too much of it), unless
  // the user has opened or folded it.
  var LEGEND_ROOM = { x: 560, y: 360 };

  function legendOpen() {
    if (state.legendOpen !== null) { return state.legendOpen; }
    var size = state.map.getSize();
    return size.x >= LEGEND_ROOM.x && size.y >= LEGEND_ROOM.y;
  }

  function showLegend() {
    if (!state.legend) { return; }
    var open = legendOpen();
    state.legend.classList.toggle("explorer-legend-folded", !open);
  }

  function addLegend(map) {
    var Legend = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "explorer-legend");
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    var control = new Legend();
    control.addTo(map);
    state.legend = control.getContainer();
    updateLegend();
  }

  // Units of the scale bar, as Leaflet writes them, and the word for each.
  var UNITS = { m: "m", km: "km", ft: "ft", mi: "mi" };

  /** A scale bar whose units are in the interface's language ("500 كم"). */
  function addScale(map, options) {
    var Scale = L.Control.Scale.extend({
      _updateScale: function (scale, text, ratio) {
        var parts = String(text).split(" ");
        var unit = parts[1];
        scale.style.width = Math.round(this.options.maxWidth * ratio) + "px";
        scale.textContent = parts[0] + " " +
          (Object.prototype.hasOwnProperty.call(UNITS, unit) ? word("unit_" + unit, unit) : unit);
        scale.dir = state.lang === "ar" ? "rtl" : "ltr";
      }
    });
    state.scale = new Scale(options).addTo(map);
  }

  function setSelected(id) {
    if (id !== null && !state.markers.has(id)) { id = null; }
    var previous = state.selected;
    state.selected = id;
    // A place newly selected (on the map, in the passages, in the reader) is brought into
    // view once it is drawn (see reveal).
    if (id !== previous) { state.reveal = id; }
    [previous, id].forEach(function (pid) {
      if (pid !== null && state.markers.has(pid)) { state.markers.get(pid).setStyle(markerStyle(pid)); }
    });
    highlightShapes(id !== null ? state.places.get(id) : null);
  }

  function fitToShown() {
    if (!state.order.length) { return; }
    var points = state.order.map(function (id) {
      var p = state.places.get(id);
      return [p.lat, p.lon];
    });
    fitTo(L.latLngBounds(acrossDateLine(points)).pad(0.05));
  }

  // Room kept around fitted places (pixels): the largest marker's radius and a little more.
  var FIT_MARGIN = 28;

  /** Padding for fitting and panning: the map's controls (zoom buttons, legend, scale,
   *  credits) kept clear, each along the side of its corner that hides less of the map, and
   *  room for the markers' discs at every edge. Leaflet's fitBounds/panInside options. */
  function viewPadding() {
    var map = state.map, size = map.getSize();
    var origin = map.getContainer().getBoundingClientRect();
    var pad = { left: 0, top: 0, right: 0, bottom: 0 };
    Array.prototype.forEach.call(
      map.getContainer().querySelectorAll(".leaflet-control"), function (c) {
        var r = c.getBoundingClientRect();
        if (!r.width || !r.height) { return; }
        var left = r.left - origin.left, top = r.top - origin.top;
        var right = r.right - origin.left, bottom = r.bottom - origin.top;
        var across = left + right < size.x ? ["left", right] : ["right", size.x - left];
        var down = top + bottom < size.y ? ["top", bottom] : ["bottom", size.y - top];
        var side = across[1] * size.y <= down[1] * size.x ? across : down;
        pad[side[0]] = Math.max(pad[side[0]], side[1]);
      });
    // On a small map, never more than half of each dimension.
    var sx = Math.min(1, size.x / 2 / Math.max(1, pad.left + pad.right));
    var sy = Math.min(1, size.y / 2 / Math.max(1, pad.top + pad.bottom));
    var margin = Math.min(FIT_MARGIN, size.x / 8, size.y / 8);
    return {
      paddingTopLeft: [pad.left * sx + margin, pad.top * sy + margin],
      paddingBottomRight: [pad.right * sx + margin, pad.bottom * sy + margin]
    };
  }

  /** Bring the newly selected place into the part of the view the controls leave clear. */
  function reveal() {
    var id = state.reveal;
    state.reveal = null;
    if (id === null || id === undefined || id !== state.selected) { return; }
    var marker = shownMarker(id);
    if (!marker || !marker._map) { return; }
    state.map.panInside(marker.getLatLng(), L.extend({ animate: false }, viewPadding()));
  }

  /** Places on both sides of the date line (Fiji, Samoa) are nearer across it: the points
   *  with western longitudes moved a world east when that makes the narrower view. */
  function acrossDateLine(points) {
    var across = points.map(function (p) { return [p[0], p[1] < 0 ? p[1] + 360 : p[1]]; });
    var span = function (pts) {
      var lons = pts.map(function (p) { return p[1]; });
      return Math.max.apply(null, lons) - Math.min.apply(null, lons);
    };
    return span(across) < span(points) ? across : points;
  }

  function fitTo(bounds) {
    state.moving = true;
    state.map.fitBounds(bounds, L.extend({ maxZoom: 6, animate: false }, viewPadding()));
    state.moving = false;
    state.fit = bounds;
  }

  /** The view as it was before the map's size changed: the same places fitted, or else the
   *  same centre and zoom (Leaflet alone keeps the centre's pixel, and drifts). */
  function keepView() {
    if (state.fit) {
      fitTo(state.fit);
    } else if (state.view) {
      state.moving = true;
      state.map.setView(state.view.center, state.view.zoom, { animate: false });
      state.moving = false;
    }
  }

  function userMoved() {
    if (!state.moving) { state.fit = null; }
  }

  function reportView() {
    if (!state.bridge || !state.bridge.viewMoved) { return; }
    var b = state.map.getBounds();
    state.bridge.viewMoved(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
  }

  function rememberView() {
    if (!state.moving) { state.view = { center: state.map.getCenter(), zoom: state.map.getZoom() }; }
    wrapMarkers();
  }

  /** Draw each shown marker in the world copy nearest the view's centre, so that places on
   *  both sides of the date line show. */
  function wrapMarkers() {
    var centre = state.map.getCenter().lng;
    var moved = { cluster: [], loose: [] };
    state.where.forEach(function (where, id) {
      var p = state.places.get(id);
      var shift = 360 * Math.round((centre - p.lon) / 360);
      if ((state.offsets.get(id) || 0) === shift) { return; }
      moved[where].push([id, shift]);
    });
    var inCluster = moved.cluster.map(function (m) { return state.markers.get(m[0]); });
    if (inCluster.length) { state.cluster.removeLayers(inCluster); }
    moved.cluster.concat(moved.loose).forEach(function (m) {
      var p = state.places.get(m[0]);
      state.offsets.set(m[0], m[1]);
      state.markers.get(m[0]).setLatLng([p.lat, p.lon + m[1]]);
    });
    if (inCluster.length) { state.cluster.addLayers(inCluster); }
  }

  /** Fit the view to the places ``ids`` the filter shows (if none is shown, to those the
   *  page has records of): a passage's places, without markers the filter hides. */
  function fitPlaces(ids) {
    var known = ids.filter(function (id) { return state.places.has(id); });
    var shown = known.filter(function (id) { return state.where.has(id); });
    var points = (shown.length ? shown : known).map(function (id) {
      var p = state.places.get(id);
      return [p.lat, p.lon];
    });
    if (!points.length) { return; }
    // One place: a country-sized view around it, not a street-level one.
    fitTo(L.latLngBounds(acrossDateLine(points)).pad(0.2));
  }

  function afterPaint(callback) {
    // Two animation frames: the canvas has been painted once the second one runs.
    window.requestAnimationFrame(function () { window.requestAnimationFrame(callback); });
  }

  function apply(msg) {
    var now = window.performance.now.bind(window.performance);
    var t = now(), phases = {};
    if (msg.strings) { state.strings = msg.strings; }
    if (msg.lang) {
      state.lang = msg.lang;
      if (state.basemap) { state.basemap.setLanguage(msg.lang); }
    }
    if (Array.isArray(msg.types)) { state.types = msg.types; }
    if (Array.isArray(msg.layers)) { state.layersOn = msg.layers; }
    if (msg.layerData && typeof msg.layerData === "object") { state.layerData = msg.layerData; }
    if (typeof msg.pick === "boolean") { setPicking(msg.pick); }
    if (typeof msg.drawBox === "boolean") { setDrawing(msg.drawBox); }
    if (typeof msg.drawPolygon === "boolean") { setPolygonDrawing(msg.drawPolygon); }
    if (Object.prototype.hasOwnProperty.call(msg, "compare")) { setCompare(msg.compare); }
    if (Object.prototype.hasOwnProperty.call(msg, "area")) { setArea(msg.area); }
    if (msg.strings || msg.lang || msg.types || msg.layers) { updateLegend(); }
    if ((msg.strings || msg.lang) && state.scale) { state.scale._update(); }
    if (msg.add) { addPlaces(msg.add); }
    phases.add = now() - t; t = now();
    if (msg.counts) { setCounts(msg.counts); }
    phases.counts = now() - t; t = now();
    if (Object.prototype.hasOwnProperty.call(msg, "selected")) { setSelected(msg.selected); }
    // The view first, while the cluster is as before: fitting after adding thousands of
    // markers would cluster them all twice.
    if (msg.fit) { fitToShown(); }
    phases.fit = now() - t; t = now();
    place();
    if (Array.isArray(msg.fitPlaces)) { fitPlaces(msg.fitPlaces); }
    wrapMarkers();
    if (state.reveal !== null && state.reveal !== undefined) {
      reveal();
      wrapMarkers();
    }
    phases.place = now() - t; t = now();
    if (msg.counts || msg.layers || msg.layerData || msg.lang || msg.strings) { applyLayers(); }
    phases.layers = now() - t;
    state.phases = phases;
    if (typeof msg.seq === "number") {
      var seq = msg.seq;
      var echo = function () {
        afterPaint(function () {
          state.appliedSeq = seq;
          if (state.bridge) { state.bridge.drawn(seq); }
        });
      };
      var pending = Array.from(state.waiting);
      if (pending.length) { Promise.all(pending).then(echo, echo); } else { echo(); }
    }
  }

  function announceReady() {
    if (!state.drawn || state.announced) { return; }
    if (state.qt && !state.bridge) { return; }
    state.announced = true;
    window.explorer.ready = true;
    if (state.bridge) { state.bridge.mapReady(); }
  }

  function connectQt() {
    if (!window.QWebChannel || !window.qt || !window.qt.webChannelTransport) { return; }
    var transport = window.qt.webChannelTransport;
    new window.QWebChannel(transport, function (channel) {
      state.bridge = channel.objects.bridge || null;
      if (state.bridge) {
        state.bridge.update.connect(function (text) {
          var t0 = window.performance.now();
          var msg = JSON.parse(text);
          var t1 = window.performance.now();
          apply(msg);
          state.timing = { bytes: text.length, parseMs: t1 - t0,
                           applyMs: window.performance.now() - t1, phases: state.phases };
        });
      }
      announceReady();
    });
    // The transport has one listener: the channel made last. Another QWebChannel opened on
    // it (a test probing the bridge does so) takes every message from Qt, and this page
    // hears nothing more; hearsQt() says whether the page's own channel is still the one.
    state.listener = transport.onmessage;
  }

  /** The filter's area outlined as Python sends it (null: none), in a pane of its own below
   *  the markers; never clickable, never fitted over. */
  function setArea(area) {
    var map = state.map;
    if (state.area) { map.removeLayer(state.area); }
    state.area = null;
    if (!area || typeof area !== "object") { return; }
    if (!map.getPane("explorerArea")) {
      var pane = map.createPane("explorerArea");
      pane.style.zIndex = 380;  // above the shapes and the heat, below the markers (400)
      pane.style.pointerEvents = "none";
      state.areaRenderer = L.svg({ pane: "explorerArea" });
    }
    var style = { pane: "explorerArea", renderer: state.areaRenderer,
                  interactive: false, color: "#d35400", weight: 2, dashArray: "6 4",
                  fill: true, fillColor: "#d35400", fillOpacity: 0.06 };
    if (Array.isArray(area.box)) {
      state.area = L.rectangle(area.box, style);
    } else if (Array.isArray(area.polygon)) {
      state.area = L.polygon(area.polygon, style);
    } else if (Array.isArray(area.circle) && typeof area.m === "number") {
      state.area = L.circle(area.circle, L.extend({ radius: area.m }, style));
    }
    if (state.area) { state.area.addTo(map); }
  }

  /** While the analyst places a new place, a click on the map only says where it fell: it
   *  selects nothing and deselects nothing (the crosshair cursor says so). */
  function setPicking(on) {
    state.picking = on;
    state.map.getContainer().classList.toggle("explorer-picking", on);
  }

  /** While the analyst draws an area (Qt asks: View → Draw an area), a drag on the map draws
   *  a box instead of panning; on release its bounds go to Python (bridge.boxDrawn), which
   *  makes it the filter's area. A tiny drag of our own: Leaflet.draw's toolbar, editing and
   *  polygons are more than a box needs (a few lines against ~90 kB with its licence). */
  function setDrawing(on) {
    state.drawing = on;
    state.map.getContainer().classList.toggle("explorer-picking", on);
    if (on) { state.map.dragging.disable(); } else { state.map.dragging.enable(); }
  }

  function boxStart(e) {
    if (!state.drawing) { return; }
    state.boxFrom = e.latlng;
    if (state.box) { state.map.removeLayer(state.box); }
    state.box = L.rectangle(L.latLngBounds(e.latlng, e.latlng),
      { color: "#d35400", weight: 2, fill: false, interactive: false }).addTo(state.map);
  }

  function boxMove(e) {
    if (state.drawing && state.boxFrom) {
      state.box.setBounds(L.latLngBounds(state.boxFrom, e.latlng));
    }
  }

  function boxEnd(e) {
    if (!state.drawing || !state.boxFrom) { return; }
    var b = L.latLngBounds(state.boxFrom, e.latlng);
    state.boxFrom = null;
    state.justDrew = true;
    setTimeout(function () { state.justDrew = false; }, 0);
    state.map.removeLayer(state.box);
    state.box = null;
    setDrawing(false);
    if (state.bridge && b.getEast() > b.getWest() && b.getNorth() > b.getSouth()) {
      state.bridge.boxDrawn(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
    }
  }

  /** While the analyst draws a polygon (Qt asks: View → Draw a polygon), each click on the
   *  map adds a vertex, a double click or Enter closes it (three vertices at least), Escape
   *  gives it up. Its vertices go to Python (bridge.polygonDrawn) as clicked, longitudes
   *  unwrapped: Python decides what the polygon is and whether it can be one. */
  function setPolygonDrawing(on) {
    if (state.poly) { state.map.removeLayer(state.poly); }
    state.poly = null;
    state.vertices = on ? [] : null;
    state.map.getContainer().classList.toggle("explorer-picking", on || !!state.drawing);
    if (on) { state.map.doubleClickZoom.disable(); } else { state.map.doubleClickZoom.enable(); }
  }

  function polygonPoint(latlng) {
    var v = state.vertices;
    if (v.length) {  // a double click's second click lands on the vertex it just made
      var a = state.map.latLngToContainerPoint(v[v.length - 1]);
      if (a.distanceTo(state.map.latLngToContainerPoint(latlng)) < 4) { return; }
    }
    v.push(latlng);
    if (!state.poly) {
      state.poly = L.polyline(v, { color: "#d35400", weight: 2, dashArray: "4 4",
                                   interactive: false }).addTo(state.map);
    } else {
      state.poly.setLatLngs(v);
    }
  }

  function polygonClose() {
    var v = state.vertices;
    if (!v || v.length < 3) { return false; }
    var points = v.map(function (p) { return [p.lat, p.lng]; });
    setPolygonDrawing(false);
    if (state.bridge) { state.bridge.polygonDrawn(points); }
    return true;
  }

  function polygonKey(e) {
    if (!state.vertices) { return; }
    if (e.key === "Escape") { setPolygonDrawing(false); e.preventDefault(); }
    if (e.key === "Enter" && polygonClose()) { e.preventDefault(); }
  }

  function pointClicked(latlng) {
    var at = latlng.wrap();  // the world repeats: report the one true longitude
    state.bridge.mapClicked(at.lat, at.lng);
  }

  /** Clicks and hovers on the markers of ``group``: one handler each, for every marker. */
  function listenTo(group) {
    group.on("click", function (e) {
      var marker = e.propagatedFrom;
      if (!marker || !marker.placeId || !state.bridge) { return; }
      if (state.vertices) {  // drawing a polygon: a vertex where the click fell
        polygonPoint(e.latlng || marker.getLatLng());
        return;
      }
      if (state.picking) {
        pointClicked(marker.getLatLng());
      } else {
        state.bridge.placeClicked(marker.placeId);
      }
    });
    group.on("mouseover", function (e) {
      if (e.propagatedFrom && e.propagatedFrom.placeId) { showTip(e.propagatedFrom); }
    });
    group.on("mouseout", function () { state.map.closeTooltip(state.tip); });
  }

  /** The one tooltip, over ``marker``, built from the counts of this moment. */
  function showTip(marker) {
    // Above the marker, unless that would cut it at the map's edge: then below it, or beside.
    var p = state.map.latLngToContainerPoint(marker.getLatLng());
    var size = state.map.getSize();
    var r = marker.getRadius();
    var direction = p.y - r < TIP_ROOM.y ? "bottom" : "top";
    if (p.x < TIP_ROOM.x) { direction = "right"; } else if (p.x > size.x - TIP_ROOM.x) { direction = "left"; }
    state.tip.options.direction = direction;
    state.tip.options.offset = L.point(
      direction === "right" ? r : (direction === "left" ? -r : 0),
      direction === "top" ? -r : (direction === "bottom" ? r : 0));
    state.tip.setLatLng(marker.getLatLng());
    state.tip.setContent(tooltipNode(marker.placeId));
    state.map.openTooltip(state.tip);
  }

  /** A group of places: a violet disc with the number of places in it (map.css), growing a
   *  little with that number; never in the colours of a place, a region or the selection. */
  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? 30 : (n < 100 ? 36 : 42);
    var box = el("div", "", "");
    box.appendChild(el("span", "", n.toLocaleString("en")));
    return L.divIcon({ html: box, className: "explorer-cluster", iconSize: L.point(size, size) });
  }

  function onClusterClick(e) {
    if (state.vertices) { if (e.latlng) { polygonPoint(e.latlng); } return; }
    var cluster = e.layer;
    var map = state.map;
    // Zoom in a few levels at most: members that sit close together are spread out instead
    // of jumping to a street-level scale.
    if (map.getBoundsZoom(cluster.getBounds()) > map.getZoom() + 3 ||
        map.getZoom() >= map.getMaxZoom()) {
      cluster.spiderfy();
    } else {
      cluster.zoomToBounds({ padding: [40, 40] });
    }
  }

  window.explorerInit = function (map, data, options) {
    state.map = map;
    window.explorer._map = map;
    state.qt = !!(options && options.qt);
    if (map.attributionControl) {
      // Leaflet's default prefix is a link to a remote site; credit without a link instead.
      map.attributionControl.setPrefix("Leaflet | Natural Earth");
    }
    // With no tile layer Leaflet has no zoom bounds, which marker clustering needs.
    map.setMinZoom(data.minZoom || 2);
    map.setMaxZoom(data.maxZoom || 12);
    drawBasemap(map);
    if (options && options.scale) { addScale(map, options.scale); }
    addLegend(map);
    map.on("movestart zoomstart", userMoved);
    map.on("moveend", rememberView);
    // The view's bounds go to Python (which debounces them and decides what they filter).
    map.on("moveend", reportView);
    // The legend folds or opens first: fitting keeps clear of it as it will be.
    map.on("resize", showLegend);
    map.on("resize", keepView);
    state.cluster = L.markerClusterGroup({
      // Wide clusters when zoomed out (fewer cluster icons to draw with thousands of
      // places), tight ones closer in, where neighbouring places should stay apart.
      maxClusterRadius: function (zoom) { return zoom <= 4 ? 60 : (zoom <= 6 ? 40 : 28); },
      disableClusteringAtZoom: Math.max(2, (data.maxZoom || 12) - 4),
      showCoverageOnHover: false,
      zoomToBoundsOnClick: false,
      iconCreateFunction: clusterIcon,
      spiderfyOnMaxZoom: false,
      chunkedLoading: true,
      chunkInterval: 50
    });
    state.cluster.on("clusterclick", onClusterClick);
    map.addLayer(state.cluster);
    state.loose = L.featureGroup().addTo(map);
    // The markers and their groups: one layer among others (shown unless Qt says otherwise).
    window.explorerLayers.register("markers", {
      apply: function (ctx) {
        [state.cluster, state.loose].forEach(function (g) {
          if (!ctx.map.hasLayer(g)) { ctx.map.addLayer(g); }
        });
      },
      clear: function (ctx) {
        ctx.map.closeTooltip(state.tip);
        [state.cluster, state.loose].forEach(function (g) { ctx.map.removeLayer(g); });
      },
      legend: function () { return null; },
      info: function () { return { drawn: state.map.hasLayer(state.cluster) }; }
    });
    state.active.add("markers");
    state.tip = L.tooltip({ direction: "top" });
    listenTo(state.cluster);
    listenTo(state.loose);
    keyRing(map);
    listenToKeys(map);
    map.on("mousedown", boxStart);
    map.on("mousemove", boxMove);
    map.on("mouseup", boxEnd);
    map.on("dblclick", function (e) {
      if (state.vertices) { polygonPoint(e.latlng); polygonClose(); }
    });
    document.addEventListener("keydown", polygonKey);
    map.on("click", function (e) {
      // A click adds a polygon's vertex, and only that.
      if (state.vertices) { polygonPoint(e.latlng); return; }
      // The click that ends a drawn box selects and deselects nothing.
      if (state.drawing || state.justDrew) { state.justDrew = false; return; }
      if (state.bridge) {
        if (!state.picking) { state.bridge.backgroundClicked(); }
        pointClicked(e.latlng);
      }
    });
    if (data.initial) {
      apply(data.initial);
      fitToShown();
    }
    if (state.qt) { connectQt(); }
    map.whenReady(function () {
      afterPaint(function () {
        state.drawn = true;
        announceReady();
      });
    });
  };

  function shownMarker(id) {
    return state.where.has(id) ? state.markers.get(id) : null;
  }

  window.explorer = {
    ready: false,
    /** Ids of every place that has a marker (shown or not). */
    markerIds: function () { return Array.from(state.markers.keys()).sort(); },
    /** Ids of the markers the current filter shows (clustered or not). */
    visibleIds: function () { return Array.from(state.where.keys()).sort(); },
    /** [mentions, articles] a marker shows under the current filter (null: not shown). */
    shownCounts: function (id) { return state.shown.get(id) || null; },
    /** Ids of the markers drawn on their own right now (not hidden inside a cluster). */
    drawnIds: function () {
      return Array.from(state.where.keys()).filter(function (id) {
        return state.map.hasLayer(state.markers.get(id));
      }).sort();
    },
    /** Whether messages from Qt still reach this page's own channel (see connectQt). */
    hearsQt: function () {
      return !!state.bridge && !!window.qt && !!window.qt.webChannelTransport &&
        window.qt.webChannelTransport.onmessage === state.listener;
    },
    /** The last message number painted. */
    appliedSeq: function () { return state.appliedSeq === undefined ? null : state.appliedSeq; },
    /** Click a marker as the user would (same handler, same bridge call). */
    clickPlace: function (id) {
      var marker = shownMarker(id);
      if (!marker) { return false; }
      marker.fire("click", { latlng: marker.getLatLng() }, true);
      return true;
    },
    /** Click the map's background as the user would. */
    clickBackground: function () {
      state.map.fire("click", { latlng: state.map.getCenter() });
      return true;
    },
    /** Click the cluster that holds ``id`` as the user would; false if it is not clustered. */
    clickClusterOf: function (id) {
      var marker = shownMarker(id);
      var clustered = marker && state.where.get(id) === "cluster";
      var parent = clustered ? state.cluster.getVisibleParent(marker) : null;
      if (!parent || parent === marker) { return false; }
      state.cluster.fire("click", { layer: parent, propagatedFrom: parent });
      return true;
    },
    /** Where ``lat, lon`` is in the map's element, in CSS pixels (tests click there). */
    pointOf: function (lat, lon) {
      var p = state.map.latLngToContainerPoint([lat, lon]);
      return [p.x, p.y];
    },
    zoom: function () { return state.map.getZoom(); },
    /** Fit the view to [[south, west], [north, east]] (tests: zoom to one country). */
    fitBounds: function (south, west, north, east) {
      state.map.fitBounds([[south, west], [north, east]], { animate: false });
      return true;
    },
    /** Move the view (tests: look elsewhere before a fit). */
    setView: function (lat, lon, zoom) {
      state.map.setView([lat, lon], zoom, { animate: false });
      return true;
    },
    /** The map's view as [[south, west], [north, east]]. */
    bounds: function () {
      var b = state.map.getBounds();
      return [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]];
    },
    /** The centre of the view. */
    view: function () { var c = state.map.getCenter(); return { lat: c.lat, lon: c.lng }; },
    /** Ids of the shown places whose marker is inside the view right now. */
    inView: function () {
      var bounds = state.map.getBounds();
      return Array.from(state.where.keys()).filter(function (id) {
        return bounds.contains(state.markers.get(id).getLatLng());
      }).sort();
    },
    /** ISO2 codes of the basemap's shapes drawn now whose bounds hold [lat, lon]. */
    shapeCodesAt: function (lat, lon) {
      var codes = [];
      state.shapes.forEach(function (layers, code) {
        if (layers.some(function (l) { return l._map && l.getBounds().contains([lat, lon]); })) {
          codes.push(code);
        }
      });
      return codes.sort();
    },
    _map: null,
    /** The basemap's labels drawn now ([{text, kind, code}]) and its language. */
    labels: function () { return state.basemap ? state.basemap.labels() : []; },
    language: function () { return state.basemap ? state.basemap.language() : null; },
    detailedShapes: function () { return state.basemap ? state.basemap.detailed() : null; },
    zoomIn: function () { state.map.setZoom(state.map.getZoom() + 1, { animate: false }); },
    /** Size and handling time of the last message from Qt (benchmarks). */
    timing: function () { return state.timing || null; },
    selected: function () { return state.selected; },
    /** The record the page holds for a place (as received), or null. */
    place: function (id) { return state.places.has(id) ? state.places.get(id) : null; },
    /** ISO2 codes of the country shapes drawn highlighted (a selected region or country). */
    highlightedCountries: function () { return state.highlighted.slice().sort(); },
    openTooltip: function (id) {
      var marker = shownMarker(id);
      if (!marker) { return false; }
      if (state.where.get(id) === "cluster") {
        state.cluster.zoomToShowLayer(marker, function () { showTip(marker); });
      }
      showTip(marker);
      return true;
    },
    /** Whether the legend is unfolded; click its title as the user would. */
    legendShown: function () {
      return !!state.legend && !state.legend.classList.contains("explorer-legend-folded");
    },
    clickLegendTitle: function () {
      state.legend.querySelector(".explorer-legend-title").click();
      return true;
    },
    /** The padding fitting and panning keep clear of the controls (tests). */
    viewPadding: function () { return viewPadding(); },
    picking: function () { return state.picking; },
    drawing: function () { return !!state.drawing; },
    /** Drag a box from [lat1, lon1] to [lat2, lon2] as the analyst would (the same map
     *  events, through the same handlers). */
    dragBox: function (lat1, lon1, lat2, lon2) {
      if (!state.drawing) { return false; }
      var to = L.latLng(lat2, lon2);
      state.map.fire("mousedown", { latlng: L.latLng(lat1, lon1) });
      state.map.fire("mousemove", { latlng: L.latLng((lat1 + lat2) / 2, (lon1 + lon2) / 2) });
      state.map.fire("mousemove", { latlng: to });
      state.map.fire("mouseup", { latlng: to });
      return true;
    },
    /** The filter's area drawn now: {kind: "box", bounds: [[s, w], [n, e]]},
     *  {kind: "polygon", vertices: [[lat, lon], ...]}, {kind: "circle", center: [lat, lon],
     *  radius: metres}, with its pane and whether it is clickable; null when none is. */
    areaOutline: function () {
      var a = state.area;
      if (!a || !state.map.hasLayer(a)) { return null; }
      var out = { pane: a.options.pane, interactive: a.options.interactive,
                  inDom: !!(a._path && a._path.isConnected) };
      if (a instanceof L.Circle) {
        var c = a.getLatLng();
        out.kind = "circle";
        out.center = [c.lat, c.lng];
        out.radius = a.getRadius();
      } else if (a instanceof L.Rectangle) {
        var b = a.getBounds();
        out.kind = "box";
        out.bounds = [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]];
      } else {
        out.kind = "polygon";
        out.vertices = a.getLatLngs()[0].map(function (p) { return [p.lat, p.lng]; });
      }
      return out;
    },
    /** The polygon's vertices clicked so far ([lat, lon]), or null when none is drawn. */
    polygonDrawing: function () {
      return state.vertices ? state.vertices.map(function (p) { return [p.lat, p.lng]; }) : null;
    },
    /** Click the map at [lat, lon] as the analyst would (the same map event and handler);
     *  ``double``: a double click there (two clicks, then the double click). */
    clickMap: function (lat, lon, double) {
      var at = L.latLng(lat, lon);
      var fire = function (type) {
        state.map.fire(type, { latlng: at, containerPoint: state.map.latLngToContainerPoint(at) });
      };
      fire("click");
      if (double) { fire("click"); fire("dblclick"); }
      return true;
    },
    /** The place (id) or group of places ("cluster") the keyboard's focus is on, or null. */
    focused: function () {
      var node = document.activeElement;
      if (node && node === state.ring) {
        return state.keyAt >= 0 ? state.keyIds[state.keyAt] : null;
      }
      var layer = node && state.map._targets ? state.map._targets[L.stamp(node)] : null;
      return layer && layer.getChildCount ? "cluster" : null;
    },
    /** The layers drawn now, in the order Qt lists them. */
    layers: function () {
      return state.layersOn.filter(function (n) { return state.active.has(n); });
    },
    /** What a layer module says of itself (tests), or null. */
    layerInfo: function (name) {
      var layer = registry.get(name);
      return layer && layer.info ? layer.info() : null;
    },
    /** The fill colour the country shapes of ``code`` are drawn with now. */
    shapeFill: function (code) {
      var layers = state.shapes.get(code) || [];
      return layers.length ? layers[0].options.fillColor : null;
    },
    /** The legend's text (tests). */
    legendText: function () { return state.legend ? state.legend.textContent : null; },
    tooltipText: function (id) {
      return state.markers.has(id) ? tooltipNode(id).textContent : null;
    }
  };
})();
