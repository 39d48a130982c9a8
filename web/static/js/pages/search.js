/** Search results for a Message-ID, IP, domain, address or id. */
import { request, withQuery } from '../api.js';
import { h, notice, panel, replace, route, table } from '../dom.js';
import { reportsTable, tenantLink } from './common.js';

const KIND_LABELS = {
  'message-id': 'Message-ID',
  ip: 'source IP',
  'ip-prefix': 'a partial IP address',
  address: 'sender address',
  domain: 'sender domain',
  id: 'tenant, report or submission id',
};

export async function searchPage(main, _params, query, stillCurrent) {
  const q = query.get('q') ?? '';
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('search-input'));
  if (input) input.value = q;
  const result = await request(withQuery('/v1/search', { q }));
  if (!stillCurrent()) return;
  const filters = new URLSearchParams(Object.entries(result.filters).filter(([, v]) => v));
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h(
        'div',
        {},
        h('h1', {}, 'Search'),
        h('div', { class: 'meta' }, `“${q}” searched as ${KIND_LABELS[result.kind] ?? result.kind}`),
      ),
    ),
    result.note ? notice(result.note, 'info') : null,
    result.tenants.length > 0
      ? panel(
          'Tenants',
          table(
            [
              { label: 'Tenant', value: (t) => tenantLink(t.tenantId, t.name) },
              { label: 'Id', value: (t) => t.tenantId },
            ],
            result.tenants,
          ),
        )
      : null,
    result.submissionId
      ? panel(
          'Submission',
          h(
            'p',
            {},
            h('span', { class: 'mono' }, result.submissionId),
            ' — ',
            h('a', { href: `${route('submissions')}` }, 'see submissions'),
          ),
        )
      : null,
    panel(
      'Reports',
      h('div', { 'data-testid': 'search-results' }, reportsTable(result.reports)),
      result.cursor || [...filters].length > 0
        ? h(
            'p',
            {},
            h(
              'a',
              { href: `${route('reports')}?${filters}` },
              'Open in the reports list (filters, paging, export) →',
            ),
          )
        : null,
    ),
  );
}
