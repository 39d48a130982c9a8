/**
 * The only way the dashboard builds markup. Everything shown may come from a reported message (attacker-controlled),
 * so text always goes in through textContent (never innerHTML), and links can only point inside the app.
 */

/** Attributes h() accepts; anything else is refused so data can never become an event handler or a URL. */
const SAFE_ATTRIBUTES = new Set([
  'class',
  'id',
  'type',
  'name',
  'value',
  'placeholder',
  'for',
  'title',
  'role',
  'colspan',
  'rows',
  'autocomplete',
  'required',
  'disabled',
  'checked',
  'hidden',
  'min',
  'max',
  'minlength',
  'maxlength',
  'aria-label',
  'aria-live',
  'data-testid',
  'data-state',
  'data-kind',
  'data-series',
  'download',
]);

/**
 * Creates an element. `attrs.href` must be an in-app route (`#/…`); `attrs.on` maps event names to handlers.
 * Children are nodes or values shown as text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...unknown} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(/** @type {Record<string, EventListener>} */ (value))) {
        el.addEventListener(event, handler);
      }
    } else if (name === 'href') {
      el.setAttribute('href', appHref(String(value)));
    } else if (SAFE_ATTRIBUTES.has(name)) {
      el.setAttribute(name, value === true ? '' : String(value));
    } else {
      throw new Error(`h(): attribute ${name} is not allowed`);
    }
  }
  append(el, children);
  return el;
}

/** Only in-app hash routes may be link targets (downloads build their own link in api.js). */
function appHref(href) {
  return href.startsWith('#/') ? href : '#/';
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An in-app route with each part percent-encoded, e.g. route('tenant', id) → `#/tenant/<id>`. */
export function route(...parts) {
  return `#/${parts.map((part) => encodeURIComponent(String(part))).join('/')}`;
}

/** A table from column definitions `{ label, value(row) → node|text, num? }`; `empty` when there are no rows. */
export function table(columns, rows, empty = 'Nothing here.') {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) =>
          h('th', { class: c.num ? 'num' : c.wrap ? 'wrap' : c.nowrap ? 'nowrap' : undefined }, c.label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          columns.map((c) =>
            h(
              'td',
              { class: c.num ? 'num' : c.wrap ? 'wrap' : c.nowrap ? 'nowrap' : undefined },
              c.value(row),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A coloured badge whose class is one of a fixed set, so data never picks a class name. */
export function badge(text, kind) {
  const known = [
    'active',
    'warned',
    'restricted',
    'probation',
    'proof',
    'supports',
    'untrusted',
    'no-match',
    'registered',
    'unregistered',
    'attributed',
    'unattributed',
    'unusable',
  ];
  return h('span', { class: `badge ${known.includes(kind) ? kind : ''}`.trim() }, text);
}

/** A definition list from [label, value] pairs, skipping empty values. */
export function fields(pairs) {
  return h(
    'dl',
    { class: 'fields' },
    pairs
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

/** A panel with a heading. */
export function panel(title, ...children) {
  return h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...children);
}

/** A notice line; `kind` is info, error or success. */
export function notice(text, kind = 'info') {
  return h(
    'div',
    { class: `notice ${kind === 'info' ? '' : kind}`.trim(), role: kind === 'error' ? 'alert' : 'status' },
    text,
  );
}

/**
 * A row of toggle buttons; `options` are [value, label] pairs, `onPick(value)` runs on a click.
 * @param {string} label accessible name of the group
 */
export function segmented(label, options, current, onPick) {
  return h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': label },
    options.map(([value, text]) =>
      h(
        'button',
        { type: 'button', class: value === current ? 'on' : undefined, on: { click: () => onPick(value) } },
        text,
      ),
    ),
  );
}

/**
 * An element of index.html that must exist: a missing one is a broken page, so it fails loudly here.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`index.html has no #${id}`);
  return el;
}
