/* The layer "choropleth": the country shapes of the basemap (Natural Earth, public domain)
 * coloured by the mentions of the places in each country under the filter.
 *
 * Its data (layerData.choropleth, explorer/map_layers.py): [[ISO2, mentions], ...] of the
 * countries with mentions, from the view's data. Five classes on a logarithmic scale, from
 * one mention to the most mentioned country; a country with none keeps the basemap's colour. */
(function () {
  "use strict";

  var COLOURS = ["#edf8fb", "#b3cde3", "#8c96c6", "#8856a7", "#810f7c"];
  var counts = new Map();
  var largest = 0;
  var drawn = false;

  function classOf(n) {
    if (largest <= 1) { return COLOURS.length - 1; }
    var k = Math.floor(COLOURS.length * Math.log(n) / Math.log(largest + 1e-9));
    return Math.max(0, Math.min(COLOURS.length - 1, k));
  }

  /** The smallest count of each class (the legend's numbers). */
  function lowerBounds() {
    return COLOURS.map(function (_, k) {
      return largest <= 1 ? 1 : Math.max(1, Math.ceil(Math.pow(largest, k / COLOURS.length)));
    });
  }

  window.explorerLayers.register("choropleth", {
    apply: function (ctx) {
      counts = new Map();
      largest = 0;
      (Array.isArray(ctx.data) ? ctx.data : []).forEach(function (row) {
        if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "number") {
          return;
        }
        counts.set(row[0], row[1]);
        largest = Math.max(largest, row[1]);
      });
      ctx.paintShapes(function (code) {
        var n = counts.get(code);
        return n ? { fillColor: COLOURS[classOf(n)] } : null;
      });
      drawn = true;
    },
    clear: function (ctx) {
      counts = new Map();
      largest = 0;
      ctx.paintShapes(null);
      drawn = false;
    },
    legend: function (ctx) {
      var box = ctx.el("div", "", "");
      box.appendChild(ctx.el("div", "explorer-legend-note",
                             ctx.word("Country colour: mentions of the places in it")));
      var row = ctx.el("div", "explorer-legend-row explorer-legend-classes", "");
      var bounds = lowerBounds();
      COLOURS.forEach(function (colour, k) {
        if (k > 0 && bounds[k] === bounds[k - 1]) { return; }
        var dot = ctx.el("span", "explorer-legend-dot", "");
        dot.style.width = dot.style.height = "10px";
        dot.style.borderRadius = "2px";
        dot.style.background = colour;
        row.appendChild(dot);
        row.appendChild(ctx.el("span", "", bounds[k].toLocaleString("en") + "+"));
      });
      box.appendChild(row);
      return box;
    },
    info: function () {
      return { drawn: drawn, countries: counts.size, largest: largest,
               colours: COLOURS.slice() };
    }
  });
})();
