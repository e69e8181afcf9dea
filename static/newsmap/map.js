// The reader's map: every event is loaded once in columns, filtered by time in
// the browser with binary search, and drawn as one canvas circle per place.
// A slider step restyles only the places whose look changed.
//
// Article text is untrusted: everything from the data goes into the page
// through textContent or attributes, never through innerHTML.

import {
  CLUSTER_BELOW_ZOOM,
  CLUSTER_MAX_RADIUS_PX,
  CLUSTER_RADIUS_PX,
  ClusterMarkers,
  clusterPlaces,
} from "./clusters.js";
import { SPAN_MARGIN_DAYS, backgroundFlags, newsSpan, splitBySpan, stepTarget } from "./timeaxis.js";

const config = JSON.parse(document.getElementById("map-config").textContent);

const DAY_MS = 86400000;
const WINDOW_DAYS = config.windowDays; // {day: 1, week: 7, month: 30}, from the server
const WINDOWS = ["day", "week", "month", "all"];
const DEFAULT_WINDOW = "week";
// Events longer than this are kept aside and scanned one by one, so the
// binary search over start days only has to look back this far.
const LONG_EVENT_DAYS = 31;
// More list items than this make every step slow and nobody reads them.
const LIST_LIMIT = 300;
const LABEL_COUNT = 6;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

// --- dates, as whole days since 1970-01-01 (UTC) -----------------------------------------

function utc(day) {
  return new Date(day * DAY_MS);
}

