/* global CSS, location */
// The care dashboard page: a snapshot on connect, then live changes over one websocket.
// Plain DOM, no framework, no build step; text is always set with textContent (never HTML),
// because transcripts are whatever a person said.

const STATE_LABELS = {
  asleep: 'Resting',
  listening: 'Listening',
  thinking: 'Thinking',
  speaking: 'Speaking',
  followUp: 'Waiting for a reply',
  crisis: 'Crisis support: needs a caregiver',
  paused: 'Paused by a caregiver',
  recovering: 'Recovering from a problem',
};
const STATUS_LABELS = { online: 'Online', offline: 'Offline', unknown: 'Status unknown' };

/** robot id -> RobotView */
const robots = new Map();
/** `${robot}/${sessionId}` -> SessionView, most recent last */
const sessions = new Map();

const main = document.getElementById('robots');
const empty = document.getElementById('empty');
const connection = document.getElementById('connection');
const announcer = document.getElementById('announcer');

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function stateLabel(state) {
  return STATE_LABELS[state] ?? state;
}

function time(ts) {
  return ts ? new Date(ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}

function duration(ms) {
  if (typeof ms !== 'number' || ms < 0) return null;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function announce(text) {
  // Clearing first makes screen readers repeat an identical message.
  announcer.textContent = '';
  setTimeout(() => (announcer.textContent = text), 50);
}

function setConnection(state, text) {
  connection.dataset.state = state;
  connection.textContent = text;
}

function sessionKey(robot, sessionId) {
  return `${robot}/${sessionId}`;
}

function rememberSession(session) {
  const key = sessionKey(session.robot, session.sessionId);
  sessions.delete(key);
  sessions.set(key, session);
}

/** The session a robot's card shows: the open one, else its most recent. */
function sessionFor(robotView) {
  const current = robotView.state?.sessionId;
  if (current)
    return (
      sessions.get(sessionKey(robotView.robot, current)) ?? {
        robot: robotView.robot,
        sessionId: current,
        startedAt: null,
        endedAt: null,
        endReason: null,
        turns: [],
      }
    );
  let latest;
  for (const session of sessions.values()) if (session.robot === robotView.robot) latest = session;
  return latest;
}

function card(robotId) {
  let section = main.querySelector(`section.robot[data-robot="${CSS.escape(robotId)}"]`);
  if (section) return section;
  const headingId = `robot-${robotId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  section = el('section', { class: 'robot', 'data-robot': robotId, 'aria-labelledby': headingId });
  const head = el('div', { class: 'robot-head' });
  head.append(
    el('h2', { id: headingId }, robotId),
    el('span', { class: 'status', 'data-status': 'unknown' }, STATUS_LABELS.unknown),
  );
  const commands = el('div', { class: 'commands' });
  for (const [verb, label] of [
    ['pause', 'Pause'],
    ['resume', 'Resume'],
  ]) {
    const button = el(
      'button',
      { type: 'button', 'data-verb': verb, 'aria-label': `${label} ${robotId}` },
      label,
    );
    button.addEventListener('click', () => sendCommand(robotId, verb, label));
    commands.append(button);
  }
  head.append(commands);
  const stateLine = el('p', { class: 'state-line' });
  stateLine.append('Now: ', el('span', { class: 'state', 'data-state': '' }, 'no state yet'));
  const title = el('h3', { class: 'session-title' }, 'No conversation yet');
  const turns = el('ol', {
    class: 'turns',
    role: 'log',
    'aria-label': `Conversation with ${robotId}`,
  });
  section.append(head, stateLine, title, turns);
  // Keep cards in robot id order.
  const next = [...main.querySelectorAll('section.robot')].find(
    (s) => s.dataset.robot.localeCompare(robotId) > 0,
  );
  main.insertBefore(section, next ?? null);
  empty.hidden = true;
  return section;
}

function renderRobot(robotView, previous) {
  const section = card(robotView.robot);
  const status = section.querySelector('.status');
  status.dataset.status = robotView.status;
  status.textContent = STATUS_LABELS[robotView.status] ?? robotView.status;
  const state = section.querySelector('.state');
  const dialogueState = robotView.state?.state ?? '';
  section.dataset.dialogueState = dialogueState;
  state.dataset.state = dialogueState;
  state.textContent = dialogueState ? stateLabel(dialogueState) : 'no state yet';
  if (previous && previous.status !== robotView.status)
    announce(`${robotView.robot} is ${STATUS_LABELS[robotView.status]}`);
  else if (previous && dialogueState && previous.state?.state !== dialogueState)
    announce(`${robotView.robot}: ${stateLabel(dialogueState)}`);
  renderSession(section, sessionFor(robotView));
}

function renderSession(section, session) {
  const title = section.querySelector('.session-title');
  const list = section.querySelector('.turns');
  if (!session) {
    title.textContent = 'No conversation yet';
    list.replaceChildren();
    delete list.dataset.session;
    return;
  }
  const started = session.startedAt ? ` since ${time(session.startedAt)}` : '';
  title.textContent = session.endedAt
    ? `Last conversation, ended ${time(session.endedAt)}`
    : `Current conversation${started}`;
  if (list.dataset.session !== session.sessionId) {
    list.replaceChildren();
    list.dataset.session = session.sessionId;
  }
  // Append only new turns, in order, so the log announces each once.
  const shown = new Set([...list.children].map((li) => li.dataset.eventId));
  for (const turnView of session.turns) {
    if (shown.has(turnView.eventId)) continue;
    const item = renderTurn(turnView);
    const next = [...list.children].find((li) => Number(li.dataset.seq) > turnView.seq);
    list.insertBefore(item, next ?? null);
  }
}

function renderTurn({ eventId, seq, ts, turn }) {
  const item = el('li', { class: 'turn', 'data-event-id': eventId, 'data-seq': String(seq) });
  if (turn.shared) {
    const person = el('div', { class: 'utterance person' });
    person.append(
      el('span', { class: 'speaker' }, 'Person'),
      el('p', { class: 'user-text' }, turn.userText),
    );
    const robot = el('div', { class: 'utterance robot-says' });
    robot.append(
      el('span', { class: 'speaker' }, 'Robot'),
      el('p', { class: 'reply-text' }, turn.replyText),
    );
    item.append(person, robot);
  } else {
    item.append(
      el(
        'p',
        { class: 'not-shared' },
        'Words not shared: the person has not agreed to share what was said.',
      ),
    );
  }
  const parts = [`Turn ${turn.index + 1}`, time(ts)];
  const total = duration(turn.timings.turnTotalMs);
  const first = duration(turn.timings.ttsFirstAudioMs);
  if (total) parts.push(`replied in ${total}${first ? ` (first words after ${first})` : ''}`);
  if (turn.strategy) parts.push(`approach: ${turn.strategy}`);
  if (turn.interrupted) parts.push('interrupted');
  if (turn.fallback) parts.push('fallback reply');
  item.append(el('p', { class: 'meta latency' }, parts.filter(Boolean).join(' · ')));
  return item;
}

async function sendCommand(robot, verb, label) {
  try {
    const response = await fetch(`/api/robots/${encodeURIComponent(robot)}/commands/${verb}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    announce(response.ok ? `${label} sent to ${robot}` : `${label} could not be sent to ${robot}`);
  } catch {
    announce(`${label} could not be sent to ${robot}`);
  }
}

function applySnapshot(snapshot) {
  sessions.clear();
  for (const session of [...snapshot.sessions].reverse()) rememberSession(session);
  robots.clear();
  for (const section of main.querySelectorAll('section.robot')) section.remove();
  for (const robotView of snapshot.robots) {
    robots.set(robotView.robot, robotView);
    renderRobot(robotView);
  }
  empty.hidden = snapshot.robots.length > 0;
}

function applyChange({ robot, session }) {
  if (session) rememberSession(session);
  const previous = robots.get(robot.robot);
  robots.set(robot.robot, robot);
  renderRobot(robot, previous);
}

let retryMs = 500;
function connect() {
  const socket = new WebSocket(
    `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`,
  );
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'snapshot') {
      retryMs = 500;
      applySnapshot(message.snapshot);
      setConnection(
        message.brokerConnected ? 'live' : 'down',
        message.brokerConnected ? 'Live' : 'Waiting for the robots’ message broker…',
      );
    } else if (message.type === 'change') {
      applyChange(message.change);
    } else if (message.type === 'broker') {
      setConnection(
        message.connected ? 'live' : 'down',
        message.connected ? 'Live' : 'Waiting for the robots’ message broker…',
      );
    }
  });
  socket.addEventListener('close', () => {
    setConnection('down', 'Connection to the dashboard lost; reconnecting…');
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  });
}
connect();
