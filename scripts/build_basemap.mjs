// Build the offline basemap from world-atlas (Natural Earth 1:50m) TopoJSON.
//
// Run by scripts/build_web_assets.sh from inside its temporary npm folder (so the pinned
// packages resolve); not meant to be run by hand:
//
//     node build_basemap.mjs OUT_DIR
//
// Writes into OUT_DIR:
//   countries.js          window.EXPLORER_BASEMAP = <TopoJSON>;  every country geometry has
//                         properties {"iso2": ISO 3166-1 alpha-2 or null, "name": English name}
//   country_points.json   {"AF": [lat, lon], ...}: one point inside each ISO2's largest polygon
//                         (polylabel, precision 0.1 degree, rounded to 3 decimals)
//
// Output is deterministic: same package versions in, same bytes out.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import polylabel from "polylabel";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: node build_basemap.mjs OUT_DIR");
  process.exit(2);
}

const WORLD_ATLAS = require.resolve("world-atlas/countries-50m.json");
const WORLD_ATLAS_LOW = require.resolve("world-atlas/countries-110m.json");
const atlasVersion = require("world-atlas/package.json").version;
const isoVersion = require("i18n-iso-countries/package.json").version;
const polylabelVersion = require("polylabel/package.json").version;

// Geometries world-atlas leaves without a numeric ISO 3166-1 id. An ISO (or ISO-style
// user-assigned, widely used) alpha-2 where one exists, else null.
const NO_NUMERIC_ID = {
  Kosovo: "XK", // user-assigned code used by the EU, IMF, CLDR
  Somaliland: null, // no ISO code (ISO counts it in Somalia, SO)
  "N. Cyprus": null, // no ISO code (ISO counts it in Cyprus, CY)
  "Siachen Glacier": null, // disputed, no ISO code
  "Indian Ocean Ter.": null, // Christmas I. (CX) + Cocos (Keeling) Is. (CC) in one geometry
};

// Natural Earth's short names spelt out (the English name shown in tooltips).
const FULL_NAME = {
  "Antigua and Barb.": "Antigua and Barbuda",
  "Ashmore and Cartier Is.": "Ashmore and Cartier Islands",
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
  "British Virgin Is.": "British Virgin Islands",
  "Cayman Is.": "Cayman Islands",
  "Central African Rep.": "Central African Republic",
  "Cook Is.": "Cook Islands",
  "Dem. Rep. Congo": "Democratic Republic of the Congo",
  "Dominican Rep.": "Dominican Republic",
  "Eq. Guinea": "Equatorial Guinea",
  "Faeroe Is.": "Faroe Islands",
  "Falkland Is.": "Falkland Islands",
  "Fr. Polynesia": "French Polynesia",
  "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
  "Heard I. and McDonald Is.": "Heard Island and McDonald Islands",
  "Indian Ocean Ter.": "Australian Indian Ocean Territories",
  Macedonia: "North Macedonia",
  "Marshall Is.": "Marshall Islands",
  "N. Cyprus": "Northern Cyprus",
  "N. Mariana Is.": "Northern Mariana Islands",
  "Pitcairn Is.": "Pitcairn Islands",
  "S. Geo. and the Is.": "South Georgia and the South Sandwich Islands",
  "S. Sudan": "South Sudan",
  "Solomon Is.": "Solomon Islands",
  "St-Barthélemy": "Saint Barthélemy",
  "St-Martin": "Saint Martin",
  "St. Kitts and Nevis": "Saint Kitts and Nevis",
  "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
  "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
  "Turks and Caicos Is.": "Turks and Caicos Islands",
  "U.S. Virgin Is.": "United States Virgin Islands",
  "W. Sahara": "Western Sahara",
  "Wallis and Futuna Is.": "Wallis and Futuna",
  eSwatini: "Eswatini",
};

