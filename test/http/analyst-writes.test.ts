import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST } from '../../shared/core/model/index.ts';
import { type AnalystServer, MANAGE_TOKEN, READ_TOKEN, startAnalystServer } from './analyst-server.ts';
import { call } from './api-client.ts';

let server: AnalystServer;

beforeAll(async () => {
  server = await startAnalystServer();
});
afterAll(async () => {
  await server?.stop();
});

const lift = (token: string | undefined, body: unknown) =>
  call(server.url, '/v1/tenants/acme/lift', { method: 'POST', ...(token ? { token } : {}), body });

describe('lifting a restriction', () => {
  it('answers 401 without a token and 403 for a read-only token, changing nothing', async () => {
    const body = { reason: 'Remediated', checklist: REMEDIATION_CHECKLIST };
    expect((await lift(undefined, body)).status).toBe(401);
    const denied = await lift(READ_TOKEN, body);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('forbidden');
    const tenant = await call(server.url, '/v1/tenants/acme', { token: READ_TOKEN });
    expect(tenant.json.standing.state).toBe('restricted');
  });

  it('refuses a lift whose checklist is incomplete, naming the missing items', async () => {
    const response = await lift(MANAGE_TOKEN, { reason: 'Remediated', checklist: ['connectors-reviewed'] });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('admin-mfa-enabled');
  });

  it('refuses a lift without a reason or with a body that is not JSON', async () => {
    expect((await lift(MANAGE_TOKEN, { checklist: REMEDIATION_CHECKLIST })).status).toBe(400);
    const garbage = await fetch(`${server.url}/v1/tenants/acme/lift`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MANAGE_TOKEN}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(garbage.status).toBe(400);
  });

  it('lifts with the manage role, puts the tenant on probation and lets it send again', async () => {
    const response = await lift(MANAGE_TOKEN, {
      reason: 'Compromised accounts reset, ticket ABUSE-42',
      checklist: REMEDIATION_CHECKLIST,
    });
    expect(response.status).toBe(200);
    expect(response.json.standing.state).toBe('probation');
    const sending = await call(server.url, '/v1/tenants/acme/sending-status?fromDomain=acme.example');
    expect(sending.json.allowed).toBe(true);
  });

  it('records the lift in the audit trail with the actor, reason and checklist', async () => {
    const { json } = await call(server.url, '/v1/tenants/acme/audit', { token: READ_TOKEN });
    const entry = json.items.find((e: { action: string }) => e.action === 'lifted');
    expect(entry).toMatchObject({
      actor: 'token:lead-analyst',
      reason: 'Compromised accounts reset, ticket ABUSE-42',
    });
    expect(JSON.stringify(entry.details)).toContain('admin-mfa-enabled');
  });

  it('answers 409 when there is nothing to lift', async () => {
    const again = await lift(MANAGE_TOKEN, { reason: 'Again', checklist: REMEDIATION_CHECKLIST });
    expect(again.status).toBe(409);
  });
});

describe('policy changes and replays', () => {
  const change = { reason: 'Large sender, agreed with account team', overrides: { restrictThreshold: 40 } };

  it('needs the manage role to change a tenant policy', async () => {
    const denied = await call(server.url, '/v1/tenants/globex/policy', {
      method: 'PUT',
      token: READ_TOKEN,
      body: change,
    });
    expect(denied.status).toBe(403);
  });

  it('validates overrides and names the field', async () => {
    const bad = await call(server.url, '/v1/tenants/globex/policy', {
      method: 'PUT',
      token: MANAGE_TOKEN,
      body: { reason: 'x', overrides: { restrictThreshold: -1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('restrictThreshold');
  });

  it('changes a tenant policy and audits it with the actor', async () => {
    const ok = await call(server.url, '/v1/tenants/globex/policy', {
      method: 'PUT',
      token: MANAGE_TOKEN,
      body: change,
    });
    expect(ok.status).toBe(200);
    const policy = await call(server.url, '/v1/tenants/globex/policy', { token: READ_TOKEN });
    expect(policy.json.overrides).toEqual({ restrictThreshold: 40 });
    const audit = await call(server.url, '/v1/tenants/globex/audit', { token: READ_TOKEN });
    expect(audit.json.items).toContainEqual(
      expect.objectContaining({
        action: 'policy-changed',
        actor: 'token:lead-analyst',
        reason: change.reason,
      }),
    );
  });

  it('needs the manage role to replay dead letters and audits the replay', async () => {
    const path = '/v1/dead-letters/replay';
    expect((await call(server.url, path, { method: 'POST', token: READ_TOKEN })).status).toBe(403);
    const ok = await call(server.url, path, { method: 'POST', token: MANAGE_TOKEN });
    expect(ok.json).toEqual({ replayed: 0 });
    const audit = await call(server.url, '/v1/tenants/_platform/audit', { token: READ_TOKEN });
    expect(audit.json.items[0]).toMatchObject({
      action: 'dead-letters-replayed',
      actor: 'token:lead-analyst',
    });
  });
});
