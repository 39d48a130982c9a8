/** Submissions: what arrived, and for `unusable` ones, why nothing could be used. */
import { download, request, withQuery } from '../api.js';
import { badge, h, panel, replace, route, table } from '../dom.js';
import { time } from '../format.js';

export async function submissionsPage(main, _params, query, stillCurrent) {
  const status = ['processed', 'unusable'].includes(query.get('status')) ? query.get('status') : '';
  const body = h('div', {});
  const more = h('div', { class: 'pager' });
  const rows = [];
  let cursor = null;
  const render = () =>
    replace(
      body,
      table(
        [
          { label: 'Received', value: (s) => time(s.receivedAt) },
          { label: 'Status', value: (s) => badge(s.status, s.status === 'unusable' ? 'unusable' : 'active') },
          { label: 'Kind', value: (s) => s.kind },
          {
            label: 'Reason',
            value: (s) => (s.reason ? `${s.reason.code}: ${s.reason.message}` : ''),
            wrap: true,
          },
          { label: 'Reporter', value: (s) => s.reporter ?? '' },
          { label: 'Subject', value: (s) => s.subject ?? '', wrap: true },
          {
            label: 'Reports',
            value: (s) => s.reportIds.map((id) => h('div', {}, h('a', { href: route('report', id) }, id))),
          },
          {
            label: 'Raw',
            value: (s) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  on: {
                    click: () =>
                      download(
                        `/v1/submissions/${encodeURIComponent(s.submissionId)}/raw`,
                        `${s.submissionId}.eml.txt`,
                      ),
                  },
                },
                'download',
              ),
          },
        ],
        rows,
        'No submissions.',
      ),
    );
  async function load() {
    const page = await request(withQuery('/v1/submissions', { status, limit: 50, cursor }));
    if (!stillCurrent()) return;
    rows.push(...page.items);
    cursor = page.cursor;
    render();
    replace(
      more,
      cursor ? h('button', { type: 'button', class: 'secondary', on: { click: load } }, 'Load more') : null,
    );
  }
  const select = h(
    'select',
    {
      'aria-label': 'Status',
      on: { change: (e) => (location.hash = `#/submissions?status=${e.target.value}`) },
    },
    h('option', { value: '' }, 'all'),
    h('option', { value: 'processed' }, 'processed'),
    h('option', { value: 'unusable' }, 'unusable'),
  );
  select.value = status;
  replace(main, h('div', { class: 'head' }, h('h1', {}, 'Submissions'), select), panel(null, body, more));
  await load();
}
