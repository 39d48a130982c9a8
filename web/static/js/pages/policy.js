/** The scoring policy in force (platform defaults; per-tenant overrides show on each tenant page). */
import { request } from '../api.js';
import { fields, h, panel, replace, table } from '../dom.js';

function weights(record) {
  return table(
    [
      { label: 'Key', value: ([key]) => key },
      { label: 'Value', value: ([, value]) => (value === null ? 'no cap' : String(value)), num: true },
    ],
    Object.entries(record ?? {}),
  );
}

export async function policyPage(main, _params, _query, stillCurrent) {
  const { policy } = await request('/v1/policy');
  if (!stillCurrent()) return;
  replace(
    main,
    h(
      'div',
      { class: 'head' },
      h(
        'div',
        {},
        h('h1', {}, 'Scoring policy'),
        h('div', { class: 'meta' }, 'Platform defaults; README “Scoring policy” explains each value.'),
      ),
    ),
    h(
      'div',
      { class: 'grid' },
      panel(
        'Thresholds and decay',
        fields([
          ['Half-life (hours)', String(policy.halfLifeHours)],
          ['Window (hours)', String(policy.windowHours)],
          ['Warn at', String(policy.warnThreshold)],
          ['Restrict at (5.7.705)', String(policy.restrictThreshold)],
          ['Unregistered-domain threshold (5.7.750)', String(policy.unregisteredDomainThreshold)],
          ['Probation', `${policy.probationDays} days at ×${policy.probationFactor}`],
        ]),
      ),
      panel('Feedback-type weights', weights(policy.feedbackWeights)),
      panel('Reporter trust factors', weights(policy.trustFactors)),
      panel('Attribution confidence factors', weights(policy.confidenceFactors)),
      panel('Cap per reporter and window', weights(policy.perReporterCap)),
      panel('Cap per trust class and window', weights(policy.perTrustClassCap)),
    ),
  );
}