// Names, ISO codes and the antimeridian fix of one world-atlas file (the 1:50m shapes and the
// coarser 1:110m ones the page draws when zoomed out).
function prepare(file) {
  const topo = JSON.parse(fs.readFileSync(file, "utf8"));
  const geoms = topo.objects.countries.geometries;
  const unknownMissing = [];

  for (const g of geoms) {
    const neName = g.properties && g.properties.name;
    let iso2 = null;
    if (g.id !== undefined && g.id !== null) {
      iso2 = countries.numericToAlpha2(String(g.id)) || null;
      if (!iso2) unknownMissing.push(`${neName} (id ${g.id})`);
    } else if (Object.prototype.hasOwnProperty.call(NO_NUMERIC_ID, neName)) {
      iso2 = NO_NUMERIC_ID[neName];
    } else {
      unknownMissing.push(`${neName} (no id)`);
    }
    g.properties = { iso2, name: FULL_NAME[neName] || neName };
  }
  if (unknownMissing.length) {
    // A new world-atlas version added geometries this table does not know: decide, then rerun.
    console.error("geometries with no ISO mapping:", unknownMissing.join(", "));
    process.exit(1);
  }

  // ---- antimeridian ------------------------------------------------------------------------
  // world-atlas is made for d3-geo's spherical rendering, where an edge from lon 179.9 to
  // -180 is short. Leaflet draws straight lines in Web Mercator, so a ring that crosses the
  // antimeridian (Russia's Chukotka, Wrangel Island, one of Fiji's islands) would be drawn as
  // a band across the whole world. Such rings are unwrapped in the arcs themselves: the
  // points on the ring's minority side of the antimeridian move by 360 degrees (Chukotka ends
  // up at lon 180..190, beside the rest of Russia). A ring with an odd number of crossings
  // goes round a pole (Antarctica's degenerate cap along lat -89.999) and is left alone.
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const WORLD = Math.round(360 / sx); // quantized units in 360 degrees of longitude
  if (Math.abs(WORLD * sx - 360) > 1e-6) throw new Error(`360/scale is not an integer: ${360 / sx}`);

  const absArcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
  });
  const ringPoints = (ring) =>
    ring.flatMap((i, n) => {
      const pts = i < 0 ? absArcs[~i].slice().reverse() : absArcs[i];
      return n === 0 ? pts : pts.slice(1);
    });
  const jumps = (pts) => {
    let count = 0;
    for (let k = 1; k < pts.length; k++) if (Math.abs(pts[k][0] - pts[k - 1][0]) > WORLD / 2) count++;
    return count;
  };
  const allRings = []; // {geom, ring}
  for (const g of geoms) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    for (const poly of polys) for (const ring of poly) allRings.push({ g, ring });
  }
  const shiftArcs = new Map(); // abs arc index -> +1 (move west points east) | -1
  const unwrapped = [];
  for (const { g, ring } of allRings) {
    const pts = ringPoints(ring);
    const j = jumps(pts);
    if (j === 0 || j % 2 === 1) continue;
    const west = pts.filter(([x]) => x * sx + tx < 0).length;
    const dir = west <= pts.length - west ? +1 : -1;
    for (const i of ring) {
      const a = i < 0 ? ~i : i;
      if (shiftArcs.has(a) && shiftArcs.get(a) !== dir) throw new Error(`arc ${a}: conflicting shifts`);
      shiftArcs.set(a, dir);
    }
    unwrapped.push(g.properties.name);
  }
  const moves = (a, [x]) => {
    const lon = x * sx + tx;
    return shiftArcs.get(a) === +1 ? lon < 0 : lon > 0;
  };
  for (const { g, ring } of allRings) {
    // An arc shared with a ring that is not unwrapped must not have points that would move.
    for (const i of ring) {
      const a = i < 0 ? ~i : i;
      if (!shiftArcs.has(a)) continue;
      const owned = ring.every((k) => shiftArcs.has(k < 0 ? ~k : k));
      if (!owned && absArcs[a].some((p) => moves(a, p))) {
        throw new Error(`arc ${a} of ${g.properties.name} is shared across the antimeridian fix`);
      }
    }
  }
  for (const [a, dir] of shiftArcs) {
    absArcs[a] = absArcs[a].map((p) => (moves(a, p) ? [p[0] + dir * WORLD, p[1]] : p));
  }
  topo.arcs = absArcs.map((arc) => {
    let px = 0;
    let py = 0;
    return arc.map(([x, y]) => {
      const d = [x - px, y - py];
      px = x;
      py = y;
      return d;
    });
  });
  for (const { g, ring } of allRings) {
    const j = jumps(ringPoints(ring));
    if (j && j % 2 === 0) throw new Error(`${g.properties.name}: ring still crosses the antimeridian`);
  }
  // The `land` object (the union of all countries) is not used by the page: dropped, which also
  // keeps its rings out of the antimeridian fix. Only the country arcs remain referenced.
  delete topo.objects.land;
  {
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const arc of absArcs) for (const [x] of arc) (x0 = Math.min(x0, x)), (x1 = Math.max(x1, x));
    topo.bbox = [x0 * sx + tx, topo.bbox[1], x1 * sx + tx, topo.bbox[3]].map(
      (v) => Math.round(v * 1e6) / 1e6,
    );
  }

  return { topo, unwrapped };
}
const { topo, unwrapped } = prepare(WORLD_ATLAS);
const low = prepare(WORLD_ATLAS_LOW);
// ---- representative points --------------------------------------------------------------
// Computed in Web Mercator (what Leaflet displays), with y in degree-like units, so the
// point is the visual centre of the largest polygon as drawn and polylabel's precision of
// 0.1 is about 0.1 degree of longitude.
const LAT_MAX = 85.0511287798;
const mercY = (lat) => {
  const phi = (Math.max(-LAT_MAX, Math.min(LAT_MAX, lat)) * Math.PI) / 180;
  return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
};
const invMercY = (y) => (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI;
const toMerc = (poly) => poly.map((ring) => ring.map(([lon, lat]) => [lon, mercY(lat)]));

function ringArea(ring) {
  // Shoelace in the sinusoidal projection (x = lon * cos(lat), y = lat), which is
  // equal-area: ranks an island at 78N against a mainland at 60N fairly.
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x1 = ring[j][0] * Math.cos((ring[j][1] * Math.PI) / 180);
    const x2 = ring[i][0] * Math.cos((ring[i][1] * Math.PI) / 180);
    a += x1 * ring[i][1] - x2 * ring[j][1];
  }
  return Math.abs(a) / 2;
}

