/** The API Lambda's entry (handler `handler`): the only file that reads the environment and builds clients. */
import { createApi } from '../../shared/http/create-api.ts';
import { createJsonLog } from '../json-log.ts';
import { createApiLambdaHandler } from './handler.ts';

const log = createJsonLog({ function: 'api' });

/** The Lambda handler for the HTTP API integration. */
export const handler = createApiLambdaHandler(
  createApi({
    now: () => new Date().toISOString(),
    authenticate: async () => undefined,
    health: async () => ({ status: 'ok' }),
    checkSending: async () => ({ allowed: true, state: 'active' }),
  }),
  log,
);
