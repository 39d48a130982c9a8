/** Login: the analyst pastes an API token; it is checked against /v1/me and kept in sessionStorage. */
import { login } from '../api.js';
import { h, notice, replace } from '../dom.js';

export function loginPage(main, onLogin) {
  const message = h('div', { 'aria-live': 'polite' });
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    placeholder: 'API token',
    autocomplete: 'off',
    required: true,
  });
  const form = h(
    'form',
    {
      class: 'stack',
      on: {
        submit: async (event) => {
          event.preventDefault();
          replace(message);
          try {
            await login(input.value.trim());
            onLogin();
          } catch (caught) {
            const error = /** @type {{ status?: number, message: string }} */ (caught);
            replace(
              message,
              notice(error.status === 401 ? 'That token is not valid.' : error.message, 'error'),
            );
          }
        },
      },
    },
    h(
      'label',
      { for: 'token' },
      'API token (printed by ',
      h('span', { class: 'mono' }, 'npm start'),
      ' or set in the configuration)',
    ),
    input,
    h('button', { type: 'submit' }, 'Log in'),
  );
  replace(
    main,
    h(
      'section',
      { class: 'panel login' },
      h('h1', {}, 'Analyst login'),
      h('p', { class: 'muted' }, 'The token is kept only for this browser tab.'),
      message,
      form,
    ),
  );
  input.focus();
}
