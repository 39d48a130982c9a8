import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSesNotifier, NoticeSendError } from '../../../shared/adapters/ses/ses-notifier.ts';
import type { TenantNotice } from '../../../shared/core/score/ports.ts';

const notice: TenantNotice = {
  key: 'tenant-a:v1:restricted',
  tenantId: 'tenant-a',
  to: 'admin@tenant-a.example',
  subject: 'Tenant tenant-a is restricted from sending',
  text: 'Outbound mail is refused with: 550 5.7.705 Access denied, tenant has exceeded threshold\n',
};

describe('SES notifier', () => {
  const ses = mockClient(SESClient);
  afterEach(() => ses.reset());

  it('sends the notice to the admin contact from the configured sender', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const client = new SESClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    await createSesNotifier({ client, from: 'abuse@platform.example', configurationSet: 'notices' }).send(
      notice,
    );
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({
      Source: 'abuse@platform.example',
      Destination: { ToAddresses: ['admin@tenant-a.example'] },
      Message: { Subject: { Data: notice.subject }, Body: { Text: { Data: notice.text } } },
      ConfigurationSetName: 'notices',
    });
  });

  it('raises a NoticeSendError carrying the cause when SES refuses', async () => {
    ses.on(SendEmailCommand).rejects(new Error('Throttling'));
    const client = new SESClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const sending = createSesNotifier({ client, from: 'abuse@platform.example' }).send(notice);
    await expect(sending).rejects.toBeInstanceOf(NoticeSendError);
    await expect(sending).rejects.toMatchObject({ cause: { message: 'Throttling' } });
  });
});
