/** Pieces several pages show: state badges, tenant links, report tables. */
import { badge, h, route, table } from '../dom.js';
import { number, time } from '../format.js';

export function stateBadge(state) {
  return badge(state, state);
}

/** Short names of the blocks that stand beside the state (a 5.7.705 restriction is the state `restricted`). */
const BLOCK_LABELS = { 'unregistered-domains': '5.7.750 unregistered domains' };

/** The state badge plus a badge per 5.7.750 block: a `warned` tenant can also be blocked for unregistered domains. */
export function stateCell(standing) {
  const blocks = (standing.restrictions ?? []).filter((r) => BLOCK_LABELS[r.kind]);
  return h(
    'span',
    { class: 'state-cell' },
    stateBadge(standing.state),
    blocks.map((r) => [' ', badge(BLOCK_LABELS[r.kind], 'restricted')]),
  );
}

export function tenantLink(tenantId, label = tenantId) {
  return tenantId ? h('a', { href: route('tenant', tenantId) }, label) : h('span', { class: 'muted' }, '–');
}

/** Reports as a table (summaries from /v1/reports); every text cell is attacker-controlled and shown as text. */
export function reportsTable(reports, { showTenant = true } = {}) {
  const columns = [
    { label: 'Received', value: (r) => h('a', { href: route('report', r.reportId) }, time(r.receivedAt)) },
    showTenant && {
      label: 'Tenant',
      value: (r) => (r.tenantId ? tenantLink(r.tenantId) : badge('unattributed', 'unattributed')),
    },
    { label: 'Type', value: (r) => r.feedbackType },
    { label: 'Subject', value: (r) => r.subject ?? '', wrap: true },
    { label: 'Sender', value: (r) => r.senderAddress ?? r.from ?? '', wrap: true },
    { label: 'Source IP', value: (r) => r.sourceIp ?? '' },
    { label: 'Reporter', value: (r) => r.reporter ?? '' },
    {
      label: 'Attribution',
      value: (r) =>
        r.attribution === 'attributed'
          ? [
              badge(r.confidence ?? 'attributed', r.confidence === 'weak' ? 'supports' : 'attributed'),
              r.unregisteredDomainRelay ? [' ', badge('unregistered domain', 'unregistered')] : null,
            ]
          : badge('unattributed', 'unattributed'),
    },
  ].filter(Boolean);
  return table(columns, reports, 'No reports match.');
}

/** Tenants with standing (from /v1/tenants or /v1/restrictions). */
export function standingsTable(rows) {
  return table(
    [
      { label: 'Tenant', value: (t) => tenantLink(t.tenantId, t.name ?? t.tenantId) },
      { label: 'State', value: (t) => stateCell(t) },
      { label: 'Score', value: (t) => number(t.score), num: true },
      { label: 'Restrict at', value: (t) => number(t.restrictThreshold), num: true },
      {
        label: 'Of threshold',
        value: (t) => (t.restrictThreshold ? `${Math.round((t.score / t.restrictThreshold) * 100)} %` : '–'),
        num: true,
      },
    ],
    rows,
    'No tenants yet.',
  );
}
