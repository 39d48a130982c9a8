import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthApp } from '../synth-app.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

let synthesized: SynthesizedApp;
let resources: Record<string, Resource>;
beforeAll(() => {
  synthesized = synthApp({
    domain: 'abuse.platform.example',
    reportingAddresses: '["junk@abuse.platform.example","fbl@abuse.platform.example"]',
    alarmEmail: 'ops@platform.example',
    activateRuleSet: 'true',
    apiManageRoles: 'AbuseAdmins',
  });
  resources = synthesized.pipeline.toJSON().Resources as Record<string, Resource>;
});

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const ref = (value: unknown) => JSON.stringify(value);

describe('PipelineStack', () => {
  it('accepts mail for the reporting addresses with spam and virus scanning and TLS required, into raw/', () => {
    synthesized.pipeline.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Recipients: ['junk@abuse.platform.example', 'fbl@abuse.platform.example'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Enabled: true,
        Actions: [{ S3Action: Match.objectLike({ ObjectKeyPrefix: 'raw/' }) }],
      },
    });
  });

  it('activates the receipt rule set through SES SetActiveReceiptRuleSet when asked', () => {
    const activation = ofType('Custom::AWS');
    expect(activation).toHaveLength(1);
    expect(ref(activation[0]?.[1].Properties)).toContain('setActiveReceiptRuleSet');
  });

  it('gives every queue a dead-letter queue, encryption and a TLS-only policy', () => {
    const queues = ofType('AWS::SQS::Queue');
    const deadLetterTargets = queues.flatMap(([, queue]) => {
      const redrive = queue.Properties['RedrivePolicy'] as { deadLetterTargetArn: unknown } | undefined;
      return redrive ? [ref(redrive.deadLetterTargetArn)] : [];
    });
    for (const [id, queue] of queues) {
      const isDeadLetterQueue = deadLetterTargets.includes(ref({ 'Fn::GetAtt': [id, 'Arn'] }));
      if (!isDeadLetterQueue) expect(queue.Properties['RedrivePolicy'], id).toBeDefined();
      expect(queue.Properties['SqsManagedSseEnabled'], id).toBe(true);
    }
    expect(deadLetterTargets).toHaveLength(2);
    const policies = ofType('AWS::SQS::QueuePolicy').map(([, policy]) => ref(policy.Properties));
    for (const [id] of queues) {
      const policy = policies.find((p) => p.includes(`"Ref":"${id}"`));
      expect(policy, id).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('alarms on every queue: dead letters by depth, work queues by the age of the oldest message', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    for (const [id, queue] of ofType('AWS::SQS::Queue')) {
      const metric = queue.Properties['RedrivePolicy']
        ? 'ApproximateAgeOfOldestMessage'
        : 'ApproximateNumberOfMessagesVisible';
      const alarm = alarms.find(
        (a) => a['MetricName'] === metric && ref(a['Dimensions']).includes(`"${id}","QueueName"`),
      );
      expect(alarm, `${id} ${metric}`).toBeDefined();
    }
  });

  it('alarms on errors and throttles of each pipeline function, all alarms notifying the alarm topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    for (const id of pipelineFunctionIds()) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(
          alarms.some((a) => a['MetricName'] === metric && ref(a['Dimensions']).includes(`"Ref":"${id}"`)),
          `${id} ${metric}`,
        ).toBe(true);
      }
    }
    const [topicId] = ofType('AWS::SNS::Topic')[0] ?? [];
    for (const alarm of alarms) expect(ref(alarm['AlarmActions'])).toContain(`"Ref":"${topicId}"`);
    synthesized.pipeline.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@platform.example',
    });
  });

  it('runs each pipeline function on arm64 and Node.js 22 with source maps enabled', () => {
    for (const id of pipelineFunctionIds()) {
      const props = resources[id]?.Properties ?? {};
      expect(props['Architectures']).toEqual(['arm64']);
      expect(props['Runtime']).toBe('nodejs22.x');
      expect(ref(props['Environment'])).toContain('--enable-source-maps');
    }
  });

  it('consumes both queues with partial batch failure responses', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(2);
    for (const [, mapping] of mappings) {
      expect(mapping.Properties['FunctionResponseTypes']).toEqual(['ReportBatchItemFailures']);
    }
  });

  it('re-evaluates tenant standings every 5 minutes by invoking the score function on a schedule', () => {
    const rules = ofType('AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    const rule = rules[0]![1].Properties;
    expect(rule['ScheduleExpression']).toBe('rate(5 minutes)');
    const targets = rule['Targets'] as { Arn: unknown }[];
    const scoreFunction = ofType('AWS::Lambda::Function').find(([, fn]) =>
      ref(fn.Properties['Description']).includes('tenant scores'),
    );
    expect(scoreFunction).toBeDefined();
    expect(ref(targets[0]?.Arn)).toContain(scoreFunction![0]);
  });

  it('lets every function that reads reports query the byMessageId index by its own ARN', () => {
    const policies = JSON.stringify(ofType('AWS::IAM::Policy'));
    const grants = (index: string) => policies.split(`/index/${index}"`).length - 1;
    // Every grant on the reports table names all its indexes, so the new one appears wherever byDay does.
    expect(grants('byDay')).toBeGreaterThanOrEqual(3);
    expect(grants('byMessageId')).toBe(grants('byDay'));
    expect(policies).not.toContain('/index/*');
  });

  it('never grants a pipeline function a `*` resource', () => {
    const roles = pipelineFunctionIds().map((id) => ref(resources[id]?.Properties['Role']));
    const policies = ofType('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties['Roles'] as unknown[]).some((role) =>
        roles.includes(ref({ 'Fn::GetAtt': [(role as { Ref: string }).Ref, 'Arn'] })),
      ),
    );
    expect(policies).toHaveLength(3);
    for (const [id, policy] of policies) {
      const statements = (policy.Properties['PolicyDocument'] as { Statement: { Resource: unknown }[] })
        .Statement;
      for (const statement of statements) {
        const targets = [statement.Resource].flat();
        expect(targets, id).not.toContain('*');
      }
    }
  });

  it('scopes each role to its capability: intake cannot send mail, scoring cannot read raw mail, neither scans', () => {
    const actionsOf = (functionPath: string) => {
      const [id] = ofType('AWS::Lambda::Function').find(([key]) => key.startsWith(functionPath)) ?? [];
      const role = ref(resources[id ?? '']?.Properties['Role']);
      return ofType('AWS::IAM::Policy')
        .filter(([, policy]) =>
          (policy.Properties['Roles'] as { Ref: string }[]).some((r) => role.includes(`"${r.Ref}"`)),
        )
        .flatMap(([, policy]) =>
          (policy.Properties['PolicyDocument'] as { Statement: { Action: unknown }[] }).Statement.flatMap(
            (statement) => [statement.Action].flat() as string[],
          ),
        );
    };
    const intake = actionsOf('IntakeFunction');
    const score = actionsOf('ScoringScoreFunction');
    expect(intake).toContain('s3:GetObject');
    expect(intake.some((action) => action.startsWith('ses:'))).toBe(false);
    expect(score).toContain('ses:SendEmail');
    expect(score.some((action) => action.startsWith('s3:'))).toBe(false);
    expect(intake.concat(score)).not.toContain('dynamodb:Scan');
  });

  it('lets the functions send mail only through the SES identity and from the notifications address', () => {
    synthesized.pipeline.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Condition: { StringEquals: { 'ses:FromAddress': 'notifications@abuse.platform.example' } },
          }),
        ]),
      },
    });
  });

  it('protects every HTTP API route with IAM authorization, the enforcement route among them', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);
    expect(routes.map((route) => route['RouteKey'])).toEqual(
      expect.arrayContaining([
        'GET /v1/tenants/{tenantId}/sending-status',
        'ANY /v1/{proxy+}',
        'GET /health',
      ]),
    );
    for (const route of routes) expect(route['AuthorizationType']).toBe('AWS_IAM');
    synthesized.pipeline.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('lets the API function redrive both dead-letter queues into their work queues, and nothing more', () => {
    synthesized.pipeline.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PIPELINE_QUEUES: Match.anyValue() }) },
    });
    const statements = ofType('AWS::IAM::Policy').flatMap(
      ([, policy]) =>
        (policy.Properties['PolicyDocument'] as { Statement: { Action: unknown; Resource: unknown }[] })
          .Statement,
    );
    const redrive = statements.filter((statement) =>
      [statement.Action].flat().includes('sqs:StartMessageMoveTask'),
    );
    expect(redrive).toHaveLength(2);
    for (const statement of redrive) expect(ref(statement.Resource)).toContain('DeadLetters');
  });

  it('tells the API function which IAM roles may manage', () => {
    synthesized.pipeline.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ API_MANAGE_ROLES: 'AbuseAdmins' }) },
    });
  });

  it('notifies the intake queue of objects created under raw/ only', () => {
    synthesized.pipeline.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'raw/' }] } },
          }),
        ],
      },
    });
  });
});

/** The three functions built by PipelineFunction: CDK's own deploy-time handlers set no architecture. */
function pipelineFunctionIds(): string[] {
  const ids = ofType('AWS::Lambda::Function')
    .filter(([, fn]) => fn.Properties['Architectures'] !== undefined)
    .map(([id]) => id);
  expect(ids).toHaveLength(3);
  return ids;
}
