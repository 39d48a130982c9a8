/** The API Lambda's entry (handler `handler`): the only file that reads the environment and builds clients. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createS3RawMailStore } from '../../shared/adapters/s3/s3-raw-mail-store.ts';
import { createSqsDeadLetters } from '../../shared/adapters/sqs/sqs-dead-letters.ts';
import { bindScoring } from '../../shared/core/score/bind-scoring.ts';
import { createPrincipalAuthenticator } from '../../shared/http/auth/principal-authenticator.ts';
import { createApi } from '../../shared/http/create-api.ts';
import { createAwsScoringDeps } from '../aws-scoring-deps.ts';
import { createJsonLog, errorFields } from '../json-log.ts';
import { readApiEnvironment } from './env.ts';
import { createApiLambdaHandler, principalRoleOptions } from './handler.ts';

const env = readApiEnvironment(process.env);
const log = createJsonLog({ function: 'api' });
const { scoring, directory } = createAwsScoringDeps({
  dynamodb: new DynamoDBClient({}),
  ses: new SESClient({}),
  tables: env.tables,
  notificationsFrom: env.notificationsFrom,
});
const deadLetters = createSqsDeadLetters({ client: new SQSClient({}), queues: env.queues });
const roles = principalRoleOptions(env.auth);
const bound = bindScoring(scoring, { putTenant: (tenant) => directory.putTenant(tenant) });

/** The Lambda handler for the HTTP API integration. */
export const handler = createApiLambdaHandler(
  createApi(
    {
      now: () => new Date().toISOString(),
      // API Gateway's authorizer has verified the SigV4 signature (IAM) or the token (JWT); roles come from the
      // caller's IAM role or the configured JWT claim.
      authenticate: createPrincipalAuthenticator(roles),
      health: async () => {
        const depths = await deadLetters.depths();
        return {
          status: depths.deadLetters > 0 ? 'degraded' : 'ok',
          queueDepth: depths.queueDepth,
          deadLetters: depths.deadLetters,
          details: { runtime: 'aws-lambda', queues: depths.byQueue },
        };
      },
      checkSending: bound.checkSending,
      analyst: {
        records: scoring.records,
        tenants: directory,
        scoring: bound,
        rawMail: createS3RawMailStore({
          client: new S3Client({}),
          bucket: env.rawMailBucket,
          prefix: env.rawMailPrefix,
        }),
        replayDeadLetters: async (actor) => {
          const result = await deadLetters.redrive();
          log.info('api.dead-letters-redriven', { actor, replayed: result.replayed });
          return result;
        },
      },
    },
    (message, error) => log.error('api.route-failed', { message, ...errorFields(error) }),
  ),
  log,
  {
    roles,
    ...(env.auth.kind === 'jwt' ? { jwtActorClaim: env.auth.actorClaim } : {}),
  },
);
