// The admin's part of the page: accounts (add, role, robots, disable, reset password) and
// settings (retention, second contact). Only shown to admins; the server refuses the same
// requests from a caregiver (403), so hiding is a courtesy, not the protection.

const section = document.getElementById('admin');
const usersBody = document.getElementById('users-body');
const status = document.getElementById('admin-status');

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(text, ok = true) {
  status.textContent = text;
  status.dataset.ok = String(ok);
}

async function send(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    // 204: no body.
  }
  if (!response.ok) {
    const detail = data.issues ? ` (${data.issues.join('; ')})` : '';
    throw new Error(`${data.error ?? `HTTP ${response.status}`}${detail}`);
  }
  return data;
}

/** "kitchen-robot, hall-robot" -> ['kitchen-robot', 'hall-robot']; empty -> every robot. */
function parseRobots(text) {
  const robots = text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return robots.length === 0 ? ['*'] : robots;
}

function robotsText(robots) {
  return robots.includes('*') ? '' : robots.join(', ');
}

function userRow(user) {
  const row = el('tr', { 'data-user': user.name, 'data-disabled': String(user.disabled) });
  row.append(el('th', { scope: 'row' }, user.name));

  const role = el('select', { 'aria-label': `Role of ${user.name}`, class: 'user-role' });
  for (const value of ['caregiver', 'admin']) {
    const option = el('option', { value }, value);
    option.selected = user.role === value;
    role.append(option);
  }
  role.addEventListener('change', () => change(user.name, { role: role.value }));
  const roleCell = el('td');
  roleCell.append(role);

  const robots = el('input', {
    class: 'user-robots',
    'aria-label': `Robots ${user.name} may see (comma separated; empty: all)`,
    placeholder: 'all robots',
  });
  robots.value = robotsText(user.robots);
  const saveRobots = el('button', { type: 'button', class: 'save-robots' }, 'Save robots');
  saveRobots.addEventListener('click', () =>
    change(user.name, { robots: parseRobots(robots.value) }),
  );
  const robotsCell = el('td');
  robotsCell.append(robots, saveRobots);

  const state = el('td', { class: 'user-state' }, user.disabled ? 'Disabled' : 'Active');
  const toggle = el(
    'button',
    { type: 'button', class: 'toggle-user' },
    user.disabled ? 'Enable' : 'Disable',
  );
  toggle.addEventListener('click', () => change(user.name, { disabled: !user.disabled }));

  const reset = el('form', { class: 'reset-password' });
  const password = el('input', {
    type: 'password',
    autocomplete: 'new-password',
    minlength: '10',
    'aria-label': `New password for ${user.name}`,
    placeholder: 'new password',
  });
  reset.append(password, el('button', { type: 'submit' }, 'Reset password'));
  reset.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await send('POST', `/api/users/${encodeURIComponent(user.name)}/password`, {
        password: password.value,
      });
      password.value = '';
      say(`Password of ${user.name} reset; their logins have ended.`);
    } catch (error) {
      say(`Could not reset the password of ${user.name}: ${error.message}`, false);
    }
  });
  const actions = el('td');
  actions.append(toggle, reset);
  row.append(roleCell, robotsCell, state, actions);
  return row;
}

async function change(name, changes) {
  try {
    await send('PATCH', `/api/users/${encodeURIComponent(name)}`, changes);
    say(`Saved ${name}.`);
  } catch (error) {
    say(`Could not change ${name}: ${error.message}`, false);
  }
  await loadUsers();
}

async function loadUsers() {
  const { users } = await send('GET', '/api/users');
  usersBody.replaceChildren(...users.map(userRow));
}

async function loadSettings() {
  const { settings } = await send('GET', '/api/settings');
  document.getElementById('retention-days').value = String(settings.retentionDays);
  document.getElementById('contact-name').value = settings.secondContact?.name ?? '';
  document.getElementById('contact-url').value = settings.secondContact?.webhookUrl ?? '';
}

document.getElementById('add-user').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const name = document.getElementById('new-name').value.trim();
  try {
    await send('POST', '/api/users', {
      name,
      password: document.getElementById('new-password').value,
      role: document.getElementById('new-role').value,
      robots: parseRobots(document.getElementById('new-robots').value),
    });
    form.reset();
    say(`Added ${name}.`);
    await loadUsers();
  } catch (error) {
    say(`Could not add ${name}: ${error.message}`, false);
  }
});

document.getElementById('settings').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = document.getElementById('contact-name').value.trim();
  const webhookUrl = document.getElementById('contact-url').value.trim();
  try {
    await send('PUT', '/api/settings', {
      retentionDays: Number(document.getElementById('retention-days').value),
      secondContact: name || webhookUrl ? { name, webhookUrl } : null,
    });
    say('Settings saved.');
  } catch (error) {
    say(`Could not save the settings: ${error.message}`, false);
  }
});

document.getElementById('test-contact').addEventListener('click', async () => {
  try {
    const outcome = await send('POST', '/api/settings/test-notification');
    say(
      outcome.ok
        ? `Test message delivered (${outcome.detail}).`
        : `The test message was not delivered: ${outcome.detail}. Check the webhook URL.`,
      outcome.ok,
    );
  } catch (error) {
    say(`Could not send a test message: ${error.message}`, false);
  }
});

/** Shows the admin's part for an admin; hides and empties it for anyone else. */
export async function showAdmin(user) {
  if (user.role !== 'admin') {
    section.hidden = true;
    usersBody.replaceChildren();
    return;
  }
  section.hidden = false;
  try {
    await Promise.all([loadUsers(), loadSettings()]);
  } catch (error) {
    say(`Could not load accounts and settings: ${error.message}`, false);
  }
}
