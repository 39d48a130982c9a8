/** The dashboard shell: hash routing, login gate, top bar. Pages render into <main> with dom.js only. */
import { getToken, getWho, logout } from './api.js';
import { byId, notice, replace } from './dom.js';
import { loginPage } from './pages/login.js';
import { overviewPage } from './pages/overview.js';
import { policyPage } from './pages/policy.js';
import { reportPage } from './pages/report.js';
import { reportsPage } from './pages/reports.js';
import { searchPage } from './pages/search.js';
import { submissionsPage } from './pages/submissions.js';
import { tenantPage } from './pages/tenant.js';
import { tenantsPage } from './pages/tenants.js';

const main = byId('main');

/** Page per first path segment; each gets (main, params, query). */
const PAGES = {
  '': overviewPage,
  tenants: tenantsPage,
  tenant: tenantPage,
  reports: reportsPage,
  report: reportPage,
  submissions: submissionsPage,
  search: searchPage,
  policy: policyPage,
};

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', queryText = ''] = raw.split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  return { name: parts[0] ?? '', params: parts.slice(1), query: new URLSearchParams(queryText) };
}

function showChrome(loggedIn) {
  for (const id of ['nav', 'search', 'who']) byId(id).hidden = !loggedIn;
  const who = getWho();
  replace(byId('who-name'), who ? `${who.actor} (${who.role})` : '');
}

function markActiveNav(name) {
  for (const link of document.querySelectorAll('#nav a')) {
    const target = (link.getAttribute('href') ?? '').replace(/^#\/?/, '');
    link.classList.toggle(
      'active',
      target === name ||
        (target === 'tenants' && name === 'tenant') ||
        (target === 'reports' && name === 'report'),
    );
  }
}

let renderCount = 0;

async function render() {
  const current = ++renderCount;
  const { name, params, query } = parseHash();
  if (!getToken()) {
    showChrome(false);
    loginPage(main, () => {
      showChrome(true);
      render();
    });
    return;
  }
  showChrome(true);
  markActiveNav(name);
  const page = PAGES[name];
  replace(main, notice('Loading…'));
  if (!page) {
    replace(main, notice('No such page.', 'error'));
    return;
  }
  try {
    await page(main, params, query, () => current === renderCount);
  } catch (error) {
    if (current !== renderCount) return;
    replace(main, notice(error instanceof Error ? error.message : 'Something went wrong.', 'error'));
  }
  if (current === renderCount) main.focus({ preventScroll: true });
}

byId('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = /** @type {HTMLInputElement} */ (document.getElementById('search-input')).value.trim();
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});

byId('logout').addEventListener('click', () => {
  logout();
  location.hash = '#/';
  render();
});

window.addEventListener('abuse-intake:unauthenticated', () => render());
window.addEventListener('hashchange', render);
render();
