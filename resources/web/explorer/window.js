/* Creates the window's map (the same options as the standalone page's, explorer/mapdoc.py)
 * and hands it to map.js, which connects to Qt through the QWebChannel. */
(function () {
  "use strict";
  var map = L.map("map", {
    center: [30.0, 50.0],
    zoom: 3,
    zoomControl: true,
    preferCanvas: true,
    worldCopyJump: true
  });
  // The scale bar (map.js: its units in the interface's language) is wide enough that the
  // shortest bar (half the widest) holds its longest text ("1000 mi").
  // Zoom 1 (the world 512 px wide): places from America to East Asia fit a small map, clear
  // of the legend and the buttons.
  window.explorerInit(map, { minZoom: 1, maxZoom: 12 }, { qt: true, scale: { maxWidth: 180 } });
})();
