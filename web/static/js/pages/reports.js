/** Reports: every CLI filter, newest first, cursor paging, CSV and JSON export of the same selection. */
import { download, request, withQuery } from '../api.js';
import { h, notice, panel, replace, route } from '../dom.js';
import { reportsTable } from './common.js';

const FILTERS = [
  ['tenant', 'Tenant id'],
  ['sourceIp', 'Source IP'],
  ['senderDomain', 'Sender domain'],
  ['senderAddress', 'Sender address'],
  ['reporter', 'Reporter domain'],
  ['messageId', 'Message-ID'],
  ['fingerprint', 'Fingerprint'],
  ['feedbackType', 'Feedback type'],
  ['from', 'From (ISO time)'],
  ['to', 'To (ISO time)'],
];
const PAGE = 50;

function selectedFilters(query) {
  const filters = {};
  for (const [name] of [...FILTERS, ['attribution']]) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export async function reportsPage(main, _params, query, stillCurrent) {
  const filters = selectedFilters(query);
  const inputs = FILTERS.map(([name, label]) =>
    h(
      'label',
      {},
      label,
      h('input', { type: 'text', name, value: filters[name] ?? '', autocomplete: 'off' }),
    ),
  );
  const attribution = h(
    'select',
    { name: 'attribution' },
    h('option', { value: '' }, 'any'),
    h('option', { value: 'attributed' }, 'attributed'),
    h('option', { value: 'unattributed' }, 'unattributed'),
  );
  attribution.value = filters.attribution ?? '';
  const form = h(
    'form',
    {
      on: {
        submit: (event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          for (const [name, value] of new FormData(event.target))
            if (String(value).trim()) next.set(name, String(value).trim());
          location.hash = `${route('reports')}?${next}`;
        },
      },
    },
    h('div', { class: 'filters' }, inputs, h('label', {}, 'Attribution', attribution)),
    h(
      'div',
      { class: 'toolbar' },
      h(
        'div',
        {},
        h('button', { type: 'submit' }, 'Apply filters'),
        ' ',
        h('a', { href: route('reports') }, 'Clear'),
      ),
      h(
        'div',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            on: { click: () => download(withQuery('/v1/exports/reports.csv', filters), 'reports.csv') },
          },
          'Export CSV',
        ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            on: { click: () => download(withQuery('/v1/exports/reports.json', filters), 'reports.json') },
          },
          'Export JSON',
        ),
      ),
    ),
  );
  const body = h('div', { 'data-testid': 'reports-list' });
  const more = h('div', { class: 'pager' });
  const rows = [];
  let cursor = null;
  async function load() {
    const page = await request(withQuery('/v1/reports', { ...filters, limit: PAGE, cursor }));
    if (!stillCurrent()) return;
    rows.push(...page.items);
    cursor = page.cursor;
    replace(body, reportsTable(rows));
    replace(
      more,
      cursor
        ? h(
            'button',
            { type: 'button', class: 'secondary', on: { click: () => load().catch(show) } },
            'Load more',
          )
        : null,
    );
  }
  const show = (error) => replace(body, notice(error.message, 'error'));
  replace(
    main,
    h('div', { class: 'head' }, h('h1', {}, 'Reports')),
    panel(null, form),
    panel(null, body, more),
  );
  await load();
}
