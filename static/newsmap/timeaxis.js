// The map's time axis follows the news, not every date the news mentions.
//
// A wire story of 10 March 2011 that says "in 1777" or "by 2030" names times
// far from its own: those events are its background (history, forecasts). The
// slider spans the days the articles were published, with the events that lie
// near them; background events stay out of its range and out of the default
// list, and are listed with the articles that mention them. The rule is the
// server's (events/background.py): the page passes its BACKGROUND_DAYS.

// A little room either side of the first and last publication day.
export const SPAN_MARGIN_DAYS = 2;
// Play and the step buttons jump over a stretch longer than this with no article.
export const GAP_DAYS = 7;
// Spans longer than this are not news of a day and are never the slider's ends.
const SHORT_SPAN_DAYS = 31;

// 1 for each event wholly more than `backgroundDays` from its article's publication day.
export function backgroundFlags(start, end, article, pubDay, backgroundDays) {
  const flags = new Uint8Array(start.length);
  for (let i = 0; i < start.length; i += 1) {
    const published = pubDay[article[i]];
    flags[i] = published - end[i] > backgroundDays || start[i] - published > backgroundDays ? 1 : 0;
  }
  return flags;
}

// The slider's range for the events in `mask`: their articles' publication days
// and the short news events near them, with a margin. `days` lists the
// publication days in order, for Play to skip the gaps between them; null when
// nothing passes.
export function newsSpan(data, mask) {
  const published = new Set();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < data.n; i += 1) {
    if (!mask[i]) continue;
    const day = data.pubDay[data.article[i]];
    published.add(day);
    first = Math.min(first, day);
    last = Math.max(last, day);
    if (data.end[i] - data.start[i] < SHORT_SPAN_DAYS) {
      first = Math.min(first, data.start[i]);
      last = Math.max(last, data.end[i]);
    }
  }
  if (!published.size) return null;
  const days = Int32Array.from(published).sort();
  return {
    first: first - SPAN_MARGIN_DAYS,
    last: last + SPAN_MARGIN_DAYS,
    days,
    latest: days[days.length - 1],
  };
}

// Where a step of `delta` days from `t` lands: one day on, unless no article
// was published in the next GAP_DAYS, then the next day with one.
export function stepTarget(days, t, delta) {
  const next = t + delta;
  const direction = Math.sign(delta);
  const news = nearestNewsDay(days, t, direction);
  if (news === null) return next;
  return Math.abs(news - t) > GAP_DAYS && Math.abs(delta) === 1 ? news : next;
}

// The first publication day after `t` (direction 1) or before it (-1), or null.
export function nearestNewsDay(days, t, direction) {
  if (direction > 0) {
    for (const day of days) if (day > t) return day;
    return null;
  }
  for (let k = days.length - 1; k >= 0; k -= 1) if (days[k] < t) return days[k];
  return null;
}

// The events of the window that are of its precision (at most `windowDays`
// long), and the longer spans that overlap it, which the list sets apart.
export function splitBySpan(events, start, end, windowDays) {
  if (!windowDays) return { short: events, long: [] };
  const short = [];
  const long = [];
  for (const i of events) (end[i] - start[i] + 1 <= windowDays ? short : long).push(i);
  return { short, long };
}
