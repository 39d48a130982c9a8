import { describe, expect, it } from 'vitest';
import { createStaticFiles } from '../../web/static-files.ts';

describe('createStaticFiles', () => {
  it('serves the dashboard at / with the strict CSP and nosniff', async () => {
    const files = await createStaticFiles();
    const index = await files('/');
    expect(index?.status).toBe(200);
    expect(index?.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(index?.headers?.['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(index?.headers?.['x-content-type-options']).toBe('nosniff');
    expect(index?.text).toContain('<script type="module" src="/js/app.js">');
  });

  it('serves modules as JavaScript and uPlot from node_modules', async () => {
    const files = await createStaticFiles();
    expect((await files('/js/app.js'))?.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await files('/vendor/uplot/uPlot.esm.js'))?.text).toContain('export');
    expect((await files('/vendor/uplot/uPlot.min.css'))?.headers?.['content-type']).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves nothing outside its allow-list, whatever the path says', async () => {
    const files = await createStaticFiles();
    for (const path of [
      '/../package.json',
      '/js/../../package.json',
      '/%2e%2e/package.json',
      '/static-files.ts',
      '/nope.js',
    ]) {
      expect(await files(path), path).toBeUndefined();
    }
  });
});

describe('vendored uPlot', () => {
  it('is byte-identical to the installed uplot package, so an upgrade cannot drift unnoticed', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const name of ['uPlot.esm.js', 'uPlot.min.css']) {
      const vendored = await readFile(new URL(`../../web/static/vendor/uplot/${name}`, import.meta.url));
      const installed = await readFile(new URL(`../../node_modules/uplot/dist/${name}`, import.meta.url));
      expect(vendored.equals(installed), name).toBe(true);
    }
  });
});
