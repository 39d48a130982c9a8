/** A small fetch wrapper for the API tests: real HTTP against the test server. */
export interface Fetched {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field.
  readonly json: any;
}

/** Calls the API with an optional bearer token and JSON body. */
export async function call(
  base: string,
  path: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<Fetched> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
