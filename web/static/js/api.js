/** The API client: the token lives in sessionStorage (gone when the tab closes) and goes in the Authorization header. */

const TOKEN_KEY = 'abuse-intake.token';
const WHO_KEY = 'abuse-intake.who';

/** An API error carrying the HTTP status and the API's error code. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The caller as /v1/me described it at login: { actor, role }. */
export function getWho() {
  try {
    return JSON.parse(sessionStorage.getItem(WHO_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(WHO_KEY);
}

/** Checks a token against /v1/me and keeps it for the session. */
export async function login(token) {
  const who = await request('/v1/me', { token });
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(WHO_KEY, JSON.stringify(who));
  return who;
}

/**
 * @param {string} path
 * @param {{ method?: string, body?: unknown, token?: string }} [options]
 */
async function send(path, { method = 'GET', body, token = getToken() } = {}) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) {
    let code = 'error';
    let message = `HTTP ${response.status}`;
    try {
      const data = await response.json();
      code = data?.error?.code ?? code;
      message = data?.error?.message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    // A stored token that stopped working (rotated, server restarted with new tokens): back to the login page.
    if (response.status === 401 && sessionStorage.getItem(TOKEN_KEY)) {
      logout();
      window.dispatchEvent(new Event('abuse-intake:unauthenticated'));
    }
    throw new ApiError(response.status, code, message);
  }
  return response;
}

/** GET (or another method) returning parsed JSON. */
/**
 * @param {string} path
 * @param {{ method?: string, body?: unknown, token?: string }} [options]
 */
export async function request(path, options = {}) {
  return (await send(path, options)).json();
}

/** A path with query parameters, leaving out empty ones. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Fetches a response body as text (raw mail), at most `maxChars` of it. */
export async function requestText(path, maxChars) {
  const text = await (await send(path)).text();
  return { text: text.slice(0, maxChars), truncated: text.length > maxChars, length: text.length };
}

/** Downloads an authenticated resource as a file through a blob URL (a plain link would not carry the token). */
export async function download(path, filename) {
  const blob = await (await send(path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The runtime's public health (`/health`), also when it answers 503 (degraded): the figures are in the body. */
export async function runtimeHealth() {
  const response = await fetch('/health', { credentials: 'omit', cache: 'no-store' });
  try {
    return await response.json();
  } catch {
    return { status: 'unknown' };
  }
}
