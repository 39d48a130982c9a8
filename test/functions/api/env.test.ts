import { describe, expect, it } from 'vitest';
import { type ApiEnvironment, apiEnvironment, readApiEnvironment } from '../../../functions/api/env.ts';
import { LambdaEnvironmentError } from '../../../functions/lambda-environment.ts';
import { SAMPLE_ENVIRONMENTS } from '../../../infra/bundle-functions.ts';

/** The sample environment the bundle tests start functions with, read back as the base configuration. */
const BASE = readApiEnvironment(SAMPLE_ENVIRONMENTS.api);

describe('API function environment', () => {
  it.each<ApiEnvironment['auth']>([
    { kind: 'iam', manageRoles: ['AbuseAdmins', 'OnCall'] },
    {
      kind: 'jwt',
      actorClaim: 'email',
      roleClaim: 'cognito:groups',
      manageValues: ['abuse-leads'],
      readValues: ['abuse-analysts', 'abuse-oncall'],
    },
  ])('reads back the %j authorization it renders', (auth) => {
    const config: ApiEnvironment = { ...BASE, auth };
    expect(readApiEnvironment(apiEnvironment(config))).toEqual(config);
  });

  it('reads a function deployed before API_AUTH existed as IAM', () => {
    const env = apiEnvironment({ ...BASE, auth: { kind: 'iam', manageRoles: ['AbuseAdmins'] } });
    delete env['API_AUTH'];
    expect(readApiEnvironment(env).auth).toEqual({ kind: 'iam', manageRoles: ['AbuseAdmins'] });
  });

  it('refuses a JWT environment without read values or with an unknown kind, naming the variable', () => {
    const jwt = apiEnvironment({
      ...BASE,
      auth: { kind: 'jwt', actorClaim: 'sub', roleClaim: 'groups', manageValues: [], readValues: ['r'] },
    });
    expect(() => readApiEnvironment({ ...jwt, API_JWT_READ_VALUES: '' })).toThrow(LambdaEnvironmentError);
    expect(() => readApiEnvironment({ ...jwt, API_JWT_READ_VALUES: '' })).toThrow(/API_JWT_READ_VALUES/);
    expect(() => readApiEnvironment({ ...jwt, API_AUTH: 'saml' })).toThrow(/API_AUTH must be iam or jwt/);
    expect(() => readApiEnvironment({ ...jwt, API_JWT_ROLE_CLAIM: '' })).toThrow(/API_JWT_ROLE_CLAIM/);
  });
});