function readableDay(day) {
  const d = utc(day);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function isoDay(day) {
  return utc(day).toISOString().slice(0, 10);
}

function parseIsoDay(text) {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

function readableRange(first, last) {
  if (first === last) return readableDay(first);
  const a = utc(first);
  const b = utc(last);
  const end = `${b.getUTCDate()} ${MONTHS[b.getUTCMonth()]} ${b.getUTCFullYear()}`;
  if (a.getUTCFullYear() !== b.getUTCFullYear()) {
    return `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()]} ${a.getUTCFullYear()} – ${end}`;
  }
  if (a.getUTCMonth() !== b.getUTCMonth()) {
    return `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()]} – ${end}`;
  }
  return `${a.getUTCDate()}–${end}`;
}

// First index whose value is >= target (or > target when `after`).
function bisect(values, target, after = false) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < target || (after && values[mid] === target)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

// One formatter: Number.toLocaleString makes a new one on every call, which a
// step that relabels a hundred clusters would feel.
const NUMBER = new Intl.NumberFormat("en-GB");

function plural(n, word) {
  return `${NUMBER.format(n)} ${word}${n === 1 ? "" : "s"}`;
}

// --- state ---------------------------------------------------------------------------------

const state = {
  t: null,
  window: DEFAULT_WINDOW,
  article: null,
  place: null,
  q: "",
  view: null, // {zoom, lat, lon}
  playing: false,
  speed: 1,
  loop: false,
};

let data = null; // the columns, see load()
let span = { first: 0, last: 0 };
let mask = null; // 1 for events that pass the filters
let placeHasEvents = null; // 1 for places with an event that passes the filters
let longEvents = [];
let windowEvents = []; // the window's events of its own precision: the map and the list
let longerEvents = []; // longer spans overlapping the window, set apart in the list
let backgroundMask = null; // 1 for background events (history, forecasts) that pass the filters
let urlProblems = []; // what the address asked for that could not be shown
let listKey = "";
let selectedPlace = null;
let selectedEvent = null;
let timer = null;
let urlTimer = null;

// A value the address gives that cannot be read is named in a notice, and the
// default is used instead.
function readParam(params, name, parse, expected) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return null;
  const value = parse(raw.trim());
  if (value === null) urlProblems.push(`${name}=${raw} is not ${expected}`);
  return value;
}

function parseId(text) {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

function parseView(text) {
  const view = text.split("/").map(Number);
  return view.length === 3 && view.every(Number.isFinite) && Math.abs(view[1]) <= 90
    ? { zoom: view[0], lat: view[1], lon: view[2] }
    : null;
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  urlProblems = [];
  state.t = readParam(params, "t", parseIsoDay, "a date (YYYY-MM-DD)");
  const windowName = (w) => (WINDOWS.includes(w) ? w : null);
  state.window = readParam(params, "window", windowName, `one of ${WINDOWS.join(", ")}`) || DEFAULT_WINDOW;
  state.article = readParam(params, "article", parseId, "an article number");
  state.place = readParam(params, "place", parseId, "a place number");
  state.q = (params.get("q") || "").trim();
  // `view` was once `map`, which the embed reads as its map switch: old links still work.
  const legacy = (params.get("map") || "").includes("/") ? "map" : null;
  state.view = readParam(params, params.has("view") ? "view" : legacy || "view", parseView, "zoom/lat/lon");
}

function stateParams({ withView = true } = {}) {
  const params = new URLSearchParams();
  if (state.t !== null) params.set("t", isoDay(state.t));
  params.set("window", state.window);
  if (state.article !== null) params.set("article", String(state.article));
  if (state.place !== null) params.set("place", String(state.place));
  if (state.q) params.set("q", state.q);
  if (withView && state.view) {
    const { zoom, lat, lon } = state.view;
    params.set("view", `${zoom}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  }
  return params;
}

// What the embed is asked for: the same filters, and the window as a span of days.
function embedParams() {
  const params = new URLSearchParams();
  if (state.article !== null) params.set("article", String(state.article));
  if (state.place !== null) params.set("place", String(state.place));
  if (state.q) params.set("q", state.q);
  if (data && state.t !== null && state.window !== "all") {
    const [first, last] = windowRange();
    params.set("start", isoDay(first));
    params.set("end", isoDay(last));
  }
  params.set("map", "true");
  return params;
}

// Browsers throttle history updates; while playing the URL is written at most
// a few times a second.
function writeUrlSoon() {
  window.clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => {
    const query = stateParams().toString();
    window.history.replaceState(null, "", `${window.location.pathname}?${query}`);
  }, 200);
}

// --- the page's parts ------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);
const ui = {
  slider: $("time"),
  dateLabel: $("date-label"),
  windowLabel: $("window-label"),
  play: $("play"),
  playLabel: $("play-label"),
  back: $("step-back"),
  forward: $("step-forward"),
  speed: $("speed"),
  loop: $("loop"),
  windowChoice: $("window-choice"),
  list: $("timeline"),
  listScroll: $("timeline-scroll"),
  listEmpty: $("timeline-empty"),
  summary: $("timeline-summary"),
  status: $("map-status"),
  article: $("filter-article"),
  place: $("filter-place"),
  q: $("filter-q"),
  clear: $("filter-clear"),
  filters: $("filters"),
  histogram: $("histogram"),
  histogramWindow: $("histogram-window"),
  notice: $("url-notice"),
  player: $("player"),
};

// --- the map ---------------------------------------------------------------------------------

const map = L.map("map", {
  center: config.center,
  zoom: config.zoom,
  minZoom: 2,
  worldCopyJump: true,
  preferCanvas: true,
  zoomControl: true,
});
// Leaflet's canvas renderer, drawing each circle from a small bitmap made once
// per look (size, colours, outline) instead of tracing and filling an arc: a
// slider step restyles most places and redraws them all, and without a GPU
// rasterising two thousand arcs took longer than the rest of the step.
const circleSprites = new Map();

function circleSprite(options, radius) {
  const stroke = options.stroke && options.weight > 0 && options.opacity > 0;
  const key = `${radius}|${options.fill ? `${options.fillColor}|${options.fillOpacity}` : "-"}|${
    stroke ? `${options.color}|${options.opacity}|${options.weight}` : "-"
  }`;
  let sprite = circleSprites.get(key);
  if (sprite) return sprite;
  if (circleSprites.size > 2000) circleSprites.clear();
  const scale = L.Browser.retina ? 2 : 1;
  const half = radius + Math.ceil(stroke ? options.weight : 0) + 1;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 2 * half * scale;
  const ctx = canvas.getContext("2d");
  ctx.scale(scale, scale);
  ctx.beginPath();
  ctx.arc(half, half, radius, 0, Math.PI * 2, false);
  if (options.fill) {
    ctx.globalAlpha = options.fillOpacity;
    ctx.fillStyle = options.fillColor || options.color;
    ctx.fill(options.fillRule || "evenodd");
  }
  if (stroke) {
    ctx.globalAlpha = options.opacity;
    ctx.lineWidth = options.weight;
    ctx.strokeStyle = options.color;
    ctx.stroke();
  }
  sprite = { canvas, half };
  circleSprites.set(key, sprite);
  return sprite;
}

const SpriteCanvas = L.Canvas.extend({
  _updateCircle(layer) {
    if (!this._drawing || layer._empty()) return;
    const radius = Math.max(Math.round(layer._radius), 1);
    // Kept on the layer until its style changes (updateMarkers clears it).
    if (!layer._sprite || layer._spriteRadius !== radius) {
      layer._sprite = circleSprite(layer.options, radius);
      layer._spriteRadius = radius;
    }
    const sprite = layer._sprite;
    const p = layer._point;
    const size = 2 * sprite.half;
    this._ctx.globalAlpha = 1;
    this._ctx.drawImage(
      sprite.canvas,
      Math.round(p.x) - sprite.half,
      Math.round(p.y) - sprite.half,
      size,
      size,
    );
  },
});
const renderer = new SpriteCanvas({ padding: 0.1 });

map.attributionControl.setPrefix(false);
// Without network the tiles fail: after a few failures and no success the
// layer is taken off (no more doomed requests on every pan) and the page says
// so; the graticule and place names keep the markers readable as a map. It
// comes back when the browser reports the network again.
const TILE_FAILURES_TO_GIVE_UP = 4;
for (const tile of config.tiles.slice(0, 1)) {
  const layer = L.tileLayer(tile.url, { attribution: tile.attribution, maxZoom: 18 });
  let failures = 0;
  let loads = 0;
  layer.on("tileerror", () => {
    failures += 1;
    if (loads === 0 && failures >= TILE_FAILURES_TO_GIVE_UP && map.hasLayer(layer)) {
      map.getContainer().classList.add("tiles-offline");
      map.removeLayer(layer);
    }
  });
  layer.on("tileload", () => {
    loads += 1;
    map.getContainer().classList.remove("tiles-offline");
  });
  window.addEventListener("online", () => {
    if (map.hasLayer(layer)) return;
    failures = 0;
    map.getContainer().classList.remove("tiles-offline");
    layer.addTo(map);
  });
  layer.addTo(map);
}

function addGraticule() {
  const lines = [];
  for (let lat = -80; lat <= 80; lat += 10) lines.push([[lat, -180], [lat, 180]]);
  for (let lon = -180; lon <= 180; lon += 10) lines.push([[-85, lon], [85, lon]]);
  // Its own renderer: on the markers' canvas it was redrawn with them on every step.
  L.polyline(lines, {
    renderer: L.svg({ padding: 0.5 }),
    interactive: false,
    color: "#94a3b8",
    weight: 0.6,
    opacity: 0.5,
    className: "graticule",
  }).addTo(map);
}
addGraticule();
window.newsmapBasemap.add(map, config.basemapUrl);

const OfflineNote = L.Control.extend({
  onAdd() {
    return el("div", "offline-note", "Map tiles are unavailable: showing country outlines.");
  },
});
new OfflineNote({ position: "bottomleft" }).addTo(map);

const EmbedControl = L.Control.extend({
  onAdd() {
    const button = el("button", "embed-button", "Embed");
    button.type = "button";
    button.id = "embed";
    button.title = "Embed this map in an article (opens in a new tab)";
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener("click", () => {
      const url = `${config.embedUrl}?${embedParams().toString()}`;
      window.open(url, "_blank", "noopener");
    });
    return button;
  },
});
new EmbedControl({ position: "topright" }).addTo(map);

const markerLayer = L.layerGroup().addTo(map);
let markers = [];
let markerKeys = null;
// Permanent name labels by place index, and one label for the place under the pointer.
// The permanent ones are a fixed set of plain markers moved from place to place: a
// tooltip measures itself (a forced layout) every time it is placed, on every step.
const labels = new Map();
const labelPool = [];
const hoverLabel = L.tooltip({ direction: "right", offset: [6, 0], className: "place-label", opacity: 1 });
const popup = L.popup({ maxWidth: 340, minWidth: 240, autoPanPadding: [24, 24] });

// How much of the map's foot the player covers: on a wide screen it floats over
// the map (and wraps to two rows on a narrow one), on a phone it sits below it
// (none). The offline note, popups and the first view keep clear of it.
let playerClearance = 0;

function measurePlayer() {
  const overlays = window.getComputedStyle(ui.player).position === "absolute";
  const mapBox = map.getContainer().getBoundingClientRect();
  playerClearance = overlays ? Math.max(0, Math.ceil(mapBox.bottom - ui.player.getBoundingClientRect().top)) : 0;
  map.getContainer().style.setProperty("--player-clearance", `${playerClearance}px`);
  popup.options.autoPanPaddingBottomRight = [24, playerClearance + 24];
  // …and below the controls along the top (zoom, Embed), which are drawn over popups.
  let controlsBottom = 0;
  for (const control of map.getContainer().querySelectorAll(".leaflet-top .leaflet-control")) {
    controlsBottom = Math.max(controlsBottom, control.getBoundingClientRect().bottom - mapBox.top);
  }
  popup.options.autoPanPaddingTopLeft = [24, Math.ceil(controlsBottom) + 12];
  // A popup taller than the room between them scrolls inside, or part would be hidden.
  popup.options.maxHeight = Math.max(160, Math.floor(mapBox.height - controlsBottom - playerClearance - 70));
  // A popup narrower than a phone's map, with room either side for the auto-pan's padding.
  popup.options.maxWidth = Math.max(200, Math.min(340, mapBox.width - 100));
  popup.options.minWidth = Math.min(240, popup.options.maxWidth);
}
measurePlayer();
if (window.ResizeObserver) new ResizeObserver(measurePlayer).observe(ui.player);
window.addEventListener("resize", measurePlayer);

map.on("moveend", () => {
  const c = map.getCenter();
  state.view = { zoom: map.getZoom(), lat: c.lat, lon: L.Util.wrapNum(c.lng, [-180, 180], true) };
  writeUrlSoon();
});

// --- loading ---------------------------------------------------------------------------------

function showStatus(kind, message, action) {
  ui.status.replaceChildren();
  ui.status.hidden = kind === null;
  ui.status.dataset.kind = kind || "";
  if (kind === null) return;
  const box = el("div", "status-box");
  if (kind === "loading") box.append(el("span", "spinner"));
  box.append(el("p", "status-text", message));
  if (action) {
    const button = el("button", "button", action.label);
    button.type = "button";
    button.addEventListener("click", action.run);
    box.append(button);
  }
  ui.status.append(box);
}

async function fetchEvents(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(` (the server answered ${response.status})`);
  return response.json();
}

function showLoadError(error, what, retry) {
  // A network or parse failure's own message means nothing to a reader.
  const detail = error.message.startsWith(" (") ? error.message : "";
  showStatus("error", `${what} could not be loaded${detail}. Check the connection and try again.`, {
    label: "Try again",
    run: retry,
  });
}

// The window the page named and preloaded, when the address asks for it; null
// when the map must load everything first (filters, the whole span, no news).
function firstWindow() {
  const first = config.firstWindow;
  if (!first || state.article !== null || state.place !== null || state.q) return null;
  if (state.window !== first.window) return null;
  if (state.t !== null && isoDay(state.t) !== first.t) return null;
  return first;
}

// Everything is complete once the rest of the events (after the first window's) are in.
let complete = false;

async function load() {
  showStatus("loading", "Loading events…");
  const first = firstWindow();
  try {
    // The page preloads the first URL while the scripts load; a plain fetch reuses it.
    prepare(await fetchEvents(first ? first.url : config.eventsUrl));
  } catch (error) {
    showLoadError(error, "The events", load);
    return;
  }
  if (!first && data.n === 0) {
    showStatus(
      "empty",
      "No events yet. Ingest some articles (manage.py ingest) and they will appear here.",
    );
    ui.summary.textContent = "Nothing to show yet.";
    return;
  }
  showStatus(null);
  if (!first) {
    start();
    return;
  }
  startWithWindow(first);
  await loadRest();
}

async function loadRest() {
  let payload;
  try {
    payload = await fetchEvents(config.eventsUrl);
  } catch (error) {
    showLoadError(error, "The other days' events", loadRest);
    return;
  }
  showStatus(null);
  replaceData(payload);
}

function prepare(payload) {
  const e = payload.events;
  const n = e.id.length;
  data = {
    n,
    id: e.id,
    start: Int32Array.from(e.start),
    end: Int32Array.from(e.end),
    precision: e.precision,
    dateText: e.date_text,
    text: e.text,
    lowerText: null,
    article: Int32Array.from(e.article),
    places: e.places,
    place: payload.places,
    articleInfo: payload.articles,
    placeIndexById: new Map(payload.places.id.map((id, i) => [id, i])),
    articleIndexById: new Map(payload.articles.id.map((id, i) => [id, i])),
    eventIndexById: new Map(e.id.map((id, i) => [id, i])),
    placeTotal: new Int32Array(payload.places.id.length),
    pubDay: Int32Array.from(payload.articles.published, parseIsoDay),
  };
  data.background = backgroundFlags(data.start, data.end, data.article, data.pubDay, config.backgroundDays);
  longEvents = [];
  for (let i = 0; i < n; i += 1) {
    if (data.end[i] - data.start[i] > LONG_EVENT_DAYS) longEvents.push(i);
    if (data.background[i]) continue;
    for (const p of data.places[i]) data.placeTotal[p] += 1;
  }
}

// --- filters ---------------------------------------------------------------------------------

function fillFilterChoices() {
  const a = data.articleInfo;
  const order = a.id.map((_, i) => i).sort((x, y) => (a.published[x] < a.published[y] ? 1 : -1));
  for (const i of order) {
    const day = parseIsoDay(a.published[i]);
    const label = `${readableDay(day)} · ${a.source[i] || "Unknown source"} — ${a.title[i] || "Untitled"}`;
    const option = el("option", null, label);
    option.value = String(a.id[i]);
    ui.article.append(option);
  }
  const p = data.place;
  const places = p.id.map((_, i) => i).sort((x, y) => p.name[x].localeCompare(p.name[y]));
  for (const i of places) {
    const option = el("option", null, `${p.name[i]}${p.country[i] ? ` (${p.country[i]})` : ""}`);
    option.value = String(p.id[i]);
    ui.place.append(option);
  }
  ui.article.value = state.article === null ? "" : String(state.article);
  ui.place.value = state.place === null ? "" : String(state.place);
  ui.q.value = state.q;
}

function applyFilters() {
  const n = data.n;
  mask = new Uint8Array(n);
  backgroundMask = new Uint8Array(n);
  placeHasEvents = new Uint8Array(data.place.id.length);
  const articleIndex = state.article === null ? -1 : data.articleIndexById.get(state.article) ?? -2;
  const placeIndex = state.place === null ? -1 : data.placeIndexById.get(state.place) ?? -2;
  const q = state.q.toLowerCase();
  if (q && !data.lowerText) data.lowerText = data.text.map((text) => text.toLowerCase());
  const placeMatches = q ? data.place.name.map((name) => name.toLowerCase().includes(q)) : null;
  for (let i = 0; i < n; i += 1) {
    if (articleIndex !== -1 && data.article[i] !== articleIndex) continue;
    const places = data.places[i];
    if (placeIndex !== -1 && !places.includes(placeIndex)) continue;
    if (q && !data.lowerText[i].includes(q) && !places.some((p) => placeMatches[p])) continue;
    if (data.background[i]) {
      backgroundMask[i] = 1;
      continue;
    }
    mask[i] = 1;
    for (const p of places) placeHasEvents[p] = 1;
  }
  const filtered = state.article !== null || state.place !== null || state.q !== "";
  ui.clear.hidden = !filtered;
  // updateMarkers puts on the map the places with events that are not in a cluster.
  markerKeys.fill(-1);
  filterVersion += 1;
  listKey = "";
  // The slider narrows to what passes the filters; with nothing, it keeps its range.
  // Only the whole of the events says where the news begins and ends.
  if (complete) span = newsSpan(data, mask) || span;
  applySpan();
  drawHistogram();
}

function applySpan() {
  ui.slider.min = String(span.first);
  ui.slider.max = String(span.last);
}

function bindFilters() {
  ui.filters.addEventListener("submit", (event) => event.preventDefault());
  ui.article.addEventListener("change", () => {
    state.article = ui.article.value ? Number(ui.article.value) : null;
    refilter();
  });
  ui.place.addEventListener("change", () => {
    state.place = ui.place.value ? Number(ui.place.value) : null;
    refilter();
    const p = state.place === null ? null : data.placeIndexById.get(state.place);
    if (p !== undefined && p !== null) flyTo([[data.place.lat[p], data.place.lon[p]]]);
  });
  let typing = null;
  ui.q.addEventListener("input", () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => {
      state.q = ui.q.value.trim();
      refilter();
    }, 150);
  });
  ui.filters.addEventListener("reset", () => {
    state.article = null;
    state.place = null;
    state.q = "";
    // The form's own reset runs after this handler; refilter once it has.
    window.setTimeout(refilter, 0);
  });
}

function refilter() {
  selectedPlace = null;
  selectedEvent = null;
  map.closePopup();
  applyFilters();
  state.t = Math.min(Math.max(state.t, span.first), span.last);
  update();
}

// --- the time window ---------------------------------------------------------------------------

function windowRange() {
  if (state.window === "all") return [span.first, state.t];
  return [state.t - WINDOW_DAYS[state.window] + 1, state.t];
}

// The events that overlap the window and pass the filters, by start day.
function findWindowEvents(first, last) {
  const out = [];
  const lo = bisect(data.start, first - LONG_EVENT_DAYS);
  const hi = bisect(data.start, last, true);
  for (let i = lo; i < hi; i += 1) {
    if (mask[i] && data.end[i] >= first && data.end[i] - data.start[i] <= LONG_EVENT_DAYS) {
      out.push(i);
    }
  }
  if (longEvents.length) {
    let added = false;
    for (const i of longEvents) {
      if (mask[i] && data.start[i] <= last && data.end[i] >= first) {
        out.push(i);
        added = true;
      }
    }
    if (added) out.sort((a, b) => a - b);
  }
  return out;
}

// The nearest days before and after the window with an event, for the empty list.
function nearestDays(first, last) {
  let before = null;
  let after = null;
  for (let i = bisect(data.start, first) - 1; i >= 0; i -= 1) {
    if (mask[i] && data.end[i] < first) {
      before = data.end[i];
      break;
    }
  }
  for (let i = bisect(data.start, last, true); i < data.n; i += 1) {
    if (mask[i]) {
      after = data.start[i];
      break;
    }
  }
  return { before, after };
}

// --- markers ---------------------------------------------------------------------------------

function createMarkers() {
  const p = data.place;
  const count = p.id.length;
  markers = new Array(count);
  markerKeys = new Int32Array(count).fill(-1);
  // Larger places first, so smaller ones are drawn on top and stay clickable.
  const order = p.id.map((_, i) => i).sort((a, b) => data.placeTotal[b] - data.placeTotal[a]);
  for (const i of order) {
    if (!data.placeTotal[i]) continue;
    const marker = L.circleMarker([p.lat[i], p.lon[i]], {
      renderer,
      radius: 3,
      weight: 1,
      color: "#ffffff",
      fillColor: "#64748b",
      fillOpacity: 0.35,
      opacity: 0,
      bubblingMouseEvents: false,
    });
    marker.on("click", () => selectPlace(i, { fromMap: true }));
    marker.on("mouseover", () => {
      if (labels.has(i)) return;
      // A DOM node, not a string: Leaflet puts string content in as HTML, and place
      // names come from articles and editors.
      hoverLabel.setLatLng(marker.getLatLng()).setContent(el("span", null, p.name[i]));
      if (!map.hasLayer(hoverLabel)) hoverLabel.addTo(map);
    });
    marker.on("mouseout", () => hoverLabel.remove());
    markers[i] = marker;
  }
}

const AGE_COLOURS = ["#b91c1c", "#dc2626", "#ea580c", "#f59e0b", "#fbbf24"];
const AGE_OPACITY = [0.95, 0.85, 0.72, 0.6, 0.5];

function markerRadius(count) {
  return count ? Math.min(5 + 3 * Math.sqrt(count), 28) : 3;
}

function markerStyle(count, ageStep, selected) {
  if (count === 0) {
    return {
      radius: 3,
      fillColor: "#64748b",
      fillOpacity: 0.35,
      opacity: selected ? 1 : 0,
      color: "#1e293b",
      weight: 1,
    };
  }
  return {
    radius: markerRadius(count),
    fillColor: AGE_COLOURS[ageStep],
    fillOpacity: AGE_OPACITY[ageStep],
    color: selected ? "#111827" : "#ffffff",
    opacity: 1,
    weight: selected ? 3 : 1.2,
  };
}

let placeCount = null;
let placeNewest = null;

let lastRanked = [];

function updateMarkers(events, first, last) {
  const places = data.place.id.length;
  if (!placeCount || placeCount.length !== places) {
    placeCount = new Int32Array(places);
    placeNewest = new Int32Array(places);
  }
  placeCount.fill(0);
  placeNewest.fill(-2147483648);
  for (const i of events) {
    const day = Math.min(data.end[i], last);
    for (const p of data.places[i]) {
      placeCount[p] += 1;
      if (day > placeNewest[p]) placeNewest[p] = day;
    }
  }
  const length = Math.max(last - first + 1, 1);
  const ageOf = (newest) => {
    const age = (last - newest) / length;
    return age <= 0 ? 0 : Math.min(1 + Math.floor(age * 4), 4);
  };
  const clusters = findClusters();
  const ranked = [];
  for (let p = 0; p < places; p += 1) {
    const marker = markers[p];
    if (!marker) continue;
    const shown = placeHasEvents[p] === 1 && clusterOf[p] < 0;
    if (shown !== (onLayer[p] === 1)) {
      onLayer[p] = shown ? 1 : 0;
      if (shown) markerLayer.addLayer(marker);
      else markerLayer.removeLayer(marker);
      markerKeys[p] = -1;
    }
    if (!shown) continue;
    const count = placeCount[p];
    const ageStep = count ? ageOf(placeNewest[p]) : 0;
    if (count) ranked.push(p);
    const selected = p === selectedPlace ? 1 : 0;
    // One number per look: a step restyles only the places whose look changed.
    const key = count ? Math.min(count, 4000) * 16 + ageStep * 2 + selected + 1 : selected;
    if (key === markerKeys[p]) continue;
    const wasActive = markerKeys[p] > 1;
    markerKeys[p] = key;
    // CircleMarker.setStyle sets the radius too.
    marker._sprite = null;
    marker.setStyle(markerStyle(count, ageStep, selected));
    if (count && ageStep === 0 && !wasActive) marker.bringToFront();
  }
  const counts = clusterEventCounts(events, clusters.length);
  clusterViews = clusters.map((members, c) => clusterView(members, counts[c], ageOf));
  clusterMarkers.show(clusterViews);
  for (const view of clusterViews) if (view.count) ranked.push(view.seed);
  lastRanked = ranked;
  updateLabels(ranked);
}

// --- clusters: places whose markers would overlap, at low zoom ------------------------------

let clusterOf = null; // by place: its cluster's index, or -1
let onLayer = null; // by place: 1 while its own marker is on the map
let clusterViews = [];
const projected = { zoom: null, x: null, y: null };
const clusterMarkers = new ClusterMarkers(map, zoomIntoCluster);

let clusters = []; // each cluster's places, its seed (the busiest) first
let clusterKey = "";
let filterVersion = 0; // applyFilters counts up: the places with events changed

// The places with events whose markers would overlap, grouped, the selected ones
// kept apart. The groups depend on the zoom, the filters and the selection, not on
// the time: a step only recounts them, so clusters stay put while the slider moves.
function findClusters() {
  const places = data.place.id.length;
  if (!clusterOf || clusterOf.length !== places) {
    clusterOf = new Int32Array(places).fill(-1);
    onLayer = new Uint8Array(places);
    clusterKey = "";
  }
  const zoom = map.getZoom();
  const apart = selectedEvent === null ? [] : [...data.places[selectedEvent]];
  if (selectedPlace !== null) apart.push(selectedPlace);
  const key = `${zoom}|${filterVersion}|${apart.join(",")}`;
  if (key === clusterKey) return clusters;
  clusterKey = key;
  if (zoom >= CLUSTER_BELOW_ZOOM) {
    clusterOf.fill(-1);
    clusters = [];
    return clusters;
  }
  if (projected.zoom !== zoom) projectPlaces(zoom);
  const keepApart = new Set(apart);
  const order = [];
  for (let p = 0; p < places; p += 1) {
    if (markers[p] && placeHasEvents[p] && !keepApart.has(p)) order.push(p);
  }
  order.sort((a, b) => data.placeTotal[b] - data.placeTotal[a] || a - b);
  clusters = clusterPlaces(order, projected.x, projected.y, CLUSTER_RADIUS_PX, clusterOf);
  return clusters;
}

// Pixel positions at a zoom, once per zoom: a step only groups them.
function projectPlaces(zoom) {
  const count = data.place.id.length;
  projected.x = new Float64Array(count);
  projected.y = new Float64Array(count);
  for (let p = 0; p < count; p += 1) {
    const point = map.project([data.place.lat[p], data.place.lon[p]], zoom);
    projected.x[p] = point.x;
    projected.y[p] = point.y;
  }
  projected.zoom = zoom;
}

// Each cluster's events, an event at two of its places counted once.
function clusterEventCounts(events, clusters) {
  const counts = new Int32Array(clusters);
  const lastEvent = new Int32Array(clusters).fill(-1);
  for (const i of events) {
    for (const p of data.places[i]) {
      const c = clusterOf[p];
      if (c < 0 || lastEvent[c] === i) continue;
      lastEvent[c] = i;
      counts[c] += 1;
    }
  }
  return counts;
}

// The age scale of the markers, darkened where white figures would read poorly
// on it: every step gives white text a contrast of at least 4.5:1.
const CLUSTER_COLOURS = ["#b91c1c", "#dc2626", "#c2410c", "#b45309", "#a16207"];
// Places with events at other times only, like their markers.
const EMPTY_CLUSTER_COLOUR = "#94a3b8";

function clusterView(members, count, ageOf) {
  let newest = -2147483648;
  let lead = members[0];
  for (const p of members) {
    newest = Math.max(newest, placeNewest[p]);
    if (placeCount[p] > placeCount[lead]) lead = p;
  }
  const ageStep = count ? ageOf(newest) : 0;
  const seed = members[0];
  return {
    // At its seed: seeds are further apart than two clusters are wide.
    latlng: L.latLng(data.place.lat[seed], data.place.lon[seed]),
    count,
    places: members.length,
    members,
    seed,
    // Named for its busiest place in the window.
    leadName: data.place.name[lead],
    colour: count ? CLUSTER_COLOURS[ageStep] : EMPTY_CLUSTER_COLOUR,
    radius: count ? Math.min(11 + 1.6 * Math.sqrt(count), CLUSTER_MAX_RADIUS_PX) : 7,
  };
}

function zoomIntoCluster(view) {
  const bounds = L.latLngBounds(view.members.map((p) => [data.place.lat[p], data.place.lon[p]]));
  const zoom = Math.max(map.getZoom() + 1, Math.min(map.getBoundsZoom(bounds.pad(0.5)), 10));
  if (REDUCED_MOTION) map.setView(bounds.getCenter(), zoom, { animate: false });
  else map.flyTo(bounds.getCenter(), zoom, { duration: 0.5 });
  map.once("moveend", () => map.getContainer().focus({ preventScroll: true }));
}

map.on("zoomend", () => {
  if (!data || !markerKeys) return;
  const [first, last] = windowRange();
  updateMarkers(windowEvents, first, last);
});

map.on("moveend", () => {
  if (data && markers.length) updateLabels(lastRanked.slice());
});

// Where a place's name goes: beside its marker, or beside its cluster (named
// for its busiest place) when it leads one.
function spotView(p) {
  const c = clusterOf ? clusterOf[p] : -1;
  if (c >= 0) return clusterViews[c];
  const count = placeCount[p];
  const latlng = L.latLng(data.place.lat[p], data.place.lon[p]);
  return { latlng, count, radius: markerRadius(count), leadName: data.place.name[p] };
}

// Names of the busiest places in the window, so the map reads without tiles.
function updateLabels(ranked) {
  const views = new Map(ranked.map((p) => [p, spotView(p)]));
  ranked.sort((a, b) => views.get(b).count - views.get(a).count || placeNewest[b] - placeNewest[a]);
  // Only places in view get a label: the busiest worldwide may all be off-screen.
  const size = map.getSize();
  const seen = [];
  for (const p of ranked) {
    const point = map.latLngToContainerPoint(views.get(p).latlng);
    if (point.x >= 0 && point.y >= 0 && point.x <= size.x && point.y <= size.y) seen.push([p, point]);
  }
  // Greedy: a busier place's label wins; a label that would cover another label,
  // a cluster's count or another place's marker is left out.
  const wanted = new Map(); // place -> the side its name goes on
  const boxes = [];
  const hits = (box) => (b) => box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2;
  const circles = seen.map(([q, point]) => {
    const r = views.get(q).radius;
    return { q, x1: point.x - r, x2: point.x + r, y1: point.y - r, y2: point.y + r };
  });
  for (const [p, point] of seen) {
    if (wanted.size >= LABEL_COUNT) break;
    const view = views.get(p);
    const width = 14 + 7 * view.leadName.length;
    const gap = view.radius + 8;
    // Right of the marker, or left of it where the map's edge would cut the name.
    const side = point.x + gap + width > size.x && point.x - gap - width >= 0 ? "left" : "right";
    const x1 = side === "right" ? point.x + gap : point.x - gap - width;
    const box = { x1, x2: x1 + width, y1: point.y - 10, y2: point.y + 10 };
    if (boxes.some(hits(box)) || circles.some((c) => c.q !== p && hits(box)(c))) continue;
    boxes.push(box);
    wanted.set(p, side);
  }
  for (const [p, label] of labels) {
    if (wanted.has(p)) continue;
    label.getElement().hidden = true;
    labels.delete(p);
    labelPool.push(label);
  }
  for (const [p, side] of wanted) placeLabel(p, views.get(p), side);
}

function placeLabel(p, view, side) {
  let label = labels.get(p);
  if (!label) {
    label = labelPool.pop() || newPlaceLabel();
    label.getElement().hidden = false;
    labels.set(p, label);
    label.at = null;
  }
  if (label.text.textContent !== view.leadName) label.text.textContent = view.leadName;
  if (!label.at || !label.at.equals(view.latlng)) {
    label.setLatLng(view.latlng);
    label.at = view.latlng;
  }
  const gap = `${Math.round(view.radius + 8)}px`;
  const [from, other] = side === "right" ? ["left", "right"] : ["right", "left"];
  if (label.text.style[from] !== gap) label.text.style[from] = gap;
  if (label.text.style[other] !== "auto") label.text.style[other] = "auto";
}

function newPlaceLabel() {
  const text = el("span", "place-label place-label-permanent");
  const label = L.marker([0, 0], {
    icon: L.divIcon({ className: "place-label-anchor", html: text, iconSize: null }),
    interactive: false,
    keyboard: false,
    // Above the clusters, which are markers too.
    zIndexOffset: 10000,
  }).addTo(map);
  label.text = text;
  return label;
}

// --- the list and popups -------------------------------------------------------------------------

function eventDate(i) {
  return readableRange(data.start[i], data.end[i]);
}

function articleUrl(i, withAnchor = true) {
  const a = data.article[i];
  const base = `${config.articleUrl}${data.articleInfo.id[a]}/`;
  return withAnchor ? `${base}#event-${data.id[i]}` : base;
}

function placeNames(i) {
  return data.places[i].map((p) => data.place.name[p]).join(", ");
}

function sourceNode(i, className) {
  const a = data.article[i];
  const source = data.articleInfo.source[a] || "Source";
  const url = data.articleInfo.url[a];
  const wrap = el("span", className);
  if (url && /^https?:\/\//i.test(url)) {
    const link = el("a", null, `${source} ↗`);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    wrap.append(link);
  } else {
    wrap.textContent = source;
  }
  return wrap;
}

function eventCard(i) {
  const card = el("article", "popup-event");
  const date = el("p", "popup-date", eventDate(i));
  if (data.dateText[i]) date.append(el("span", "date-words", ` · “${data.dateText[i]}”`));
  card.append(date);
  card.append(el("p", "popup-text", data.text[i]));
  if (data.places[i].length) card.append(el("p", "popup-places", placeNames(i)));
  const links = el("p", "popup-links");
  const read = el("a", null, "Read in the article");
  read.href = articleUrl(i);
  links.append(read, el("span", "sep", " · "), sourceNode(i, "popup-source"));
  card.append(links);
  return card;
}

function placePopup(p) {
  const box = el("div", "popup");
  box.append(el("h3", "popup-title", data.place.name[p]));
  const events = windowEvents.filter((i) => data.places[i].includes(p));
  if (!events.length) {
    box.append(el("p", "popup-empty", "No events here in this window."));
    return box;
  }
  const shown = events.slice(-3).reverse();
  for (const i of shown) box.append(eventCard(i));
  if (events.length > shown.length) {
    box.append(el("p", "popup-more", `${events.length - shown.length} more in the list`));
  }
  return box;
}

// The list follows the map: a slider step redraws the map at once and leaves the
// list to the next idle moment, so a fast drag or Play draws only the list it
// stops at. Any other change (a filter, a window, a selection) draws it at once.
let listRequest = null;

// Steps closer together than this are one movement: the list is drawn when it stops.
const LIST_PAUSE_MS = 150;

function renderListSoon() {
  window.clearTimeout(listRequest);
  listRequest = window.setTimeout(() => {
    listRequest = null;
    const [first, last] = windowRange();
    renderList(first, last);
  }, LIST_PAUSE_MS);
}

function cancelListSoon() {
  window.clearTimeout(listRequest);
  listRequest = null;
}

// The list items now in the page, in order; a step keeps the ones that stay
// and adds or removes only the rest.
let shownItems = [];
const dayHeaders = new Map();
let listNote = null;

function dayHeader(day, first) {
  let header = dayHeaders.get(day);
  if (!header) {
    if (dayHeaders.size >= ITEM_CACHE_LIMIT) dayHeaders.clear();
    header = el("li", "timeline-day");
    dayHeaders.set(day, header);
  }
  const text = day < first ? `Since ${readableDay(day)}` : readableDay(day);
  if (header.textContent !== text) header.textContent = text;
  return header;
}

// Makes `parent`'s children exactly `nodes`, moving as few as it can: the
// nodes that stay keep their place (and their layout, focus and scroll).
function reconcileChildren(parent, nodes) {
  const keep = new Set(nodes);
  for (let child = parent.firstChild; child; ) {
    const next = child.nextSibling;
    if (!keep.has(child)) child.remove();
    child = next;
  }
  let cursor = parent.firstChild;
  for (const node of nodes) {
    if (node === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(node, cursor);
  }
}

function renderList(first, last) {
  const key = `${first}:${last}:${windowEvents.length}:${windowEvents[0]}:${windowEvents.at(-1)}`;
  if (key === listKey) {
    markSelection();
    return;
  }
  listKey = key;
  const total = windowEvents.length;
  const shown = total > LIST_LIMIT ? windowEvents.slice(-LIST_LIMIT) : windowEvents;
  ui.summary.textContent = `${plural(total, "event")} · ${readableRange(first, last)}`;
  const nodes = [];
  if (total > shown.length) {
    listNote = listNote || el("li", "timeline-note");
    listNote.textContent =
      `Showing the latest ${plural(shown.length, "event")} of ${NUMBER.format(total)}. ` +
      "Choose a shorter window or a filter to see the rest.";
    nodes.push(listNote);
  }
  let day = null;
  let lastHeader = null;
  shownItems = [];
  for (const i of shown) {
    if (data.start[i] !== day) {
      day = data.start[i];
      lastHeader = dayHeader(day, first);
      nodes.push(lastHeader);
    }
    const item = listItem(i, last);
    nodes.push(item);
    shownItems.push(item);
  }
  if (longerEvents.length) nodes.push(fillSection(sections.longer, longerEvents, last));
  const background = backgroundEvents(first, last);
  if (background.length) nodes.push(fillSection(sections.background, background, last));
  reconcileChildren(ui.list, nodes);
  ui.listEmpty.hidden = total !== 0;
  if (total === 0) renderEmptyList(first, last);
  markSelection();
  // The newest day is what changed: bring its heading to the top of the list.
  scrollListTo(lastHeader);
}

// Items out of sight are laid out only once they scroll in (content-visibility),
// so a scroll lands near and moves what it aimed at: it is repeated over the next
// few frames, until another scroll of the list takes over.
let listScrollTask = 0;

function settleListScroll(scroll) {
  const task = (listScrollTask += 1);
  scroll();
  let frames = 4;
  const again = () => {
    if (task !== listScrollTask) return;
    scroll();
    if ((frames -= 1) > 0) window.requestAnimationFrame(again);
  };
  window.requestAnimationFrame(again);
}

// Puts a day's heading at the top of the list with its first card whole under it.
// The card is measured, not the heading: a sticky heading reports where it sticks.
function scrollListTo(header) {
  const scroller = ui.listScroll;
  if (!header) {
    listScrollTask += 1;
    scroller.scrollTop = 0;
    return;
  }
  const card = header.nextElementSibling || header;
  settleListScroll(() => {
    if (!header.isConnected) return;
    const gap = card === header ? 0 : header.getBoundingClientRect().height;
    scroller.scrollTop += card.getBoundingClientRect().top - scroller.getBoundingClientRect().top - gap;
  });
}

// After the window's own events: the longer spans that overlap it, and the
// history and forecasts its articles mention (background), each in a closed
// section of its own so that they never crowd out the day.
function listSection(title) {
  const item = el("li", "timeline-section");
  const details = el("details");
  const summary = el("summary");
  const list = el("ol", "timeline-sublist");
  details.append(summary, list);
  item.append(details);
  return { item, summary, list, title };
}

const sections = {
  longer: listSection("Longer periods that include these days"),
  background: listSection("History and forecasts in these days' articles"),
};

function fillSection(section, events, last) {
  section.summary.textContent = `${section.title} (${NUMBER.format(events.length)})`;
  const shown = events.slice(-LIST_LIMIT).map((i) => listItem(i, last));
  reconcileChildren(section.list, shown);
  return section.item;
}

// Background events of the articles published in the window.
function backgroundEvents(first, last) {
  const out = [];
  for (let i = 0; i < data.n; i += 1) {
    if (!backgroundMask[i]) continue;
    const day = data.pubDay[data.article[i]];
    if (day >= first && day <= last) out.push(i);
  }
  return out;
}

// Built once per event and reused: consecutive windows share most items.
const itemCache = new Map();
const ITEM_CACHE_LIMIT = 5000;

function listItem(i, last) {
  let item = itemCache.get(i);
  if (!item) {
    if (itemCache.size >= ITEM_CACHE_LIMIT) itemCache.clear();
    item = buildListItem(i);
    itemCache.set(i, item);
  }
  item.classList.toggle("is-newest", data.end[i] >= last);
  return item;
}

function buildListItem(i) {
  const item = el("li", "timeline-item");
  item.dataset.index = String(i);
  item.eventIndex = i;
  const button = el("button", "timeline-go");
  button.type = "button";
  const date = el("span", "timeline-date", eventDate(i));
  if (data.precision[i] !== "day") date.append(el("span", "date-words", ` · ${data.dateText[i]}`));
  button.append(date, el("span", "timeline-text", data.text[i]));
  button.addEventListener("click", () => selectEvent(i));
  item.append(button);
  const meta = el("p", "timeline-meta");
  const places = el("span", "timeline-places", data.places[i].length ? placeNames(i) : "No place");
  if (!data.places[i].length) places.classList.add("is-unplaced");
  meta.append(places, el("span", "sep", " · "), sourceNode(i, "timeline-source"));
  item.append(meta);
  return item;
}

function renderEmptyList(first, last) {
  ui.listEmpty.replaceChildren();
  const filtered = state.article !== null || state.place !== null || state.q !== "";
  const anyMatch = mask.some((v) => v === 1);
  if (!anyMatch) {
    ui.listEmpty.append(el("p", null, "No events match these filters."));
    const clear = el("button", "button", "Clear filters");
    clear.type = "button";
    clear.addEventListener("click", () => ui.filters.reset());
    ui.listEmpty.append(clear);
    return;
  }
  const what = state.window === "day" ? `on ${readableDay(last)}` : `in ${readableRange(first, last)}`;
  ui.listEmpty.append(el("p", null, `Nothing reported ${what}${filtered ? " with these filters" : ""}.`));
  const { before, after } = nearestDays(first, last);
  const jumps = el("p", "jumps");
  for (const [day, label] of [
    [before, (d) => `← ${readableDay(d)}`],
    [after, (d) => `${readableDay(d)} →`],
  ]) {
    if (day === null) continue;
    const button = el("button", "button button-quiet", label(day));
    button.type = "button";
    button.addEventListener("click", () => setTime(day));
    jumps.append(button);
  }
  if (jumps.childElementCount) ui.listEmpty.append(jumps);
}

// Items marked last time, so that with nothing selected a step costs nothing here.
let markedItems = new Set();

function markSelection() {
  let firstMatch = null;
  const marked = new Set();
  if (selectedEvent !== null || selectedPlace !== null) {
    for (const item of shownItems) {
      const i = item.eventIndex;
      if (i === selectedEvent || (selectedPlace !== null && data.places[i].includes(selectedPlace))) {
        marked.add(item);
        if (!firstMatch) firstMatch = item;
      }
    }
  }
  for (const item of markedItems) if (!marked.has(item)) item.classList.remove("is-selected");
  for (const item of marked) item.classList.add("is-selected");
  markedItems = marked;
  return firstMatch;
}

function flyTo(points, done) {
  const bounds = L.latLngBounds(points);
  const zoom = Math.max(map.getZoom(), Math.min(6, map.getBoundsZoom(bounds.pad(0.6))));
  const target = points.length === 1 ? bounds.getCenter() : bounds.getCenter();
  if (done) map.once("moveend", done);
  if (REDUCED_MOTION) map.setView(target, zoom, { animate: false });
  else map.flyTo(target, zoom, { duration: 0.6 });
}

function listScrollsItself() {
  return ui.listScroll.scrollHeight > ui.listScroll.clientHeight + 1 &&
    window.getComputedStyle(ui.listScroll).overflowY !== "visible";
}

// On a phone the list is under the map: a tapped item's popup opens where the
// reader looks only once the map is back on the screen.
function bringMapIntoView() {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= window.innerHeight) return;
  container.scrollIntoView({ block: "start", behavior: REDUCED_MOTION ? "auto" : "smooth" });
}

function selectEvent(i) {
  selectedEvent = i;
  selectedPlace = null;
  markerKeys.fill(-1);
  update();
  const places = data.places[i];
  if (!places.length) {
    map.closePopup();
    return;
  }
  const p = places[0];
  const latlng = [data.place.lat[p], data.place.lon[p]];
  const box = el("div", "popup");
  box.append(eventCard(i));
  bringMapIntoView();
  flyTo(
    places.map((q) => [data.place.lat[q], data.place.lon[q]]),
    () => popup.setLatLng(latlng).setContent(box).openOn(map),
  );
}

function selectPlace(p, { fromMap = false } = {}) {
  selectedPlace = p;
  selectedEvent = null;
  markerKeys.fill(-1);
  update();
  if (fromMap) {
    popup.setLatLng([data.place.lat[p], data.place.lon[p]]).setContent(placePopup(p)).openOn(map);
    const item = markSelection();
    // Only a list that scrolls on its own (beside the map) follows the marker: on a
    // phone the list is the page below the map, and scrolling it would take the
    // popup the reader just opened off the screen.
    if (item && listScrollsItself()) settleListScroll(() => item.scrollIntoView({ block: "nearest" }));
  }
}

map.on("popupclose", () => {
  if (selectedPlace === null && selectedEvent === null) return;
  selectedPlace = null;
  selectedEvent = null;
  markerKeys.fill(-1);
  if (data) update();
});

// --- the histogram behind the slider ---------------------------------------------------------

function drawHistogram() {
  const canvas = ui.histogram;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (!width || !height) return;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext("2d");
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, height);
  const days = span.last - span.first + 1;
  const bins = Math.max(1, Math.min(days, Math.floor(width / 2)));
  const counts = new Float64Array(bins);
  for (let i = 0; i < data.n; i += 1) {
    if (!mask[i] || data.start[i] < span.first || data.start[i] > span.last) continue;
    counts[Math.floor(((data.start[i] - span.first) / days) * bins)] += 1;
  }
  const peak = Math.max(...counts, 1);
  const barWidth = width / bins;
  ctx.fillStyle = "#cbd5e1";
  for (let b = 0; b < bins; b += 1) {
    if (!counts[b]) continue;
    const h = Math.max(2, (Math.sqrt(counts[b]) / Math.sqrt(peak)) * height);
    ctx.fillRect(b * barWidth + 0.5, height - h, Math.max(barWidth - 1, 1), h);
  }
}

function positionHistogramWindow(first, last) {
  const days = Math.max(span.last - span.first, 1);
  const from = Math.max(first, span.first) - span.first;
  const to = last - span.first;
  // The range input's thumb travels between half-thumb insets; match it.
  const left = (from / days) * 100;
  const right = (to / days) * 100;
  ui.histogramWindow.style.left = `calc(8px + (100% - 16px) * ${left / 100} - 4px)`;
  ui.histogramWindow.style.width = `calc((100% - 16px) * ${(right - left) / 100} + 8px)`;
}

// --- time ------------------------------------------------------------------------------------

// A step of time (the slider, the step buttons and keys, Play) redraws the map now
// and the list when the browser is next idle.
function setTime(day) {
  state.t = Math.min(Math.max(day, span.first), span.last);
  update({ listNow: false });
}

function update({ listNow = true } = {}) {
  const [first, last] = windowRange();
  const split = splitBySpan(findWindowEvents(first, last), data.start, data.end, WINDOW_DAYS[state.window]);
  windowEvents = split.short;
  longerEvents = split.long;
  ui.slider.value = String(state.t);
  const label = readableDay(state.t);
  ui.slider.setAttribute("aria-valuetext", label);
  ui.dateLabel.textContent = label;
  ui.windowLabel.textContent =
    state.window === "day"
      ? "Events of the day"
      : `Window ${readableRange(Math.max(first, span.first), last)}`;
  updateMarkers(windowEvents, first, last);
  if (listNow) {
    cancelListSoon();
    renderList(first, last);
  } else {
    renderListSoon();
  }
  positionHistogramWindow(first, last);
  ui.back.disabled = state.t <= span.first;
  ui.forward.disabled = state.t >= span.last && !state.loop;
  writeUrlSoon();
}

function step(delta) {
  let next = stepTarget(span.days, state.t, delta);
  if (next > span.last) next = state.loop ? span.first : span.last;
  if (next < span.first) next = state.loop ? span.last : span.first;
  setTime(next);
}

function setPlaying(playing) {
  state.playing = playing;
  window.clearInterval(timer);
  ui.play.classList.toggle("is-playing", playing);
  ui.play.setAttribute("aria-pressed", String(playing));
  ui.playLabel.textContent = playing ? "Pause" : "Play";
  if (!playing) return;
  if (state.t >= span.last) setTime(span.first);
  timer = window.setInterval(() => {
    if (state.t >= span.last && !state.loop) {
      setPlaying(false);
      return;
    }
    step(1);
  }, 1000 / state.speed);
}

// PageUp/PageDown move by a week, or a month in the longer windows; Home and End
// go to the first and last day of the news (the range input's own).
function pageStep() {
  return Math.max(7, WINDOW_DAYS[state.window] || 30);
}

function bindControls() {
  ui.slider.addEventListener("keydown", (event) => {
    if (event.key !== "PageUp" && event.key !== "PageDown") return;
    event.preventDefault();
    step(event.key === "PageUp" ? pageStep() : -pageStep());
  });
  for (const control of [ui.slider, ui.play, ui.back, ui.forward]) control.disabled = false;
  ui.slider.addEventListener("input", () => setTime(Number(ui.slider.value)));
  ui.play.addEventListener("click", () => setPlaying(!state.playing));
  ui.back.addEventListener("click", () => step(-1));
  ui.forward.addEventListener("click", () => step(1));
  ui.speed.addEventListener("change", () => {
    state.speed = Number(ui.speed.value) || 1;
    if (state.playing) setPlaying(true);
  });
  ui.loop.addEventListener("change", () => {
    state.loop = ui.loop.checked;
    update();
  });
  for (const radio of ui.windowChoice.querySelectorAll("input")) {
    radio.checked = radio.value === state.window;
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      state.window = radio.value;
      listKey = "";
      markerKeys.fill(-1);
      update();
    });
  }
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA", "BUTTON", "A"].includes(target.tagName));
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && state.playing) setPlaying(false);
    if (typing) return;
    if (event.key === " ") {
      event.preventDefault();
      setPlaying(!state.playing);
    } else if (event.key === ",") step(-1);
    else if (event.key === ".") step(1);
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(drawHistogram, 150);
  });
}

