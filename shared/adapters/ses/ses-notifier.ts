import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Notifier } from '../../core/score/ports.ts';

/** SES rejected or could not take the notice; transient as far as the caller knows, so it is retried. */
export class NoticeSendError extends Error {
  override name = 'NoticeSendError';
}

/**
 * The AWS Notifier: one SES SendEmail per notice, from a verified sender address (SES requires the Source identity
 * to be verified). The client is injected; its region and credentials come from the Lambda's environment.
 */
export function createSesNotifier(options: {
  client: SESClient;
  from: string;
  configurationSet?: string;
}): Notifier {
  const { client, from, configurationSet } = options;
  return {
    async send(notice) {
      try {
        await client.send(
          new SendEmailCommand({
            Source: from,
            Destination: { ToAddresses: [notice.to] },
            Message: {
              Subject: { Data: notice.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: notice.text, Charset: 'UTF-8' } },
            },
            ...(configurationSet === undefined ? {} : { ConfigurationSetName: configurationSet }),
          }),
        );
      } catch (error) {
        throw new NoticeSendError(`SES could not send notice ${notice.key}`, { cause: error });
      }
    },
  };
}
