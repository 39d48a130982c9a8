/**
 * One report: parsed fields, attribution signals with verdicts, raw headers and raw mail. Every value here is
 * attacker-controlled; it is shown as text (textContent via dom.js), never as markup or a link.
 */
import { download, request, requestText } from '../api.js';
import { badge, fields, h, notice, panel, replace, route, table } from '../dom.js';
import { time } from '../format.js';
import { tenantLink } from './common.js';

/** Raw mail shown inline; the download has all of it. */
const RAW_PREVIEW_CHARS = 256 * 1024;

function list(values) {
  return values && values.length > 0 ? values.join('\n') : null;
}

function rawMailPanel(report) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading raw mail…'));
  const path = `/v1/reports/${encodeURIComponent(report.reportId)}/raw`;
  requestText(path, RAW_PREVIEW_CHARS)
    .then(({ text, truncated, length }) =>
      replace(
        body,
        truncated
          ? notice(`Showing the first ${RAW_PREVIEW_CHARS} of ${length} characters; download for all of it.`)
          : null,
        h('pre', { class: 'raw', 'data-testid': 'raw-mail' }, text),
      ),
    )
    .catch((error) =>
      replace(
        body,
        notice(error.status === 404 ? 'Raw mail is no longer stored (retention).' : error.message, 'error'),
      ),
    );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      on: { click: () => download(path, `${report.submissionId}.eml.txt`) },
    },
    'Download raw mail',
  );
  return panel('Raw mail (as received, shown as text)', h('div', { class: 'toolbar' }, button), body);
}

function signalsTable(signals) {
  return table(
    [
      { label: 'Signal', value: (s) => s.kind },
      { label: 'Value', value: (s) => s.value, wrap: true },
      { label: 'Verdict', value: (s) => badge(s.verdict, s.verdict) },
      { label: 'Tenant', value: (s) => (s.tenantId ? tenantLink(s.tenantId) : '') },
      { label: 'Why', value: (s) => s.detail, wrap: true },
    ],
    signals,
    'No signals were found.',
  );
}

export async function reportPage(main, params, _query, stillCurrent) {
  const reportId = params[0] ?? '';
  const { report, submission } = await request(`/v1/reports/${encodeURIComponent(reportId)}`);
  if (!stillCurrent()) return;
  const a = report.attribution;
  const f = report.feedback;
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h(
        'div',
        {},
        h('h1', { 'data-testid': 'report-subject' }, report.subject ?? '(no subject)'),
        h(
          'div',
          { class: 'meta' },
          `Received ${time(report.receivedAt)} · report `,
          h('span', { class: 'mono' }, report.reportId),
        ),
      ),
      h(
        'div',
        {},
        a.outcome === 'attributed'
          ? [
              badge(`attributed: ${a.confidence}`, a.confidence === 'weak' ? 'supports' : 'attributed'),
              ' ',
              tenantLink(a.tenantId),
            ]
          : badge(`unattributed: ${a.reason}`, 'unattributed'),
      ),
    ),
    h(
      'div',
      { class: 'grid two' },
      panel(
        'Reported message',
        fields([
          ['Subject', report.subject],
          ['From', report.from],
          ['Sender address', report.senderAddress],
          ['Sender domain', report.senderDomain],
          ['Source IP', report.sourceIp],
          ['Message-ID', report.messageId],
          ['Completeness', report.completeness],
          ['Recovery confidence', report.confidence],
          [
            'Fingerprint',
            h(
              'a',
              { href: `${route('reports')}?${new URLSearchParams({ fingerprint: report.fingerprint })}` },
              report.fingerprint,
            ),
          ],
        ]),
      ),
      panel(
        'Feedback report',
        fields([
          [
            'Feedback type',
            f.feedbackType +
              (f.feedbackTypeRaw && f.feedbackTypeRaw !== f.feedbackType ? ` (${f.feedbackTypeRaw})` : ''),
          ],
          ['Reporter', report.reporter.domain ?? report.reporter.envelopeFrom],
          ['Reporter trust', report.reporterTrust],
          ['User agent', f.userAgent],
          ['Arrival date', f.arrivalDate],
          ['Source IP', f.sourceIp],
          ['Original mail from', f.originalMailFrom],
          ['Original rcpt to', list(f.originalRcptTo)],
          ['Reported domain', list(f.reportedDomain)],
          ['Reported URI', list(f.reportedUri)],
          ['Authentication-Results', list(f.authenticationResults)],
          ['Derived fields', list(f.derived)],
          ['Submission', submission ? `${submission.kind}, ${submission.status}` : null],
        ]),
      ),
    ),
    panel(
      'Attribution',
      fields([
        ['Outcome', a.outcome],
        ['Tenant', a.tenantId ? tenantLink(a.tenantId) : null],
        ['Confidence', a.confidence],
        ['Deciding signal', a.decidingSignal],
        [
          'Counts toward restriction',
          a.outcome === 'attributed' ? (a.restrictCapable ? 'yes' : 'no (forgeable evidence only)') : 'no',
        ],
        [
          'Unregistered-domain relay',
          a.outcome === 'attributed'
            ? a.unregisteredDomainRelay
              ? `yes: ${a.unregisteredDomains.join(', ')}`
              : 'no'
            : null,
        ],
        ['Connector', a.evidence?.connector],
      ]),
      h('h3', {}, 'Signals'),
      signalsTable(a.signals),
      h('h3', {}, 'Explanation'),
      h('pre', { class: 'summary' }, a.explanation),
    ),
    panel(
      'Header block of the reported message',
      h('pre', { class: 'raw', 'data-testid': 'raw-headers' }, report.rawHeaders),
    ),
    rawMailPanel(report),
  );
}
