/* The offline basemap: land and country borders from Natural Earth (world-atlas,
 * public domain), drawn under the markers on the reader's map, the embed's map
 * and the editor's place map, so that each reads as a map with no tile server.
 * Tiles, when they load, are drawn on top of it.
 *
 *   newsmapBasemap.add(map, url)  ->  a promise, resolved once drawn (or not)
 *
 * Needs Leaflet and topojson-client (its global `topojson`) loaded first.
 */
(function () {
  "use strict";

  var loads = {};

  function load(url) {
    if (!loads[url]) {
      loads[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("basemap " + response.status);
        return response.json();
      });
    }
    return loads[url];
  }

  // A pane below the tiles (200) and the markers (400), which ignores the pointer.
  function basemapPane(map) {
    var pane = map.getPane("basemap") || map.createPane("basemap");
    pane.style.zIndex = 150;
    pane.style.pointerEvents = "none";
    return "basemap";
  }

  function add(map, url) {
    if (!url || !window.fetch || !window.topojson || !window.L) return Promise.resolve(false);
    var pane = basemapPane(map);
    return load(url)
      .then(function (world) {
        var land = window.topojson.feature(world, world.objects.land);
        var borders = window.topojson.mesh(world, world.objects.countries, function (a, b) {
          return a !== b;
        });
        var renderer = L.svg({ pane: pane, padding: 0.5 });
        var common = { pane: pane, renderer: renderer, interactive: false, className: "basemap" };
        L.geoJSON(land, Object.assign({
          style: { stroke: false, fillColor: "#f8f6f1", fillOpacity: 1 }
        }, common)).addTo(map);
        L.geoJSON(borders, Object.assign({
          style: { color: "#b8b2a6", weight: 0.8, opacity: 1, fill: false }
        }, common)).addTo(map);
        map.getContainer().classList.add("has-basemap");
        return true;
      })
      .catch(function () {
        return false; // the graticule and the markers still show where things are
      });
  }

  window.newsmapBasemap = { add: add };
})();
