import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type ApiAuthEnvironment, apiEnvironment } from '../../functions/api/env.ts';
import { TABLE_SPECS, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import { type ApiAuthConfig, IAM_API_AUTH } from '../api-auth-config.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { PipelineFunction } from './pipeline-function.ts';
import type { QueueWithDeadLetters } from './queue-with-dead-letters.ts';
import { grantReadRawMail, type RawMailLocation } from './raw-mail-reader.ts';
import { grantTableRead, grantTableReadWrite } from './table-grants.ts';
import { grantSendNotifications } from './tenant-scoring.ts';

/** Props of {@link AnalystApi}. */
export interface AnalystApiProps {
  /** The data stack's tables; grants name each table and index ARN. */
  readonly tables: { readonly tenants: ITable; readonly reports: ITable; readonly scores: ITable };
  /** Physical table names for the function environment. */
  readonly tableNames: TableNames;
  /** Where raw mail is (bucket export and prefix). */
  readonly rawMailLocation: RawMailLocation;
  /** IAM role names whose sessions get the `manage` role (lift, policy changes) under IAM authorization. */
  readonly manageRoles: readonly string[];
  /** IAM (SigV4, the default) or a JWT issuer for the analyst routes; see api-auth-config.ts. */
  readonly auth?: ApiAuthConfig;
  /** ARN of the SES domain identity notices are sent through. */
  readonly sesIdentityArn: string;
  /** Sender address of tenant notices, in the identity's domain. */
  readonly notificationsFrom: string;
  /** The pipeline's queues: the API reports their depths on /health and redrives their dead letters. */
  readonly queues: readonly QueueWithDeadLetters[];
  /** Where this construct's alarms notify. */
  readonly alarms: AlarmTopic;
}

/** The enforcement route the outbound MTA polls (issue 5); a route of its own so it can be throttled apart. */
export const ENFORCEMENT_ROUTE = '/v1/tenants/{tenantId}/sending-status';
/** Steady and burst request rates per second for the whole API; the MTA caches answers, analysts are few. */
const THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/**
 * The HTTP API (API Gateway HTTP API) in front of one Lambda that adapts requests to createApi: the enforcement
 * route, `/health` and every analyst route under `/v1/`. Every route is authorized by API Gateway: IAM (SigV4) by
 * default; with a JWT configuration `/health` and the analyst routes take the identity provider's tokens and the
 * enforcement route keeps IAM unless `enforcementAuth` is `jwt`.
 */
export class AnalystApi extends Construct {
  public readonly api: HttpApi;
  public readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: AnalystApiProps) {
    super(scope, id);
    const auth = props.auth ?? IAM_API_AUTH;
    this.function = new PipelineFunction(this, 'Api', {
      name: 'api',
      description: 'Analyst and enforcement HTTP API',
      environment: apiEnvironment(
        {
          tables: props.tableNames,
          rawMailBucket: props.rawMailLocation.bucketName,
          rawMailPrefix: props.rawMailLocation.prefix,
          auth: authEnvironment(auth, props.manageRoles),
          notificationsFrom: props.notificationsFrom,
          queues: props.queues.map((queue) => queue.pair),
        },
        (queues) => Stack.of(this).toJsonString(queues),
      ),
      timeout: Duration.seconds(29),
      memorySize: 512,
      alarms: props.alarms,
    });
    const fn = this.function.function;
    grantTableReadWrite(fn, props.tables.tenants, TABLE_SPECS.tenants);
    grantTableRead(fn, props.tables.reports, TABLE_SPECS.reports);
    grantTableReadWrite(fn, props.tables.scores, TABLE_SPECS.scores);
    grantReadRawMail(fn, props.rawMailLocation, this.function);
    grantSendNotifications(fn, props.sesIdentityArn, props.notificationsFrom);
    for (const queue of props.queues) queue.grantRedrive(fn);

    // IAM: the MTA and analysts hold IAM roles allowed execute-api:Invoke on these routes. JWT: API Gateway checks
    // the token's signature (the issuer's JWKS), issuer, audience and expiry before the function runs.
    const iam = new HttpIamAuthorizer();
    const analystAuthorizer: IHttpRouteAuthorizer =
      auth.type === 'jwt'
        ? new HttpJwtAuthorizer('AnalystJwt', auth.issuer, { jwtAudience: [...auth.audience] })
        : iam;
    const enforcementAuthorizer =
      auth.type === 'jwt' && auth.enforcementAuth === 'jwt' ? analystAuthorizer : iam;
    const scopes =
      auth.type === 'jwt' && auth.requiredScopes.length > 0 ? [...auth.requiredScopes] : undefined;
    const jwtScopes = scopes === undefined ? {} : { authorizationScopes: scopes };
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'abuse-intake analyst and enforcement API',
      defaultAuthorizer: analystAuthorizer,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    const integration = new HttpLambdaIntegration('Integration', fn);
    this.api.addRoutes({
      path: ENFORCEMENT_ROUTE,
      methods: [HttpMethod.GET],
      integration,
      authorizer: enforcementAuthorizer,
      ...(enforcementAuthorizer === analystAuthorizer ? jwtScopes : {}),
    });
    this.api.addRoutes({ path: '/health', methods: [HttpMethod.GET], integration, ...jwtScopes });
    this.api.addRoutes({ path: '/v1/{proxy+}', methods: [HttpMethod.ANY], integration, ...jwtScopes });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description:
        auth.type === 'jwt'
          ? `Call with Authorization: Bearer <token from ${auth.issuer}>`
          : 'Call with SigV4 (IAM)',
    });
  }
}

/** The function's view of the authorization: only what it needs to map the verified identity to a role. */
function authEnvironment(auth: ApiAuthConfig, manageRoles: readonly string[]): ApiAuthEnvironment {
  if (auth.type === 'iam') return { kind: 'iam', manageRoles };
  return {
    kind: 'jwt',
    actorClaim: auth.actorClaim,
    roleClaim: auth.roleClaim,
    manageValues: auth.manageValues,
    readValues: auth.readValues,
  };
}