function polygonArea(poly) {
  // Rings are unwrapped, so shift each one next to lon 0 first (sinusoidal x depends on lon).
  const lon0 = poly[0][0][0];
  const shifted = poly.map((r) => r.map(([x, y]) => [x - lon0, y]));
  return shifted.reduce((acc, ring, i) => acc + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

function inRing(pt, ring) {
  const [x, y] = pt;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(pt, poly) {
  return inRing(pt, poly[0]) && !poly.slice(1).some((hole) => inRing(pt, hole));
}

const fc = topojson.feature(topo, topo.objects.countries);
const largest = new Map(); // iso2 -> {area, poly}
for (const f of fc.features) {
  const iso2 = f.properties.iso2;
  if (!iso2 || !f.geometry) continue;
  const polys =
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    const area = polygonArea(poly);
    const best = largest.get(iso2);
    if (!best || area > best.area) largest.set(iso2, { area, poly });
  }
}

const r3 = (v) => Math.round(v * 1000) / 1000 + 0; // + 0 turns -0 into 0
const wrapLon = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
const points = {};
const notInside = [];
for (const iso2 of [...largest.keys()].sort()) {
  const merc = toMerc(largest.get(iso2).poly);
  let found = null;
  for (const precision of [0.1, 0.01, 0.001]) {
    // A sliver thinner than the precision (or the rounding) can put it outside: go finer.
    const [x, y] = polylabel(merc, precision);
    const lon = r3(x);
    const lat = r3(invMercY(y));
    if (inPolygon([lon, mercY(lat)], merc)) {
      found = [lat, r3(wrapLon(lon))];
      break;
    }
  }
  if (!found) notInside.push(iso2);
  else points[iso2] = found;
}
if (notInside.length) {
  console.error("representative point not inside its polygon for:", notInside.join(", "));
  process.exit(1);
}

// ---- write ------------------------------------------------------------------------------
fs.mkdirSync(outDir, { recursive: true });
const header =
  `/* Offline basemap: Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON,\n` +
  ` * from world-atlas@${atlasVersion} (ISC); ISO 3166-1 alpha-2 codes from ` +
  `i18n-iso-countries@${isoVersion} (MIT).\n` +
  ` * Generated by scripts/build_web_assets.sh - do not edit. Decode with topojson-client:\n` +
  ` *   topojson.feature(EXPLORER_BASEMAP, EXPLORER_BASEMAP.objects.countries)\n` +
  ` * Each country geometry has properties {"iso2": "FR" | null, "name": "France"}. */\n`;
fs.writeFileSync(
  path.join(outDir, "countries.js"),
  header + "window.EXPLORER_BASEMAP = " + JSON.stringify(topo) + ";\n",
);
fs.writeFileSync(
  path.join(outDir, "countries_110m.js"),
  header.replace("1:50m", "1:110m").replace(/EXPLORER_BASEMAP/g, "EXPLORER_BASEMAP_LOW") +
    "window.EXPLORER_BASEMAP_LOW = " + JSON.stringify(low.topo) + ";\n",
);
fs.writeFileSync(
  path.join(outDir, "country_points.json"),
  "{\n" +
    Object.keys(points)
      .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(points[k])}`)
      .join(",\n") +
    "\n}\n",
);

const nulls = fc.features.filter((f) => !f.properties.iso2).map((f) => f.properties.name);
console.log(
  `basemap: ${fc.features.length} country features, ${Object.keys(points).length} iso2 points, ` +
    `${nulls.length} with iso2 null (${nulls.join(", ")}); antimeridian unwrapped: ` +
    `${unwrapped.join(", ") || "none"} (1:110m: ${low.unwrapped.join(", ") || "none"}); ` +
    `polylabel@${polylabelVersion}`,
);
