/* The embedded timeline's behaviour. The page reads fine without it; this adds:
   - height reports to the host page (its resize script sets the iframe's height),
   - keyboard and button navigation between cards, and the start card,
   - the small map, when the page has one.
   Nothing here touches location or history: a host page's URL and back button
   must not change because a reader moved along the timeline. */
"use strict";
(function () {
  var root = document.documentElement;

  // The height goes to any parent ("*"): it is no secret, and the host's origin
  // is not known. A fixed-height embed reports the height it was asked for.
  var lastHeight = 0;
  function reportHeight() {
    if (window.parent === window) return;
    var fixed = root.classList.contains("fixed");
    var height = fixed ? window.innerHeight : Math.ceil(root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ type: "newsmap:height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener("load", reportHeight);
  reportHeight();

  var track = document.getElementById("nm-track");
  if (!track) return;
  var cards = Array.prototype.slice.call(track.querySelectorAll(".nm-card"));
  var axis = document.querySelector(".nm-axis");
  var dates = Array.prototype.slice.call(document.querySelectorAll(".nm-axis button"));
  var steps = Array.prototype.slice.call(document.querySelectorAll(".nm-step"));
  var position = document.querySelector(".nm-pos");
  var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var current = -1;
  var highlight = function () {};

  function groupOf(index) {
    var found = dates[0];
    dates.forEach(function (button) {
      if (Number(button.dataset.index) <= index) found = button;
    });
    return found;
  }

  // scrollTo on the scrolling boxes, never scrollIntoView: scrollIntoView would
  // also scroll the host page to bring the iframe into view.
  var aim = null; // where the track is being scrolled to by show(), until it gets there
  function scrollBox(box, left, smooth) {
    if (box === track) aim = Math.max(0, Math.min(left, track.scrollWidth - track.clientWidth));
    box.scrollTo({ left: left, behavior: smooth && !still ? "smooth" : "auto" });
  }

  function show(index, options) {
    options = options || {};
    index = Math.max(0, Math.min(cards.length - 1, index));
    var card = cards[index];
    if (index !== current) {
      if (cards[current]) cards[current].classList.remove("is-current");
      card.classList.add("is-current");
      current = index;
      var group = groupOf(index);
      dates.forEach(function (button) {
        button.setAttribute("aria-current", button === group ? "true" : "false");
      });
      if (group) scrollBox(axis, group.offsetLeft - axis.clientWidth / 3, options.smooth);
      steps[0].disabled = index === 0;
      steps[1].disabled = index === cards.length - 1;
      position.textContent = "Event " + (index + 1) + " of " + cards.length;
      highlight(card);
    }
    if (options.scroll !== false) scrollBox(track, card.offsetLeft - 3, options.smooth);
    if (options.focus) card.focus({ preventScroll: true });
  }

  steps.forEach(function (button) {
    button.addEventListener("click", function () {
      show(current + Number(button.dataset.step), { smooth: true });
    });
  });
  dates.forEach(function (button) {
    button.addEventListener("click", function () {
      show(Number(button.dataset.index), { smooth: true });
    });
  });

  var keys = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1, PageUp: -3, PageDown: 3 };
  track.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target;
    if (event.key in keys) target = current + keys[event.key];
    else if (event.key === "Home") target = 0;
    else if (event.key === "End") target = cards.length - 1;
    else return;
    event.preventDefault();
    show(target, { smooth: true, focus: true });
  });
  // A click or tap on a card makes it the current one (links still work).
  track.addEventListener("click", function (event) {
    var card = event.target.closest(".nm-card");
    if (card) show(Number(card.dataset.index), { scroll: false });
  });
  ["pointerdown", "wheel", "touchstart"].forEach(function (name) {
    track.addEventListener(name, function () { aim = null; }, { passive: true });
  });
  // Swiping or scrolling by hand: the card at the left edge becomes current.
  var settle;
  track.addEventListener("scroll", function () {
    clearTimeout(settle);
    settle = setTimeout(function () {
      var left = track.scrollLeft;
      // Our own scrolling, still on its way or just arrived: the current card is right.
      if (aim !== null) {
        if (Math.abs(left - aim) <= 2) aim = null;
        return;
      }
      var nearest = 0;
      cards.forEach(function (card, index) {
        if (Math.abs(card.offsetLeft - 3 - left) < Math.abs(cards[nearest].offsetLeft - 3 - left)) {
          nearest = index;
        }
      });
      // Only a current card scrolled out of sight gives way: at the end of the
      // row, say, the last cards are in view but cannot reach the left edge.
      var card = cards[current];
      var right = left + track.clientWidth;
      if (card && card.offsetLeft >= left - 4 && card.offsetLeft + card.offsetWidth <= right + 4) {
        return;
      }
      show(nearest, { scroll: false });
    }, 120);
  }, { passive: true });

  var mapData = document.getElementById("nm-map-data");
  if (mapData && window.L) highlight = drawMap(JSON.parse(mapData.textContent));

  show(Number(document.querySelector(".nm").dataset.start) || 0);

  function drawMap(data) {
    var map = L.map("nm-map", {
      scrollWheelZoom: false, keyboard: false, zoomSnap: 0.5, attributionControl: true
    });
    // Tiles may not load (offline, blocked): the water colour behind them and
    // the labelled dots still say where things happened.
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 12 }).addTo(map);
    if (window.newsmapBasemap) window.newsmapBasemap.add(map, data.basemap);
    var style = getComputedStyle(root);
    var dot = style.getPropertyValue("--dot").trim();
    var accent = style.getPropertyValue("--accent").trim();
    var markers = {};
    var bounds = [];
    data.places.forEach(function (place) {
      var marker = L.circleMarker([place[2], place[3]], {
        radius: 4, weight: 1, color: dot, fillColor: dot, fillOpacity: 0.6, interactive: false
      }).addTo(map);
      // A text node: Leaflet puts a string in as HTML, and place names are untrusted.
      marker.bindTooltip(document.createTextNode(place[1]), { direction: "top", offset: [0, -4] });
      markers[place[0]] = marker;
      bounds.push([place[2], place[3]]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 7 });
    else map.setView([20, 0], 1);
    var lit = [];
    return function (card) {
      lit.forEach(function (marker) {
        marker.setStyle({ radius: 4, color: dot, fillColor: dot }).closeTooltip();
      });
      lit = (card.dataset.places || "").split(" ").filter(Boolean).map(function (id) {
        return markers[id];
      }).filter(Boolean);
      lit.forEach(function (marker) {
        marker.setStyle({ radius: 7, color: accent, fillColor: accent }).bringToFront().openTooltip();
      });
    };
  }
})();