// A view that shows where most events are, leaving out the few far away.
function initialView() {
  if (state.view) {
    map.setView([state.view.lat, state.view.lon], state.view.zoom, { animate: false });
    return;
  }
  const lats = [];
  const lons = [];
  for (let p = 0; p < data.place.id.length; p += 1) {
    if (!placeHasEvents[p]) continue;
    const weight = Math.min(data.placeTotal[p], 50);
    for (let w = 0; w < weight; w += 1) {
      lats.push(data.place.lat[p]);
      lons.push(data.place.lon[p]);
    }
  }
  if (!lats.length) return;
  lats.sort((a, b) => a - b);
  lons.sort((a, b) => a - b);
  const q = (values, f) => values[Math.min(values.length - 1, Math.floor(f * values.length))];
  const bounds = L.latLngBounds([q(lats, 0.2), q(lons, 0.2)], [q(lats, 0.8), q(lons, 0.8)]);
  map.fitBounds(bounds.pad(0.5), {
    animate: false,
    maxZoom: 7,
    // Keep the busy part clear of the player over the map's foot.
    paddingBottomRight: [0, playerClearance],
    paddingTopLeft: [20, 20],
  });
}

// An article or place the address names that is not here: named, and left out.
function checkUrlIds() {
  if (state.article !== null && !data.articleIndexById.has(state.article)) {
    urlProblems.push(`article=${state.article} is not an article with events here`);
    state.article = null;
  }
  if (state.place !== null && !data.placeIndexById.has(state.place)) {
    urlProblems.push(`place=${state.place} is not a place with events here`);
    state.place = null;
  }
}

