/* The Place form's map: one draggable marker, kept in sync with the lat and lon
 * inputs both ways. Typing or pasting moves the marker; dragging fills the
 * inputs. A pasted "lat, lon" pair fills both inputs at once.
 */
(function () {
  "use strict";

  var DECIMALS = 6; // about 10 cm: more than any news report can claim

  function parse(value) {
    var number = parseFloat(String(value).replace(",", ".").trim());
    return isFinite(number) ? number : null;
  }

  function valid(lat, lon) {
    return lat !== null && lon !== null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }

  function setInput(input, value) {
    input.value = value.toFixed(DECIMALS).replace(/\.?0+$/, "");
    // Let anything else on the page (and the admin's unsaved-changes logic) see it.
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function loadNearby(map, url, layer, selfId) {
    if (!url || !window.fetch) return;
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (v) { return Math.max(-180, Math.min(180, v)).toFixed(4); });
    bbox[1] = Math.max(-90, bbox[1]); bbox[3] = Math.min(90, bbox[3]);
    fetch(url + "?limit=300&bbox=" + bbox.join(","), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.features) return;
        layer.clearLayers();
        data.features.forEach(function (feature) {
          var c = feature.geometry.coordinates;
          if (String(feature.properties.id) === selfId) return; // the marker is this place
          // A text node, not a string: Leaflet puts a string in as HTML, and
          // names are typed by editors and taken from articles.
          var name = document.createTextNode(feature.properties.name);
          L.circleMarker([c[1], c[0]], {
            radius: 4, color: "#555", weight: 1, fillColor: "#999", fillOpacity: 0.8,
            interactive: true
          }).bindTooltip(name, {
            permanent: data.features.length <= 25, direction: "right", className: "nearby-label"
          }).addTo(layer);
        });
      })
      .catch(function () { /* the nearby places are a help, not a need */ });
  }

  function graticule(map) {
    // Without a tile server the map is blank: lines every degree keep a sense of scale.
    var lines = L.layerGroup();
    for (var lat = -80; lat <= 80; lat += 1) {
      L.polyline([[lat, -180], [lat, 180]], { color: "#c9d3dd", weight: 1, interactive: false })
        .addTo(lines);
    }
    for (var lon = -180; lon <= 180; lon += 1) {
      L.polyline([[-85, lon], [85, lon]], { color: "#c9d3dd", weight: 1, interactive: false })
        .addTo(lines);
    }
    lines.addTo(map);
  }

  function init(container) {
    var latInput = document.getElementById(container.dataset.latInput);
    var lonInput = document.getElementById(container.dataset.lonInput);
    if (!latInput || !lonInput || typeof L === "undefined") return;

    var tiles = JSON.parse(container.dataset.tiles || "[]");
    var center = JSON.parse(container.dataset.center || "[30, 15]");
    var lat = parse(latInput.value), lon = parse(lonInput.value);
    var start = valid(lat, lon) ? [lat, lon] : center;

    var map = L.map(container, { worldCopyJump: true }).setView(start, valid(lat, lon) ? 8 : 3);
    if (tiles.length) {
      L.tileLayer(tiles[0].url, tiles[0].options).addTo(map);
    } else {
      container.classList.add("no-tiles");
      graticule(map);
    }
    if (window.newsmapBasemap) window.newsmapBasemap.add(map, container.dataset.basemap);
    var nearby = L.layerGroup().addTo(map);
    var marker = L.marker(start, {
      draggable: true, autoPan: true, title: "Drag to move the place", keyboard: true
    }).addTo(map);
    container.marker = marker; // for tests and the curious: the map's one marker
    container.map = map;

    marker.on("drag dragend", function () {
      var p = marker.getLatLng().wrap();
      setInput(latInput, p.lat);
      setInput(lonInput, p.lng);
    });
    marker.on("dragend", function () { map.panTo(marker.getLatLng()); });

    function fromInputs() {
      var lat = parse(latInput.value), lon = parse(lonInput.value);
      if (!valid(lat, lon)) return;
      marker.setLatLng([lat, lon]);
      map.panTo([lat, lon]);
    }

    function onPaste(event) {
      var text = (event.clipboardData || window.clipboardData).getData("text");
      var pair = text.match(/^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/);
      if (!pair) return;
      var lat = parse(pair[1]), lon = parse(pair[2]);
      if (!valid(lat, lon)) return;
      event.preventDefault();
      setInput(latInput, lat);
      setInput(lonInput, lon);
      fromInputs();
    }

    [latInput, lonInput].forEach(function (input) {
      input.addEventListener("input", fromInputs);
      input.addEventListener("change", fromInputs);
      input.addEventListener("paste", onPaste);
    });

    var refresh = function () { loadNearby(map, container.dataset.placesUrl, nearby, container.dataset.placeId); };
    map.on("moveend", refresh);
    refresh();
    // The admin may lay the form out after we ran (collapsed fieldsets, fonts).
    setTimeout(function () { map.invalidateSize(); }, 0);
  }

  function ready() {
    document.querySelectorAll(".place-map").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
