/** Per-tenant policy overrides (manage role): thresholds, half-life, sending volume; empty fields use the platform's. */
import { getWho, request } from '../api.js';
import { h, notice, panel, replace } from '../dom.js';

const FIELDS = [
  ['warnThreshold', 'Warn at'],
  ['restrictThreshold', 'Restrict at (5.7.705)'],
  ['unregisteredDomainThreshold', 'Unregistered-domain threshold (5.7.750)'],
  ['halfLifeHours', 'Half-life (hours)'],
  ['dailySendingVolume', 'Daily sending volume (complaint-rate rule)'],
];

export function policyForm(tenant, onSaved) {
  const canManage = getWho()?.role === 'manage';
  const message = h('div', { 'aria-live': 'polite' });
  const current = tenant.policy ?? {};
  const inputs = FIELDS.map(([name, label]) => {
    const input = h('input', {
      type: 'text',
      name,
      value: current[name] ?? '',
      placeholder: 'platform default',
      disabled: !canManage,
    });
    return /** @type {const} */ ([name, h('label', {}, label, input), input]);
  });
  const reason = h('input', {
    type: 'text',
    name: 'reason',
    placeholder: 'Why (goes to the audit trail)',
    disabled: !canManage,
  });
  const form = h(
    'form',
    {
      class: 'filters',
      'data-testid': 'policy-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const overrides = {};
          for (const [name, , input] of inputs) {
            const text = input.value.trim();
            if (text) overrides[name] = Number(text);
          }
          try {
            await request(`/v1/tenants/${encodeURIComponent(tenant.tenantId)}/policy`, {
              method: 'PUT',
              body: { reason: reason.value.trim(), overrides },
            });
            replace(message, notice('Policy saved.', 'success'));
            onSaved();
          } catch (caught) {
            const error = /** @type {{ status?: number, message: string }} */ (caught);
            replace(message, notice(error.message, 'error'));
          }
        },
      },
    },
    inputs.map(([, label]) => label),
    h('label', {}, 'Reason', reason),
    h('div', {}, h('button', { type: 'submit', class: 'secondary', disabled: !canManage }, 'Save policy')),
  );
  return panel(
    'Policy overrides',
    canManage ? null : notice('Changing the policy needs the manage role.'),
    message,
    form,
  );
}
