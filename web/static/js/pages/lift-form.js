/** The lift form: reason plus the five remediation items; needs the manage role (the API answers 403 otherwise). */
import { getWho, request } from '../api.js';
import { h, notice, panel, replace } from '../dom.js';
import { REMEDIATION_STEPS } from '../remediation.js';

export function liftForm(tenantId, standing, onLifted) {
  const restricted = standing.state === 'restricted' || standing.restrictions.length > 0;
  if (!restricted) {
    return panel('Lift restriction', h('p', { class: 'empty' }, 'No restriction in force.'));
  }
  const canManage = getWho()?.role === 'manage';
  const message = h('div', { 'aria-live': 'polite' });
  const boxes = REMEDIATION_STEPS.map(([item, label, description]) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'checklist', value: item, 'data-testid': `check-${item}` }),
      h('span', {}, label, h('small', {}, description)),
    ),
  );
  const reason = h('textarea', {
    name: 'reason',
    id: 'lift-reason',
    maxlength: 2000,
    placeholder: 'What was done, ticket number…',
  });
  const submit = h('button', { type: 'submit', class: 'danger', disabled: !canManage }, 'Lift restriction');
  const form = h(
    'form',
    {
      class: 'stack',
      'data-testid': 'lift-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const checklist = boxes
            .map((b) => /** @type {HTMLInputElement} */ (b.querySelector('input')))
            .filter((i) => i.checked)
            .map((i) => i.value);
          if (checklist.length < REMEDIATION_STEPS.length) {
            replace(message, notice('Confirm every remediation item before lifting.', 'error'));
            return;
          }
          if (reason.value.trim().length < 3) {
            replace(
              message,
              notice('Give a reason: what the tenant did, and a ticket if there is one.', 'error'),
            );
            return;
          }
          submit.disabled = true;
          try {
            await request(`/v1/tenants/${encodeURIComponent(tenantId)}/lift`, {
              method: 'POST',
              body: { reason: reason.value.trim(), checklist },
            });
            replace(message, notice('Restriction lifted; the tenant is on probation.', 'success'));
            onLifted();
          } catch (caught) {
            const error = /** @type {{ status?: number, message: string }} */ (caught);
            replace(
              message,
              notice(error.status === 403 ? 'Lifting needs the manage role.' : error.message, 'error'),
            );
            submit.disabled = false;
          }
        },
      },
    },
    h('h3', {}, 'Remediation checklist'),
    boxes,
    h('label', { for: 'lift-reason' }, 'Reason'),
    reason,
    h('div', {}, submit),
  );
  return panel(
    'Lift restriction',
    canManage ? null : notice('Your token has the read role; lifting needs manage.'),
    message,
    form,
  );
}
