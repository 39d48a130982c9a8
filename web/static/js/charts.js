/** Charts with uPlot (served from node_modules at /vendor/uplot/): small, fast, canvas-based, no dependencies. */
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { h } from './dom.js';

const COLORS = {
  score: '#2f6fde',
  warn: '#c77700',
  restrict: '#c62828',
  a: '#2f6fde',
  b: '#1f8a4c',
  c: '#c62828',
  d: '#c77700',
};

function width(el) {
  return Math.max(
    300,
    Math.floor(el.getBoundingClientRect().width || el.parentElement?.getBoundingClientRect().width || 600) -
      4,
  );
}

/** Re-fits charts when the window resizes. */
function autoSize(plot, el, height) {
  const observer = new ResizeObserver(() => plot.setSize({ width: width(el), height }));
  observer.observe(el);
}

/** Colours of the audit events marked on the score chart (fixed set: data never picks a colour). */
const EVENT_COLORS = {
  warned: '#c77700',
  restricted: '#c62828',
  'unregistered-restricted': '#c62828',
  lifted: '#1f8a4c',
  cleared: '#1f8a4c',
  'probation-ended': '#6a4bc4',
};

/** A uPlot hook drawing each audit event as a vertical line labelled with its action, on the canvas (inert). */
function eventMarkers(events) {
  return (u) => {
    const { ctx } = u;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
    // Oldest first, so the newest line is on top; labels step down so events close in time stay readable.
    const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : 1));
    for (const [index, event] of ordered.entries()) {
      const color = EVENT_COLORS[event.action];
      const x = u.valToPos(Date.parse(event.at) / 1000, 'x', true);
      if (!color || !Number.isFinite(x) || x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      // Near the right edge the label goes left of its line so it stays inside the plot.
      const rightEdge = u.bbox.left + u.bbox.width;
      ctx.textAlign = x > rightEdge - 90 * devicePixelRatio ? 'right' : 'left';
      const offset = ctx.textAlign === 'right' ? -4 : 4;
      ctx.fillText(
        event.action,
        x + offset * devicePixelRatio,
        top + (12 + (index % 4) * 14) * devicePixelRatio,
      );
    }
    ctx.restore();
  };
}

/**
 * A tenant's score over time with its warn and restrict thresholds as dashed horizontal lines, and audit events
 * (warned, restricted, lifted…) as labelled vertical lines.
 * @param {{ at: string, score: number }[]} history
 * @param {{ warnThreshold: number, restrictThreshold: number }} standing
 * @param {{ at: string, action: string }[]} [events]
 */
export function scoreChart(history, standing, events = []) {
  const el = h('div', { class: 'chart', 'data-testid': 'score-chart', 'data-series': 'score,warn,restrict' });
  const xs = history.map((p) => Date.parse(p.at) / 1000);
  /** @type {uPlot.AlignedData} */
  const data = [
    xs,
    history.map((p) => p.score),
    xs.map(() => standing.warnThreshold),
    xs.map(() => standing.restrictThreshold),
  ];
  const height = 260;
  const lastEvent = Math.max(
    0,
    ...events.map((event) => Date.parse(event.at) / 1000).filter(Number.isFinite),
  );
  requestAnimationFrame(() => {
    const plot = new uPlot(
      {
        width: width(el),
        height,
        scales: {
          // Events after the last history point (a lift just now) widen the time axis so they show.
          x: { time: true, range: (_u, min, max) => [min, Math.max(max, lastEvent)] },
          y: { range: (_u, _min, max) => [0, Math.max(max, standing.restrictThreshold) * 1.15] },
        },
        series: [
          {
            value: (_u, v) =>
              v == null ? '–' : new Date(v * 1000).toISOString().slice(0, 16).replace('T', ' '),
          },
          {
            label: 'Score',
            stroke: COLORS.score,
            width: 2,
            fill: 'rgba(47,111,222,0.08)',
            value: (_u, v) => (v == null ? '–' : v.toFixed(2)),
          },
          { label: 'Warn at', stroke: COLORS.warn, width: 1.5, dash: [6, 4], points: { show: false } },
          {
            label: 'Restrict at',
            stroke: COLORS.restrict,
            width: 1.5,
            dash: [6, 4],
            points: { show: false },
          },
        ],
        axes: [{}, { label: 'score', size: 50 }],
        hooks: { draw: [eventMarkers(events)] },
      },
      data,
      el,
    );
    autoSize(plot, el, height);
  });
  return el;
}

/** Side-by-side bars (submissions left, reports right) filling 40 % of a bucket each, at most 30 px wide. */
// uPlot.d.ts marks the path builders optional; the ESM build always has them.
const bars = /** @type {NonNullable<typeof uPlot.paths.bars>} */ (uPlot.paths.bars);
const BARS_LEFT = bars({ size: [0.4, 30], align: -1 });
const BARS_RIGHT = bars({ size: [0.4, 30], align: 1 });

/**
 * Intake volume and rates per bucket: submissions and reports (counts, left axis), unusable and unattributed
 * rates (percent, right axis).
 */
export function intakeChart(stats) {
  const el = h('div', { class: 'chart', 'data-testid': 'intake-chart' });
  const xs = stats.buckets.map((b) => Date.parse(b.start) / 1000);
  const rate = (part, whole) => (whole > 0 ? (part / whole) * 100 : null);
  // Bars are centred on their x: place each bucket's bars mid-bucket so they sit inside it.
  const half = ((stats.bucketHours ?? 1) * 3600) / 2;
  const mids = xs.map((x) => x + half);
  /** @type {uPlot.AlignedData} */
  const data = [
    mids,
    stats.buckets.map((b) => b.submissions),
    stats.buckets.map((b) => b.reports),
    stats.buckets.map((b) => rate(b.unusable, b.submissions)),
    stats.buckets.map((b) => rate(b.unattributed, b.reports)),
  ];
  const height = 240;
  requestAnimationFrame(() => {
    const plot = new uPlot(
      {
        width: width(el),
        height,
        scales: {
          x: { time: true, range: (_u, min, max) => [min - half, max + half] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
          pct: { range: [0, 100] },
        },
        series: [
          {},
          // Counts per bucket as bars: a lone busy bucket (fresh data) stays visible, not a line to the edge.
          {
            label: 'Submissions',
            stroke: COLORS.a,
            width: 1,
            fill: 'rgba(47,111,222,0.35)',
            paths: BARS_LEFT,
            points: { show: false },
          },
          {
            label: 'Reports',
            stroke: COLORS.b,
            width: 1,
            fill: 'rgba(31,138,76,0.35)',
            paths: BARS_RIGHT,
            points: { show: false },
          },
          { label: 'Unusable %', stroke: COLORS.c, width: 1.5, dash: [4, 3], scale: 'pct', spanGaps: true },
          {
            label: 'Unattributed %',
            stroke: COLORS.d,
            width: 1.5,
            dash: [4, 3],
            scale: 'pct',
            spanGaps: true,
          },
        ],
        axes: [
          {},
          { label: 'per bucket', size: 50 },
          { scale: 'pct', side: 1, label: '%', grid: { show: false }, size: 50 },
        ],
      },
      data,
      el,
    );
    autoSize(plot, el, height);
  });
  return el;
}