function showUrlProblems() {
  ui.notice.hidden = urlProblems.length === 0;
  if (!urlProblems.length) return;
  const text = `This link asked for something the map cannot show: ${urlProblems.join("; ")}. Showing the default instead.`;
  const close = el("button", "link-button", "Dismiss");
  close.type = "button";
  close.addEventListener("click", () => {
    ui.notice.hidden = true;
  });
  ui.notice.replaceChildren(el("p", null, text), close);
}

function start() {
  complete = true;
  // Before any background: the span of every article's news, then the filters'.
  span = newsSpan(data, Uint8Array.from(data.background, (b) => 1 - b)) ||
    newsSpan(data, new Uint8Array(data.n).fill(1));
  checkUrlIds();
  createMarkers();
  fillFilterChoices();
  bindFilters();
  applyFilters();
  // Without a date in the address, open at the latest day with news.
  if (state.t === null) state.t = span.latest;
  else if (state.t < span.first || state.t > span.last) {
    urlProblems.push(`t=${isoDay(state.t)} is outside the news (${readableRange(span.days[0], span.latest)})`);
    state.t = span.latest;
  }
  showUrlProblems();
  bindControls();
  if (!document.body.classList.contains("is-ready")) initialView();
  update();
  setPartial(false);
  document.body.classList.add("is-ready", "is-complete");
}

