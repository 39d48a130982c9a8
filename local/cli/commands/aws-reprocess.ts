/**
 * `abuse-intake aws-reprocess`: the AWS counterpart of `reprocess`. Sends stored raw mail (the raw-mail bucket,
 * keys `raw/<SES message id>`) through the deployed intake function again, after a parser fix or a tenant
 * directory change, as S3 notifications on the intake queue carrying each submission's original received time:
 * report ids and received times stay the same, so records are overwritten and scoring counts nothing twice.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type Command, Option } from 'commander';
import { normaliseTimeBound, type ReprocessTarget, reprocessMessages } from '../aws/reprocess-messages.ts';
import {
  type ReprocessSelection,
  type SkippedSubmission,
  selectReprocessTargets,
} from '../aws/reprocess-selection.ts';
import { type FailedMessage, sendReprocessMessages } from '../aws/reprocess-sender.ts';

/**
 * The receipt rule's key prefix (infra/constructs/raw-mail-bucket.ts RAW_MAIL_PREFIX), repeated because importing
 * it would load aws-cdk-lib into the CLI.
 */
const RAW_MAIL_PREFIX = 'raw/';

interface AwsReprocessOptions {
  readonly since?: string;
  readonly until?: string;
  readonly all?: boolean;
  readonly queueUrl?: string;
  readonly bucket: string;
  readonly reportsTable: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** What a run did, as printed with --json. */
interface AwsReprocessSummary {
  readonly dryRun: boolean;
  readonly selected: number;
  /** Submissions without a record, whose received time is the S3 object's LastModified. */
  readonly receivedAtFromS3: string[];
  /** Records past their expiresAt (awaiting TTL deletion), not sent: their raw mail may be gone. */
  readonly expired: string[];
  readonly sent: number;
  readonly failed: (FailedMessage | SkippedSubmission)[];
  /** With --dry-run: what would be sent. */
  readonly wouldSend?: ReprocessTarget[];
}

/** Registers `aws-reprocess`. */
export function registerAwsReprocess(program: Command): void {
  program
    .command('aws-reprocess')
    .description(
      'send stored raw mail through the deployed intake again (idempotent: same report ids, nothing counts twice)',
    )
    .argument('[submissionIds...]', 'only these submissions (SES message ids, the keys after raw/)')
    .option('--since <time>', 'submissions received at or after (ISO 8601)')
    .option('--until <time>', 'submissions received at or before (ISO 8601)')
    .option('--all', 'every stored submission (instead of ids or --since)')
    .addOption(
      new Option('--queue-url <url>', 'intake queue: the pipeline stack output IntakeQueueUrl').env(
        'ABUSE_INTAKE_AWS_INTAKE_QUEUE_URL',
      ),
    )
    .addOption(
      new Option('--bucket <name>', 'raw-mail bucket: the data stack output RawMailBucketName')
        .env('ABUSE_INTAKE_AWS_RAW_MAIL_BUCKET')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--reports-table <name>', 'reports table: the data stack output ReportsTable')
        .env('ABUSE_INTAKE_AWS_REPORTS_TABLE')
        .makeOptionMandatory(),
    )
    .option('--region <region>', 'AWS region of the deployment (default: AWS_REGION or the profile)')
    .option('--endpoint <url>', 'DynamoDB endpoint, for DynamoDB Local')
    .option('--dry-run', 'list what would be sent, send nothing')
    .option('--json', 'print the summary as JSON')
    .action(async (ids: string[], options: AwsReprocessOptions, command: Command) => {
      const since = bound(command, '--since', options.since);
      const until = bound(command, '--until', options.until);
      if (ids.length === 0 && since === undefined && !options.all) {
        command.error('name submission ids, or give --since (or --all to reprocess every stored submission)');
      }
      if (!options.dryRun && options.queueUrl === undefined) {
        command.error('--queue-url (or ABUSE_INTAKE_AWS_INTAKE_QUEUE_URL) is required unless --dry-run');
      }
      const summary = await withClients(options, (clients) =>
        reprocess(clients, options, {
          ...(ids.length > 0 ? { ids } : {}),
          ...(since === undefined ? {} : { since }),
          ...(until === undefined ? {} : { until }),
          nowSeconds: Math.floor(Date.now() / 1000),
        }),
      );
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}

interface Clients {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
}

async function withClients<T>(
  options: AwsReprocessOptions,
  work: (clients: Clients) => Promise<T>,
): Promise<T> {
  const region = options.region === undefined ? {} : { region: options.region };
  const clients = {
    dynamodb: new DynamoDBClient({
      ...region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    }),
    s3: new S3Client(region),
    sqs: new SQSClient(region),
  };
  try {
    return await work(clients);
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
}

async function reprocess(
  clients: Clients,
  options: AwsReprocessOptions,
  selection: ReprocessSelection,
): Promise<AwsReprocessSummary> {
  const rawMail = { bucket: options.bucket, prefix: RAW_MAIL_PREFIX };
  const { targets, skipped, expired } = await selectReprocessTargets(
    { dynamodb: clients.dynamodb, reportsTable: options.reportsTable, s3: clients.s3, rawMail },
    selection,
  );
  const receivedAtFromS3 = targets
    .filter((target) => target.receivedAtFrom === 's3-last-modified')
    .map((target) => target.submissionId);
  const base = { selected: targets.length, receivedAtFromS3, expired };
  if (options.dryRun || options.queueUrl === undefined) {
    return { dryRun: true, ...base, sent: 0, failed: skipped, wouldSend: targets };
  }
  const outcome = await sendReprocessMessages(reprocessMessages(rawMail, targets), {
    sqs: clients.sqs,
    queueUrl: options.queueUrl,
  });
  return { dryRun: false, ...base, sent: outcome.sent.length, failed: [...skipped, ...outcome.failed] };
}

function bound(command: Command, flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const iso = normaliseTimeBound(text);
  if (iso === undefined) command.error(`${flag} ${text} is not an ISO 8601 time`);
  return iso;
}

function formatSummary(summary: AwsReprocessSummary): string {
  const lines: string[] = [];
  if (summary.wouldSend !== undefined) {
    lines.push(`dry run: would send ${summary.wouldSend.length} submissions to the intake queue`);
    for (const target of summary.wouldSend) {
      lines.push(`  ${target.submissionId}  received ${target.receivedAt} (${target.receivedAtFrom})`);
    }
  } else {
    lines.push(`selected ${summary.selected}, sent ${summary.sent}, failed ${summary.failed.length}`);
  }
  if (summary.receivedAtFromS3.length > 0) {
    lines.push(
      `${summary.receivedAtFromS3.length} without a submission record: received time is the S3 object's ` +
        `LastModified (${summary.receivedAtFromS3.join(', ')})`,
    );
  }
  if (summary.expired.length > 0) {
    lines.push(
      `${summary.expired.length} past retention, not sent (raw mail may be gone): ${summary.expired.join(', ')}`,
    );
  }
  for (const failure of summary.failed) lines.push(`  failed ${failure.submissionId}: ${failure.reason}`);
  return `${lines.join('\n')}\n`;
}
