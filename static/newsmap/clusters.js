// At low zoom the places of a busy region pile up into one unreadable blot.
// Places whose markers would overlap are drawn as one cluster: a circle with the
// number of the window's events there (grey and empty when they have none in
// it), which zooms in when clicked (or, from the keyboard, focused and pressed
// with Enter or Space).
//
// Greedy, as Leaflet.markercluster's grid is: the busiest place seeds a cluster
// and every place within `radius` pixels of a seed joins the first such seed.
// A grid of seeds keeps it linear. The map groups once per zoom and filter, and
// a slider step only recounts and repaints the clusters whose figures changed.

// At this zoom and above every place is drawn on its own.
export const CLUSTER_BELOW_ZOOM = 7;
const NUMBER = new Intl.NumberFormat("en-GB");
// Seeds are further apart than two of the largest markers are wide, and a
// cluster sits at its seed (its busiest place): no two drawn things overlap.
export const CLUSTER_RADIUS_PX = 56;
export const CLUSTER_MAX_RADIUS_PX = 24;

// `order`: the places to cluster, busiest first; `x`, `y`: their pixel positions
// at the map's zoom, by place index. Returns, by place index, the cluster each
// joined (-1 for none, or a cluster of one) and the clusters' members.
export function clusterPlaces(order, x, y, radius, clusterOf) {
  clusterOf.fill(-1);
  const seeds = new Map();
  const groups = [];
  const cell = (value) => Math.floor(value / radius);
  for (const p of order) {
    const cx = cell(x[p]);
    const cy = cell(y[p]);
    let joined = -1;
    for (let dx = -1; dx <= 1 && joined < 0; dx += 1) {
      for (let dy = -1; dy <= 1 && joined < 0; dy += 1) {
        for (const g of seeds.get((cx + dx) * 65536 + cy + dy) || []) {
          const s = groups[g][0];
          if ((x[s] - x[p]) ** 2 + (y[s] - y[p]) ** 2 <= radius * radius) {
            joined = g;
            break;
          }
        }
      }
    }
    if (joined >= 0) {
      groups[joined].push(p);
      continue;
    }
    const key = cx * 65536 + cy;
    if (!seeds.has(key)) seeds.set(key, []);
    seeds.get(key).push(groups.length);
    groups.push([p]);
  }
  const clusters = groups.filter((members) => members.length > 1);
  clusters.forEach((members, c) => {
    for (const p of members) clusterOf[p] = c;
  });
  return clusters;
}

// The clusters on the map: a pool of keyboard-reachable markers, each moved and
// restyled only when what it shows changes.
export class ClusterMarkers {
  constructor(map, onChoose) {
    this.map = map;
    this.onChoose = onChoose;
    this.pool = [];
    this.shown = 0;
  }

  // `views`: [{latlng, radius, count, places, leadName, colour}], busiest first.
  show(views) {
    for (let k = 0; k < views.length; k += 1) {
      const entry = this.pool[k] || this.create();
      this.paint(entry, views[k]);
    }
    for (let k = views.length; k < this.shown; k += 1) {
      this.pool[k].node.hidden = true;
      this.pool[k].view = null;
    }
    this.shown = views.length;
  }

  create() {
    const count = document.createElement("span");
    count.className = "cluster-count";
    const marker = L.marker([0, 0], {
      icon: L.divIcon({ className: "cluster", html: count, iconSize: null }),
      keyboard: true,
      bubblingMouseEvents: false,
    }).addTo(this.map);
    const entry = { marker, node: marker.getElement(), count, view: null, look: "" };
    const choose = () => entry.view && this.onChoose(entry.view);
    marker.on("click", choose);
    marker.getElement().addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Space is also the page's Play key: here it means this button.
      event.preventDefault();
      event.stopPropagation();
      choose();
    });
    this.pool.push(entry);
    return entry;
  }

  paint(entry, view) {
    const previous = entry.view;
    entry.view = view;
    entry.node.hidden = false;
    if (!previous || !previous.latlng.equals(view.latlng)) entry.marker.setLatLng(view.latlng);
    const size = Math.round(2 * view.radius);
    const look = `${size}|${view.colour}|${view.count}|${view.places}|${view.leadName}`;
    if (look === entry.look) return;
    entry.look = look;
    const style = entry.node.style;
    style.width = `${size}px`;
    style.height = `${size}px`;
    style.marginLeft = style.marginTop = `${-size / 2}px`;
    style.background = view.colour;
    const count = NUMBER.format(view.count);
    const empty = view.count === 0;
    entry.count.textContent = empty ? "" : count;
    entry.node.classList.toggle("is-empty", empty);
    // Only clusters with news in the window are Tab stops; the others are a click away.
    entry.node.tabIndex = empty ? -1 : 0;
    const what = empty ? "No events in this window" : `${count} event${view.count === 1 ? "" : "s"}`;
    const label = `${what} at ${view.places} places round ${view.leadName}. Zoom in to see them.`;
    entry.node.setAttribute("aria-label", label);
    entry.node.title = label;
  }
}
