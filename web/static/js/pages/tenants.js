/** Tenant list: by score, name or distance to threshold, filtered by state. */
import { request, withQuery } from '../api.js';
import { h, panel, replace } from '../dom.js';
import { standingsTable } from './common.js';

const STATES = ['', 'active', 'warned', 'restricted', 'probation'];
const SORTS = [
  ['ratio', 'Nearest threshold'],
  ['score', 'Score'],
  ['name', 'Name'],
];

export async function tenantsPage(main, _params, query, stillCurrent) {
  const state = STATES.includes(query.get('state') ?? '') ? (query.get('state') ?? '') : '';
  const sort = SORTS.some(([s]) => s === query.get('sort')) ? query.get('sort') : 'ratio';
  const data = await request(withQuery('/v1/tenants', { state, sort, limit: 500 }));
  if (!stillCurrent()) return;
  const go = (next) => (location.hash = `#/tenants?${new URLSearchParams({ state, sort, ...next })}`);
  const stateSelect = h(
    'select',
    { 'aria-label': 'State', on: { change: (e) => go({ state: e.target.value }) } },
    STATES.map((s) => h('option', { value: s }, s || 'any state')),
  );
  stateSelect.value = state;
  const sortSelect = h(
    'select',
    { 'aria-label': 'Sort', on: { change: (e) => go({ sort: e.target.value }) } },
    SORTS.map(([s, label]) => h('option', { value: s }, label)),
  );
  sortSelect.value = sort;
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h('h1', {}, 'Tenants'),
      h('div', { class: 'toolbar' }, stateSelect, sortSelect),
    ),
    panel(`${data.total} ${data.total === 1 ? 'tenant' : 'tenants'}`, standingsTable(data.items)),
  );
}
