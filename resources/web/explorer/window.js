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
  // Wide enough that the shortest bar (half the widest) holds its longest text ("1000 mi").
  L.control.scale({ maxWidth: 180 }).addTo(map);
  window.explorerInit(map, { minZoom: 2, maxZoom: 12 }, { qt: true });
})();