// The first window alone: drawn at once, on the slider's range that the server
// gave (the publication days); the controls wait for the rest.
function startWithWindow(first) {
  const [published, latest] = first.published.map(parseIsoDay);
  span = {
    first: published - SPAN_MARGIN_DAYS,
    last: latest + SPAN_MARGIN_DAYS,
    days: Int32Array.of(published, latest),
    latest,
  };
  state.t = parseIsoDay(first.t);
  createMarkers();
  applyFilters();
  showUrlProblems();
  setPartial(true);
  initialView();
  update();
  document.body.classList.add("is-ready");
}

// While only the first window is in, what would act on the rest waits.
function setPartial(partial) {
  ui.windowChoice.disabled = partial;
  for (const control of ui.filters.elements) control.disabled = partial;
  ui.summary.classList.toggle("is-loading-rest", partial);
  for (const radio of ui.windowChoice.querySelectorAll("input")) radio.checked = radio.value === state.window;
}

// The rest of the events replace the first window's, and the map carries on
// where the reader is: the same day, view, selection and open popup.
function replaceData(payload) {
  const eventId = selectedEvent === null ? null : data.id[selectedEvent];
  const placeId = selectedPlace === null ? null : data.place.id[selectedPlace];
  markerLayer.clearLayers();
  for (const [p, label] of labels) {
    label.getElement().hidden = true;
    labels.delete(p);
    labelPool.push(label);
  }
  itemCache.clear();
  shownItems = [];
  markedItems = new Set();
  listKey = "";
  clusterOf = null;
  projected.zoom = null;
  prepare(payload);
  selectedEvent = eventId === null ? null : data.eventIndexById.get(eventId) ?? null;
  selectedPlace = placeId === null ? null : data.placeIndexById.get(placeId) ?? null;
  start();
}

// For the browser tests and the benchmark: where a place is drawn on screen.
window.newsmap = {
  map,
  // The first window is drawn before the rest is loaded (body.is-ready, then is-complete).
  loadsInParts: true,
  placePoint(name) {
    const p = data ? data.place.name.indexOf(name) : -1;
    if (p < 0) return null;
    const point = map.latLngToContainerPoint([data.place.lat[p], data.place.lon[p]]);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
  // Whether a place's own marker is drawn (not in a cluster, and with events).
  placeDrawn(name) {
    const p = data ? data.place.name.indexOf(name) : -1;
    return p >= 0 && onLayer !== null && onLayer[p] === 1;
  },
};

readUrl();
load();
