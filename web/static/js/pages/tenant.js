/** Tenant page: standing, score curve with thresholds, why (breakdowns), reports, audit trail, lift form. */
import { request, withQuery } from '../api.js';
import { scoreChart } from '../charts.js';
import { badge, fields, h, notice, panel, replace, route, segmented, table } from '../dom.js';
import { number, shortTime, time } from '../format.js';
import { reportsTable, stateCell } from './common.js';
import { liftForm } from './lift-form.js';
import { policyForm } from './policy-form.js';

// `fit` (the default) draws from the first report or last lift to now: a fixed window squeezes fresh data into a
// line at its right edge.
const HISTORY_DAYS = ['fit', 1, 3, 7, 30, 90];
const DEFAULT_HISTORY_DAYS = 'fit';
const REPORTS_PAGE = 25;

function breakdownTable(title, rows, { registered = false } = {}) {
  return panel(
    title,
    table(
      [
        {
          label: 'Value',
          value: (r) =>
            registered
              ? [
                  h('div', {}, r.key),
                  r.registered ? badge('registered', 'registered') : badge('not registered', 'unregistered'),
                ]
              : r.key,
          wrap: true,
        },
        { label: 'Reports', value: (r) => String(r.count), num: true },
        { label: 'Last seen (UTC)', value: (r) => shortTime(r.lastSeen), nowrap: true },
      ].filter(Boolean),
      rows,
      'No reports in this period.',
    ),
  );
}

function reportsPanel(tenantId) {
  const body = h('div', {});
  const more = h('div', { class: 'pager' });
  let cursor = null;
  const rows = [];
  async function load() {
    const page = await request(withQuery('/v1/reports', { tenant: tenantId, limit: REPORTS_PAGE, cursor }));
    rows.push(...page.items);
    cursor = page.cursor;
    replace(body, reportsTable(rows, { showTenant: false }));
    replace(
      more,
      cursor ? h('button', { type: 'button', class: 'secondary', on: { click: load } }, 'Load more') : null,
    );
  }
  load().catch((error) => replace(body, notice(error.message, 'error')));
  return panel(
    'Reports',
    body,
    more,
    h(
      'p',
      {},
      h(
        'a',
        { href: `${route('reports')}?${new URLSearchParams({ tenant: tenantId })}` },
        'Filter and export these reports →',
      ),
    ),
  );
}

function auditTable(entries) {
  return table(
    [
      { label: 'When', value: (e) => time(e.at) },
      { label: 'Action', value: (e) => e.action },
      { label: 'Actor', value: (e) => e.actor },
      { label: 'Reason', value: (e) => e.reason ?? '', wrap: true },
    ],
    entries,
    'Nothing audited yet.',
  );
}

export async function tenantPage(main, params, query, stillCurrent) {
  const tenantId = params[0] ?? '';
  const asked = query.get('days') === 'fit' ? 'fit' : Number(query.get('days'));
  const days = HISTORY_DAYS.includes(asked) ? asked : DEFAULT_HISTORY_DAYS;
  const detail = await request(withQuery(`/v1/tenants/${encodeURIComponent(tenantId)}`, { days }));
  if (!stillCurrent()) return;
  const { tenant, standing, history, suppressionList, audit } = detail;
  // After a lift the breakdowns show what counts now (reports since the lift), as the Why panel does.
  const since = standing.contributionsSince;
  const breakdown = await request(
    withQuery(`/v1/tenants/${encodeURIComponent(tenantId)}/breakdown`, { days: 30, since }),
  );
  if (!stillCurrent()) return;
  const period = since ? `since the lift on ${time(since)}` : '30 d';
  const reload = () => tenantPage(main, params, query, stillCurrent);
  const dayButtons = segmented(
    'History length',
    HISTORY_DAYS.map((d) => [d, d === 'fit' ? 'Fit' : `${d} d`]),
    days,
    (d) => (location.hash = `${route('tenant', tenantId)}?days=${d}`),
  );
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h(
        'div',
        {},
        h(
          'h1',
          {},
          tenant.name,
          ' ',
          h('span', { 'data-testid': 'tenant-state', 'data-state': standing.state }, stateCell(standing)),
        ),
        h('div', { class: 'meta mono' }, tenant.tenantId),
      ),
      fields([
        ['Score', h('strong', { 'data-testid': 'tenant-score' }, number(standing.score))],
        ['Warn at', number(standing.warnThreshold)],
        ['Restrict at', number(standing.restrictThreshold)],
        [
          'Unregistered-domain score',
          `${number(standing.unregisteredScore)} of ${number(standing.unregisteredThreshold)}`,
        ],
        ['Probation until', standing.probationUntil ? time(standing.probationUntil) : null],
      ]),
    ),
    standing.restrictions.map((r) =>
      h(
        'div',
        {},
        h('span', { class: 'reply', 'data-testid': 'smtp-reply' }, r.smtpReply),
        ' ',
        h('span', { class: 'muted' }, `since ${time(r.since)}`),
      ),
    ),
    panel(
      null,
      h('div', { class: 'toolbar' }, h('h2', {}, 'Score over time'), dayButtons),
      scoreChart(history, standing, audit),
      h(
        'p',
        { class: 'muted' },
        'Recomputed from the tenant’s reports. Dashed horizontal lines: the warn and restrict thresholds now; vertical lines: warnings, restrictions and lifts. A lift forgives the score accumulated so far, so after one the standing above is lower than this curve.',
      ),
    ),
    panel('Why', h('pre', { class: 'summary' }, standing.summary ?? '')),
    h(
      'div',
      { class: 'grid' },
      breakdownTable(`Sender addresses (${period})`, breakdown.senderAddresses),
      breakdownTable(`Source IPs (${period})`, breakdown.sourceIps),
      breakdownTable(`Sending domains (${period})`, breakdown.sendingDomains, { registered: true }),
      breakdownTable(`Reporters and feeds (${period})`, breakdown.reporters),
      breakdownTable(`Feedback types (${period})`, breakdown.feedbackTypes),
      panel(
        'Tenant',
        fields([
          [
            'Accepted domains',
            tenant.acceptedDomains
              .map((d) => `${d.domain}${d.includeSubdomains ? ' (+subdomains)' : ''}`)
              .join(', '),
          ],
          ['Dedicated IPs', tenant.dedicatedIps.join(', ')],
          ['Admin contact', tenant.adminContact],
          ['Policy overrides', tenant.policy ? JSON.stringify(tenant.policy) : 'none'],
          ['Suppressed recipients', String(suppressionList.length)],
        ]),
      ),
    ),
    reportsPanel(tenantId),
    h(
      'div',
      { class: 'grid two' },
      liftForm(tenantId, standing, () => setTimeout(reload, 400)),
      panel(
        'Restriction history and audit trail',
        h('div', { 'data-testid': 'audit-trail' }, auditTable(audit)),
      ),
    ),
    policyForm(tenant, () => setTimeout(reload, 400)),
    suppressionList.length > 0
      ? panel('Suppression list', h('pre', { class: 'raw' }, suppressionList.join('\n')))
      : null,
  );
}
