/* The standalone map's own parts (explorer.mapdoc: `explorer map --html`, the HTML export): a
 * heading with the title and the filter, and a popup on each marker with the passages that
 * mention the place. map.js builds the map and its legend; this file only adds to it.
 *
 * The document arrives as escaped JSON: {title, filter: [text], made, noFilter,
 * passages: [[placeId, {total, items: [{title, date, outlet, file, text}]}], ...]} (pairs, not
 * an object: a place id such as "__proto__" is a key like any other in a Map). Every string is
 * put into the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    e.dir = "auto";
    return e;
  }

  var passages = new Map();
  var words = {};

  function popupNode(id) {
    var box = el("div", "explorer-popup");
    var place = window.explorer && window.explorer.place(id);
    if (place) {
      var name = [place.name_ar, place.name].filter(function (x) { return !!x; }).join(" · ");
      box.appendChild(el("div", "explorer-popup-name", name));
    }
    var entry = passages.get(id);
    if (!entry || !entry.items.length) {
      box.appendChild(el("div", "explorer-popup-none", words.none || "No passage"));
      return box;
    }
    entry.items.forEach(function (p) {
      var item = el("div", "explorer-popup-passage");
      var meta = [p.title, p.date, p.outlet, p.file].filter(function (x) { return !!x; });
      item.appendChild(el("div", "explorer-popup-meta", meta.join(" · ")));
      item.appendChild(el("div", "explorer-popup-text", p.text));
      box.appendChild(item);
    });
    if (entry.total > entry.items.length) {
      var more = (words.more || "{shown} of {total} passages shown")
        .replace("{shown}", String(entry.items.length)).replace("{total}", String(entry.total));
      box.appendChild(el("div", "explorer-popup-more", more));
    }
    return box;
  }

  window.explorerDocument = function (map, doc) {
    words = doc.words || {};
    (doc.passages || []).forEach(function (pair) { passages.set(pair[0], pair[1]); });
    if (doc.title) { document.title = doc.title; }
    var Heading = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "explorer-heading");
        box.appendChild(el("div", "explorer-heading-title", doc.title));
        var filter = (doc.filter || []).join(" · ") || words.noFilter || "";
        box.appendChild(el("div", "explorer-heading-filter", filter));
        if (doc.made) { box.appendChild(el("div", "explorer-heading-made", doc.made)); }
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Heading().addTo(map);
    // Each marker, as the map adds it (alone or out of a cluster), opens its passages.
    map.on("layeradd", function (e) {
      var layer = e.layer;
      if (!layer || !layer.placeId || layer.getPopup()) { return; }
      layer.bindPopup(function () { return popupNode(layer.placeId); },
                      { maxWidth: 380, maxHeight: 320, autoPanPadding: [20, 20] });
    });
  };

  /** The popup's text of a place (tests). */
  window.explorerPopupText = function (id) { return popupNode(id).textContent; };
})();
