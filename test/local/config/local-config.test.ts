import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS, LocalConfigError, loadLocalConfig } from '../../../local/config/local-config.ts';

const dirs: string[] = [];
function dirWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-config-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadLocalConfig', () => {
  it('fills every documented default when there is no file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'abuse-intake-config-'));
    dirs.push(cwd);
    const config = loadLocalConfig({ env: {}, cwd });
    expect(config.dataDir).toBe(join(cwd, 'data'));
    expect(config.smtp).toEqual({ host: '127.0.0.1', port: 2525, maxMessageBytes: 40 * 1024 * 1024 });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.retentionDays).toBe(180);
    expect(config.queue).toEqual(LOCAL_DEFAULTS.queue);
    expect(config.platform.reportingAddresses.length).toBeGreaterThan(0);
    expect(config.source).toBeUndefined();
  });

  it('reads a YAML file from the working directory and resolves paths against it', () => {
    const cwd = dirWith(
      'abuse-intake.config.yaml',
      'dataDir: ./var\nsmtp:\n  port: 2600\n  tls: { keyFile: key.pem, certFile: cert.pem }\nplatform:\n  reportingAddresses: [abuse@example.net]\n',
    );
    const config = loadLocalConfig({ env: {}, cwd });
    expect(config.dataDir).toBe(join(cwd, 'var'));
    expect(config.smtp.port).toBe(2600);
    expect(config.smtp.tls).toEqual({ keyFile: join(cwd, 'key.pem'), certFile: join(cwd, 'cert.pem') });
    expect(config.platform.reportingAddresses).toEqual(['abuse@example.net']);
  });

  it('lets ABUSE_INTAKE_* variables override the file and flags override both', () => {
    const cwd = dirWith(
      'abuse-intake.config.json',
      JSON.stringify({ smtp: { port: 2600 }, http: { port: 9000 } }),
    );
    const config = loadLocalConfig({
      env: {
        ABUSE_INTAKE_SMTP_PORT: '2700',
        ABUSE_INTAKE_HTTP_PORT: '9100',
        ABUSE_INTAKE_RETENTION_DAYS: '30',
      },
      overrides: { httpPort: 0 },
      cwd,
    });
    expect(config.smtp.port).toBe(2700);
    expect(config.http.port).toBe(0);
    expect(config.retentionDays).toBe(30);
  });

  it('names the field and the fix when a value is wrong', () => {
    const cwd = dirWith('abuse-intake.config.json', JSON.stringify({ smtp: { port: 'twenty-five' } }));
    expect(() => loadLocalConfig({ env: {}, cwd })).toThrow(LocalConfigError);
    expect(() => loadLocalConfig({ env: {}, cwd })).toThrow(
      /smtp\.port must be a whole number from 0 to 65535/,
    );
  });

  it('rejects an unknown field, naming it and the nearest known one', () => {
    const typo = dirWith('abuse-intake.config.json', JSON.stringify({ smpt: { port: 2600 } }));
    expect(() => loadLocalConfig({ env: {}, cwd: typo })).toThrow(
      'unknown field "smpt": did you mean "smtp"?',
    );
    const nested = dirWith('abuse-intake.config.yaml', 'queue:\n  maxAttempt: 3\n');
    expect(() => loadLocalConfig({ env: {}, cwd: nested })).toThrow(
      'unknown field "queue.maxAttempt": did you mean "queue.maxAttempts"?',
    );
    const unrelated = dirWith('abuse-intake.config.json', JSON.stringify({ http: { color: 'blue' } }));
    expect(() => loadLocalConfig({ env: {}, cwd: unrelated })).toThrow(
      'unknown field "http.color": known fields: host, port',
    );
  });

  it('reports platform mistakes under the platform section', () => {
    const cwd = dirWith(
      'abuse-intake.config.json',
      JSON.stringify({ platform: { relayIps: ['not-an-ip'] } }),
    );
    expect(() => loadLocalConfig({ env: {}, cwd })).toThrow(/platform\.relayIps/);
  });

  it('rejects a short API token with advice on making one', () => {
    expect(() =>
      loadLocalConfig({ env: { ABUSE_INTAKE_TOKENS: 'alice:manage:short' }, cwd: tmpdir() }),
    ).toThrow(/too short/);
  });

  it('says when a named config file does not exist', () => {
    expect(() => loadLocalConfig({ env: {}, file: '/nonexistent/abuse.json' })).toThrow(/does not exist/);
  });
});

describe('loadLocalConfig tokens', () => {
  it('accepts a token by its SHA-256 so the secret stays out of the file', () => {
    const sha256 = 'a'.repeat(64);
    const cwd = dirWith(
      'abuse-intake.config.json',
      JSON.stringify({ tokens: [{ name: 'noc', role: 'read', sha256 }] }),
    );
    expect(loadLocalConfig({ env: {}, cwd }).tokens).toEqual([{ name: 'noc', role: 'read', sha256 }]);
  });

  it('reads the example configuration shipped with the repository', () => {
    const config = loadLocalConfig({
      env: {},
      file: join(import.meta.dirname, '../../../abuse-intake.config.example.json'),
    });
    expect(config.retentionDays).toBe(180);
    expect(config.platform.signingKeys).toHaveLength(1);
    expect(config.tokens.map((token) => token.role)).toEqual(['manage', 'read']);
  });
});
