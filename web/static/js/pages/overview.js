/** Overview: who is nearest a restriction, what was restricted lately, and how intake is doing. */
import { request, runtimeHealth, withQuery } from '../api.js';
import { intakeChart } from '../charts.js';
import { h, panel, replace, segmented, table } from '../dom.js';
import { number, percent, time } from '../format.js';
import { standingsTable, stateCell, tenantLink } from './common.js';

// `fit` (the default) fits the chart to the data: on fresh data a fixed day squeezes it into its right edge.
const WINDOWS = ['fit', '24h', '7d', '30d'];

function card(label, value, testid) {
  return h(
    'div',
    { class: 'card', 'data-testid': testid },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value),
  );
}

export async function overviewPage(main, _params, query, stillCurrent) {
  const window = WINDOWS.includes(query.get('window')) ? query.get('window') : 'fit';
  const [health, tenants, restrictions, stats] = await Promise.all([
    runtimeHealth(),
    request(withQuery('/v1/tenants', { sort: 'ratio', limit: 10 })),
    request('/v1/restrictions'),
    request(withQuery('/v1/stats', { window })),
  ]);
  if (!stillCurrent()) return;
  const restrictedCount = restrictions.items.length;
  const warned = tenants.items.filter((t) => t.state === 'warned').length;
  const span = window === 'fit' ? `since ${time(stats.from)}` : `last ${window}`;
  const windowButtons = segmented(
    'Window',
    WINDOWS.map((w) => [w, w === 'fit' ? 'Fit' : w]),
    window,
    (w) => (location.hash = `#/?window=${w}`),
  );
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h('div', {}, h('h1', {}, 'Overview'), h('div', { class: 'meta' }, `Intake ${span}`)),
    ),
    h(
      'div',
      { class: 'cards' },
      // Counts both kinds (5.7.705 and 5.7.750 blocks), as the Restrictions in force table lists them.
      card('Tenants with a restriction', String(restrictedCount), 'card-restricted'),
      card('Warned (top 10)', String(warned), 'card-warned'),
      card(
        `Submissions (${window === 'fit' ? 'shown' : window})`,
        String(stats.totals.submissions),
        'card-submissions',
      ),
      card(`Reports (${window === 'fit' ? 'shown' : window})`, String(stats.totals.reports), 'card-reports'),
      card('Unusable rate', percent(stats.unusableRate), 'card-unusable'),
      card('Unattributed rate', percent(stats.unattributedRate), 'card-unattributed'),
      card('Queue depth', health.queueDepth ?? '–', 'card-queue'),
      card('Dead letters', health.deadLetters ?? '–', 'card-dead'),
    ),
    panel(
      null,
      h('div', { class: 'toolbar' }, h('h2', {}, 'Intake volume and rates'), windowButtons),
      intakeChart(stats),
      stats.truncated
        ? h('p', { class: 'muted' }, 'Figures are truncated: too many items in this window.')
        : null,
    ),
    h(
      'div',
      { class: 'grid two' },
      panel('Nearest their threshold', standingsTable(tenants.items)),
      panel(
        'Restrictions in force',
        table(
          [
            { label: 'Tenant', value: (r) => tenantLink(r.tenantId) },
            { label: 'State', value: (r) => stateCell(r) },
            { label: 'Since', value: (r) => time(r.restrictions[0]?.since) },
            {
              label: 'Reply',
              value: (r) => r.restrictions.map((x) => h('div', { class: 'mono' }, x.smtpReply)),
            },
            { label: 'Score', value: (r) => number(r.score), num: true },
          ],
          restrictions.items,
          'No tenant is restricted.',
        ),
      ),
    ),
  );
}
