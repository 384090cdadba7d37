/* explorer map page: offline basemap, one marker per place, and the page API `window.explorer`.
 *
 * Every string that comes from the corpus or the gazetteer is put into the page with
 * textContent, never as HTML. The only thing the page tells Python is which place id was
 * clicked (bridge.placeClicked) and that the map has drawn (bridge.mapReady).
 */
(function () {
  "use strict";

  var state = {
    map: null,
    cluster: null,
    // Maps and Sets, not plain objects: ids and codes come from the user's gazetteer, and an
    // id such as "__proto__" or "constructor" must be a key like any other.
    places: new Map(),  // id -> place record
    markers: new Map(), // id -> L.CircleMarker
    shapes: new Map(),  // ISO2 -> [L.Path] (country shapes of the basemap)
    countries: null,    // null = all; else a Set of ISO2 codes
    selected: null,
    bridge: null,
    drawn: false,
    qt: false
  };

  var STYLE = {
    shape: { color: "#8a8f98", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    shapeHighlight: { color: "#b3541e", weight: 1.5, fillColor: "#f7dcc4", fillOpacity: 1 },
    marker: { color: "#7a2e0e", weight: 1.5, fillColor: "#d9622b", fillOpacity: 0.75 },
    region: { color: "#1f4e79", weight: 1.5, fillColor: "#4a90c2", fillOpacity: 0.55 },
    selected: { color: "#111111", weight: 3, fillColor: "#ffcc00", fillOpacity: 0.9 }
  };

  function el(tag, cls, text, dir) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (dir) { node.dir = dir; }
    return node;
  }

  function tooltipNode(p) {
    var box = el("div", "explorer-tip");
    box.appendChild(el("div", "explorer-tip-ar", p.name_ar || "", "rtl"));
    box.appendChild(el("div", "explorer-tip-en", p.name || "", "ltr"));
    var mentions = p.count === 1 ? "1 mention" : p.count + " mentions";
    var articles = p.articles === 1 ? "1 article" : p.articles + " articles";
    box.appendChild(el("div", "explorer-tip-count", mentions + " · " + articles, "ltr"));
    return box;
  }

  function markerStyle(p) {
    var base = p.kind === "region" ? STYLE.region : STYLE.marker;
    return state.selected === p.id ? STYLE.selected : base;
  }

  function drawBasemap(map) {
    var topo = window.EXPLORER_BASEMAP;
    if (!topo || !window.topojson || !topo.objects) { return; }
    var key = topo.objects.countries ? "countries" : Object.keys(topo.objects)[0];
    var features = window.topojson.feature(topo, topo.objects[key]);
    L.geoJSON(features, {
      style: function () { return STYLE.shape; },
      interactive: false,
      onEachFeature: function (feature, layer) {
        var code = feature.properties && feature.properties.iso2;
        if (code) {
          if (!state.shapes.has(code)) { state.shapes.set(code, []); }
          state.shapes.get(code).push(layer);
        }
      }
    }).addTo(map);
  }

  function highlightShapes(p) {
    state.highlighted = [];
    state.shapes.forEach(function (layers) {
      layers.forEach(function (layer) { layer.setStyle(STYLE.shape); });
    });
    if (!p) { return; }
    var codes = p.kind === "region" ? (p.members || []) : (p.kind === "country" ? [p.country] : []);
    codes.forEach(function (code) {
      if (state.shapes.has(code)) { state.highlighted.push(code); }
      (state.shapes.get(code) || []).forEach(function (layer) { layer.setStyle(STYLE.shapeHighlight); });
    });
  }

  function select(id) {
    var previous = state.selected;
    state.selected = id;
    [previous, id].forEach(function (pid) {
      if (pid !== null && state.markers.has(pid)) {
        state.markers.get(pid).setStyle(markerStyle(state.places.get(pid)));
      }
    });
    highlightShapes(id !== null ? state.places.get(id) : null);
  }

  function onMarkerClick(id) {
    select(id);
    if (state.bridge) { state.bridge.placeClicked(id); }
  }

  function passesFilter(p) {
    return state.countries === null || (!!p.country && state.countries.has(p.country));
  }

  function applyFilter() {
    var keep = [];
    var drop = [];
    state.markers.forEach(function (marker, id) {
      (passesFilter(state.places.get(id)) ? keep : drop).push(marker);
    });
    state.cluster.removeLayers(drop);
    state.cluster.addLayers(keep.filter(function (m) { return !state.cluster.hasLayer(m); }));
    if (state.selected !== null && !passesFilter(state.places.get(state.selected))) { select(null); }
  }

  function fitToVisible() {
    var ids = visibleIds();
    if (!ids.length) { return; }
    var bounds = L.latLngBounds(ids.map(function (id) {
      return [state.places.get(id).lat, state.places.get(id).lon];
    }));
    state.map.fitBounds(bounds.pad(0.15), { maxZoom: 6, animate: false });
  }

  function visibleIds() {
    return markerIds().filter(function (id) {
      return state.cluster.hasLayer(state.markers.get(id));
    });
  }

  function markerIds() {
    return Array.from(state.markers.keys()).sort();
  }

  function announceReady() {
    if (state.drawn && window.explorer) { window.explorer.ready = true; }
    if (state.drawn && state.bridge) { state.bridge.mapReady(); }
  }

  function connectQt() {
    if (!window.QWebChannel || !window.qt || !window.qt.webChannelTransport) { return; }
    new window.QWebChannel(window.qt.webChannelTransport, function (channel) {
      state.bridge = channel.objects.bridge || null;
      announceReady();
    });
  }

  window.explorerInit = function (map, data, options) {
    state.map = map;
    state.qt = !!(options && options.qt);
    if (map.attributionControl) {
      // Leaflet's default prefix is a link to a remote site; credit without a link instead.
      map.attributionControl.setPrefix("Leaflet | Natural Earth");
    }
    // With no tile layer Leaflet has no zoom bounds, which marker clustering needs.
    map.setMinZoom(data.minZoom || 2);
    map.setMaxZoom(data.maxZoom || 12);
    drawBasemap(map);
    state.cluster = L.markerClusterGroup({
      maxClusterRadius: 28,
      disableClusteringAtZoom: Math.max(2, (data.maxZoom || 12) - 4),
      showCoverageOnHover: false
    });
    (data.places || []).forEach(function (p) {
      state.places.set(p.id, p);
      var marker = L.circleMarker([p.lat, p.lon], L.extend({ radius: p.radius || 7 }, markerStyle(p)));
      marker.bindTooltip(tooltipNode(p), { direction: "top", sticky: false });
      marker.on("click", function () { onMarkerClick(p.id); });
      state.markers.set(p.id, marker);
    });
    state.cluster.addLayers(Array.from(state.markers.values()));
    map.addLayer(state.cluster);
    fitToVisible();
    if (state.qt) { connectQt(); }
    map.whenReady(function () {
      // Two animation frames: the canvas has been painted once the second one runs.
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () {
          state.drawn = true;
          announceReady();
        });
      });
    });
  };

  window.explorer = {
    ready: false,
    /** Ids of every place that has a marker. */
    markerIds: markerIds,
    /** Ids of the markers the current country filter leaves on the map. */
    visibleIds: visibleIds,
    /** Restrict the markers to places in these ISO2 countries; null or [] shows all. */
    setCountries: function (codes) {
      if (!codes || !codes.length) {
        state.countries = null;
      } else {
        state.countries = new Set(codes.map(String));
      }
      applyFilter();
      fitToVisible();
      return visibleIds();
    },
    /** Click a marker as the user would (same handler, same bridge call). */
    clickPlace: function (id) {
      var marker = state.markers.get(id);
      if (!marker || !state.cluster.hasLayer(marker)) { return false; }
      marker.fire("click");
      return true;
    },
    /** Mark a place as selected without telling Python (Python selected it). */
    select: function (id) {
      if (id !== null && !state.markers.has(id)) { return false; }
      select(id);
      return true;
    },
    selected: function () { return state.selected; },
    /** ISO2 codes of the country shapes drawn highlighted (a selected region or country). */
    highlightedCountries: function () { return (state.highlighted || []).slice().sort(); },
    openTooltip: function (id) {
      var marker = state.markers.get(id);
      if (!marker || !state.cluster.hasLayer(marker)) { return false; }
      state.cluster.zoomToShowLayer(marker, function () { marker.openTooltip(); });
      marker.openTooltip();
      return true;
    },
    tooltipText: function (id) {
      var marker = state.markers.get(id);
      return marker ? marker.getTooltip().getContent().textContent : null;
    }
  };
})();
