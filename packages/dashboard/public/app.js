/* global CSS, location, AudioContext, setInterval, clearInterval */
// The care dashboard page: a snapshot on connect, then live changes over one websocket.
// Plain DOM, no framework, no build step; text is always set with textContent (never HTML),
// because transcripts are whatever a person said.
import { showAdmin } from './admin.js';

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
/** `${robot}/${alertId}` -> AlertView */
const alerts = new Map();
/** mood points, oldest first */
let moods = [];
/** `${robot}/${noticeId}` -> NoticeView, oldest first */
const notices = new Map();
/** Notices shown on a robot's card; older ones are in the history. */
const CARD_NOTICES = 5;
const SVG = 'http://www.w3.org/2000/svg';

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

/** A conversation's length: "45 s", "5 min 12 s". */
function longDuration(ms) {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The robot's own account of a finished conversation (`session.summary`), in one line. */
function summaryText(summary) {
  const parts = [
    longDuration(summary.durationMs),
    plural(summary.turns, 'turn'),
    plural(summary.interruptions, 'interruption'),
    summary.alerts === 0 ? 'no alerts' : plural(summary.alerts, 'alert'),
  ];
  if (summary.moodStart || summary.moodEnd)
    parts.push(`mood ${summary.moodStart || 'unknown'} → ${summary.moodEnd || 'unknown'}`);
  if (summary.firstAudioMeanMs >= 0)
    parts.push(
      `first words after ${duration(summary.firstAudioMeanMs)} on average ` +
        `(median ${duration(summary.firstAudioP50Ms)}, slowest 5% ${duration(summary.firstAudioP95Ms)})`,
    );
  if (summary.reason) parts.push(`ended by ${summary.reason}`);
  return parts.join(' · ');
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
    ['end-session', 'End conversation'],
  ]) {
    const button = el(
      'button',
      { type: 'button', 'data-verb': verb, 'aria-label': `${label} ${robotId}` },
      label,
    );
    button.addEventListener('click', () => sendCommand(robotId, verb, label));
    commands.append(button);
  }
  const say = el('form', { class: 'say' });
  const sayInput = el('input', {
    type: 'text',
    maxlength: '500',
    'aria-label': `Words for ${robotId} to say`,
    placeholder: 'Say…',
  });
  say.append(sayInput, el('button', { type: 'submit', 'data-verb': 'say' }, 'Say'));
  say.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!sayInput.value.trim()) return;
    sendCommand(robotId, 'say', 'Say', { text: sayInput.value });
    sayInput.value = '';
  });
  commands.append(say);
  head.append(commands);
  const quiet = quietHoursControl(robotId);
  const noticeTitle = el('h3', { class: 'notices-title' }, 'Notices');
  noticeTitle.hidden = true;
  const noticeList = el('ul', { class: 'notices', 'aria-label': `Notices from ${robotId}` });
  const metrics = el('p', { class: 'metrics' }, '');
  const moodTitle = el('h3', { class: 'mood-title' }, 'Mood in this conversation');
  const moodChart = svgChart(`Mood of the person with ${robotId} in this conversation`);
  moodChart.classList.add('mood-session');
  const weeks = el('button', { type: 'button', class: 'mood-weeks-button' }, 'Mood over 4 weeks');
  const weeksChart = svgChart(`Mood of the person with ${robotId}, day by day over 4 weeks`);
  weeksChart.classList.add('mood-weeks');
  weeksChart.style.display = 'none';
  weeks.addEventListener('click', () => showWeeks(robotId, weeksChart));
  const stateLine = el('p', { class: 'state-line' });
  stateLine.append('Now: ', el('span', { class: 'state', 'data-state': '' }, 'no state yet'));
  const title = el('h3', { class: 'session-title' }, 'No conversation yet');
  const turns = el('ol', {
    class: 'turns',
    role: 'log',
    'aria-label': `Conversation with ${robotId}`,
  });
  section.append(
    head,
    quiet,
    stateLine,
    metrics,
    noticeTitle,
    noticeList,
    moodTitle,
    moodChart,
    weeks,
    weeksChart,
    title,
    turns,
  );
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
  const m = robotView.metrics;
  section.querySelector('.metrics').textContent = m
    ? `CPU ${Math.round(m.cpu.processPercent)}% · memory ${Math.round(m.memory.rssBytes / 1048576)} MB` +
      (m.model.name ? ` · model ${m.model.name}` : '') +
      (m.model.tokensPerSecond > 0 ? ` · ${m.model.tokensPerSecond.toFixed(1)} tokens/s` : '')
    : '';
  renderQuietHours(section, robotView.quietHours);
  renderNotices(section, robotView.robot);
  const session = sessionFor(robotView);
  renderSession(section, session);
  const points = moods.filter(
    (p) => p.robot === robotView.robot && (!session || p.sessionId === session.sessionId),
  );
  drawLine(
    section.querySelector('.mood-session'),
    points.map((p) => p.valence),
  );
}

/**
 * Quiet hours (start and end, robot local time) sent as `cmd/quiet-hours`; "Turn off" sends both
 * empty. The card shows what was last sent: the robot does not report them back.
 */
function quietHoursControl(robotId) {
  const form = el('form', { class: 'quiet-hours' });
  const legend = el('span', { class: 'quiet-label' }, 'Quiet hours');
  const start = el('input', {
    type: 'time',
    class: 'quiet-start',
    required: '',
    'aria-label': `Quiet hours of ${robotId} start at`,
  });
  const end = el('input', {
    type: 'time',
    class: 'quiet-end',
    required: '',
    'aria-label': `Quiet hours of ${robotId} end at`,
  });
  const set = el('button', { type: 'submit', 'data-verb': 'quiet-hours' }, 'Set quiet hours');
  const off = el(
    'button',
    { type: 'button', class: 'quiet-off', 'aria-label': `Turn off quiet hours of ${robotId}` },
    'Turn off',
  );
  const now = el('span', { class: 'quiet-now', 'data-set': 'unknown' }, 'Not set from here');
  form.append(legend, start, el('span', {}, 'to'), end, set, off, now);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!start.value || !end.value) return;
    sendCommand(robotId, 'quiet-hours', 'Quiet hours', { start: start.value, end: end.value });
  });
  off.addEventListener('click', () =>
    sendCommand(robotId, 'quiet-hours', 'Quiet hours off', { start: '', end: '' }),
  );
  return form;
}

function renderQuietHours(section, quietHours) {
  const now = section.querySelector('.quiet-now');
  if (!quietHours) {
    now.dataset.set = 'unknown';
    now.textContent = 'Not set from here';
    return;
  }
  const by = `set by ${quietHours.setBy} at ${time(quietHours.setAt)}`;
  if (!quietHours.start) {
    now.dataset.set = 'off';
    now.textContent = `Off (${by})`;
    return;
  }
  now.dataset.set = 'on';
  now.textContent = `${quietHours.start} to ${quietHours.end} (${by})`;
  const start = section.querySelector('.quiet-start');
  const end = section.querySelector('.quiet-end');
  // Fill the inputs with the current hours unless a caregiver is typing in them.
  if (document.activeElement !== start && document.activeElement !== end) {
    start.value = quietHours.start;
    end.value = quietHours.end;
  }
}

/** A moderate-risk notice in words: no alarm, nothing to acknowledge. */
function noticeText(notice) {
  const what = notice.category ? ` (${notice.category.replace(/_/g, ' ')})` : '';
  const doing = notice.message || 'the robot follows its careful protocol';
  return `${time(notice.ts)} · ${notice.level} risk${what}: ${doing}. No alarm; check in when you can.`;
}

function renderNoticeItem(notice) {
  return el(
    'li',
    { class: 'notice', 'data-notice-id': notice.noticeId, 'data-level': notice.level },
    noticeText(notice),
  );
}

function renderNotices(section, robotId) {
  const mine = [...notices.values()].filter((n) => n.robot === robotId).slice(-CARD_NOTICES);
  section.querySelector('.notices-title').hidden = mine.length === 0;
  section.querySelector('.notices').replaceChildren(...mine.reverse().map(renderNoticeItem));
}

function applyNotice(notice, fresh) {
  const key = `${notice.robot}/${notice.noticeId}`;
  if (notices.has(key)) return;
  notices.set(key, notice);
  // Told to screen readers politely, never with the alert's sound.
  if (fresh) announce(`Notice from ${notice.robot}: ${notice.level} risk`);
}

function svgChart(label) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', '0 0 300 100');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.dataset.label = label;
  return svg;
}

/** Valence from -1 (bottom) to 1 (top), one point per turn. */
function drawLine(svg, values) {
  svg.replaceChildren();
  const zero = document.createElementNS(SVG, 'line');
  zero.setAttribute('class', 'zero');
  zero.setAttribute('x1', '0');
  zero.setAttribute('x2', '300');
  zero.setAttribute('y1', '50');
  zero.setAttribute('y2', '50');
  svg.append(zero);
  svg.dataset.points = String(values.length);
  if (values.length === 0) return;
  const step = values.length > 1 ? 300 / (values.length - 1) : 0;
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('class', 'line');
  line.setAttribute(
    'points',
    values.map((v, i) => `${(i * step).toFixed(1)},${(50 - v * 45).toFixed(1)}`).join(' '),
  );
  svg.append(line);
  // Dots as well, so a single reading shows.
  values.forEach((v, i) => {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('class', 'dot');
    dot.setAttribute('cx', (i * step || 4).toFixed(1));
    dot.setAttribute('cy', (50 - v * 45).toFixed(1));
    dot.setAttribute('r', '3');
    svg.append(dot);
  });
  const last = values[values.length - 1];
  const word = last > 0.2 ? 'positive' : last < -0.2 ? 'negative' : 'neutral';
  svg.setAttribute('aria-label', `${svg.dataset.label}: ${values.length} readings, latest ${word}`);
}

async function showWeeks(robot, svg) {
  const response = await fetch(`/api/robots/${encodeURIComponent(robot)}/mood?days=28`);
  if (!response.ok) return;
  const { mood } = await response.json();
  const days = new Map();
  for (const p of mood) {
    const day = p.ts.slice(0, 10);
    const entry = days.get(day) ?? { sum: 0, n: 0 };
    entry.sum += p.valence;
    entry.n += 1;
    days.set(day, entry);
  }
  svg.replaceChildren();
  svg.style.display = 'block';
  const today = Date.now();
  for (let i = 0; i < 28; i += 1) {
    const day = new Date(today - (27 - i) * 86400000).toISOString().slice(0, 10);
    const entry = days.get(day);
    if (!entry) continue;
    const v = entry.sum / entry.n;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('class', 'bar');
    bar.setAttribute('x', String(i * (300 / 28) + 1));
    bar.setAttribute('width', String(300 / 28 - 2));
    bar.setAttribute('y', String(v >= 0 ? 50 - v * 45 : 50));
    bar.setAttribute('height', String(Math.max(1, Math.abs(v) * 45)));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${day}: ${v.toFixed(2)}`;
    bar.append(title);
    svg.append(bar);
  }
  svg.dataset.days = String(days.size);
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

/** Speech the robot began itself (TurnRecord.kind); absent or `reply` is an answer. */
const KIND_LABELS = {
  greeting: 'The robot greeted the person',
  check_in: 'The robot checked in on its own',
  reprompt: 'The robot asked again',
  caregiver_say: 'Said for a caregiver',
};

function turnFlags(turn) {
  const flags = el('p', { class: 'flags' });
  const kind = turn.kind ?? 'reply';
  if (kind !== 'reply')
    flags.append(
      el(
        'span',
        { class: 'badge kind', 'data-kind': kind },
        KIND_LABELS[kind] ?? `Robot began (${kind})`,
      ),
    );
  if (turn.riskLevel && turn.riskLevel !== 'none') {
    const what = turn.riskCategory ? `: ${turn.riskCategory.replace(/_/g, ' ')}` : '';
    flags.append(
      el(
        'span',
        { class: 'badge risk', 'data-level': turn.riskLevel },
        `${turn.riskLevel} risk${what}`,
      ),
    );
  }
  if (turn.replyGuarded)
    flags.append(el('span', { class: 'badge guarded' }, 'Reply replaced by the safety guard'));
  return flags.childElementCount > 0 ? flags : undefined;
}

function renderTurn({ eventId, seq, ts, turn }) {
  const item = el('li', {
    class: 'turn',
    'data-event-id': eventId,
    'data-seq': String(seq),
    'data-kind': turn.kind ?? 'reply',
  });
  const flags = turnFlags(turn);
  if (flags) item.append(flags);
  if (turn.shared) {
    const person = el('div', { class: 'utterance person' });
    person.append(
      el('span', { class: 'speaker' }, 'Person'),
      el('p', { class: 'user-text' }, turn.userText),
    );
    // The robot spoke first: nobody said anything to answer.
    if ((turn.kind ?? 'reply') !== 'reply' && !turn.userText) person.hidden = true;
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
  // The dialogue numbers turns from 1 within a session.
  const parts = [`Turn ${turn.index}`, time(ts)];
  const total = duration(turn.timings.turnTotalMs);
  const first = duration(turn.timings.ttsFirstAudioMs);
  // A turn the robot began answers nobody: it took that long to speak.
  const took = (turn.kind ?? 'reply') === 'reply' ? 'replied in' : 'spoke within';
  if (total) parts.push(`${took} ${total}${first ? ` (first words after ${first})` : ''}`);
  if (turn.strategy) parts.push(`approach: ${turn.strategy}`);
  if (turn.interrupted) parts.push('interrupted');
  if (turn.fallback) parts.push('fallback reply');
  item.append(el('p', { class: 'meta latency' }, parts.filter(Boolean).join(' · ')));
  const stages = [
    ['speech to text', turn.timings.transcriptDelayMs],
    ['first token', turn.timings.llmFirstTokenMs],
    ['reply written', turn.timings.llmTotalMs],
    ['first audio', turn.timings.ttsFirstAudioMs],
    ['turn', turn.timings.turnTotalMs],
  ]
    .filter(([, ms]) => typeof ms === 'number' && ms >= 0)
    .map(([name, ms]) => `${name} ${duration(ms)}`);
  if (stages.length > 0)
    item.append(el('p', { class: 'stages' }, `Latency by stage: ${stages.join(' · ')}`));
  const spoke = duration(turn.timings.wakeToSpeechEndMs);
  if (spoke)
    item.append(
      el('p', { class: 'stages wake' }, `From the wake word to the end of speech: ${spoke}`),
    );
  return item;
}

async function sendCommand(robot, verb, label, body = {}) {
  try {
    const response = await fetch(`/api/robots/${encodeURIComponent(robot)}/commands/${verb}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    announce(response.ok ? `${label} sent to ${robot}` : `${label} could not be sent to ${robot}`);
  } catch {
    announce(`${label} could not be sent to ${robot}`);
  }
}

// Alerts: a banner that stays until acknowledged, a beep, and the escalation countdown.
const alertSection = document.getElementById('alerts');
const alertList = document.getElementById('alert-list');
let audio;

function beep() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch {
    // No sound available (or not allowed yet): the banner still shows.
  }
}

function applyAlert(alert, fresh) {
  const key = `${alert.robot}/${alert.alertId}`;
  const previous = alerts.get(key);
  alerts.set(key, alert);
  if (fresh && alert.status !== 'acknowledged' && previous?.status !== alert.status) {
    beep();
    announce(`Alert from ${alert.robot}: ${alert.category || alert.level}`);
  }
  renderAlerts();
}

/** Whom the dashboard told about an escalated alert, and when. */
function notificationText(n) {
  const last = n.deliveries[n.deliveries.length - 1];
  switch (n.state) {
    case 'delivered':
      return `Second contact ${n.contact} notified at ${time(n.finishedAt)}`;
    case 'sending':
      return last
        ? `Notifying ${n.contact}: try ${last.attempt} failed (${last.detail}); trying again`
        : `Notifying ${n.contact}…`;
    case 'failed':
      return `Could not reach ${n.contact} after ${plural(n.deliveries.length, 'try')} (${last?.detail ?? 'no answer'}): call them`;
    case 'cancelled':
      return `${n.contact} was not notified: the alert was acknowledged first`;
    default:
      return 'No second contact is set up: an admin can add one under Settings';
  }
}

function countdown(alert) {
  if (alert.status === 'escalated') return 'Escalated to the second contact';
  const left = Math.max(0, Date.parse(alert.escalateAt) - Date.now());
  const min = Math.floor(left / 60000);
  const sec = String(Math.floor((left % 60000) / 1000)).padStart(2, '0');
  return `Escalates to the second contact in ${min}:${sec}`;
}

function renderAlerts() {
  const open = [...alerts.values()].filter((a) => a.status !== 'acknowledged');
  alertSection.hidden = open.length === 0;
  alertList.replaceChildren(
    ...open.map((alert) => {
      const item = el('li', {
        class: 'alert-item',
        'data-alert-id': alert.alertId,
        'data-status': alert.status,
      });
      const button = el(
        'button',
        { type: 'button', class: 'ack', 'aria-label': `Acknowledge alert from ${alert.robot}` },
        'Acknowledge',
      );
      button.addEventListener('click', () =>
        sendCommand(alert.robot, 'ack-alert', 'Acknowledgement', { alertId: alert.alertId }),
      );
      const what = alert.category ? ` (${alert.category.replace(/_/g, ' ')})` : '';
      item.append(
        el('strong', {}, `${alert.robot}: ${alert.level} risk${what}`),
        el('span', {}, alert.message ? `Robot said: “${alert.message}”` : ''),
        el('span', { class: 'countdown' }, countdown(alert)),
      );
      if (alert.notification)
        item.append(
          el(
            'span',
            { class: 'notified', 'data-state': alert.notification.state },
            notificationText(alert.notification),
          ),
        );
      item.append(button);
      return item;
    }),
  );
}
setInterval(() => {
  for (const item of alertList.querySelectorAll('.alert-item')) {
    const alert = [...alerts.values()].find((a) => a.alertId === item.dataset.alertId);
    if (alert) item.querySelector('.countdown').textContent = countdown(alert);
  }
}, 1000);
// Unacknowledged alerts beep again every 30 s: they must not be missed.
setInterval(() => {
  if ([...alerts.values()].some((a) => a.status !== 'acknowledged')) beep();
}, 30000);

function applySnapshot(snapshot) {
  alerts.clear();
  for (const alert of snapshot.alerts ?? []) applyAlert(alert, alert.status !== 'acknowledged');
  renderAlerts();
  moods = [...(snapshot.mood ?? [])];
  notices.clear();
  for (const notice of [...(snapshot.notices ?? [])].reverse()) applyNotice(notice, false);
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

function applyChange({ robot, session, alert, mood, notice }) {
  if (session) rememberSession(session);
  if (alert) applyAlert(alert, true);
  if (notice) applyNotice(notice, true);
  if (mood) moods.push(mood);
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
    // start() checks the login first: a socket refused after a logout shows the login form.
    setTimeout(start, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  });
}

// Login, or development mode when the dashboard has no users yet.
const loginForm = document.getElementById('login');
const history = document.getElementById('history');

async function start() {
  let auth;
  try {
    auth = await (await fetch('/api/auth')).json();
  } catch {
    setTimeout(start, retryMs);
    return;
  }
  document.getElementById('dev-banner').hidden = auth.mode !== 'development';
  if (!auth.user) {
    loginForm.hidden = false;
    main.hidden = true;
    history.hidden = true;
    showAdmin({ role: 'none' });
    setConnection('down', 'Not logged in');
    return;
  }
  loginForm.hidden = true;
  main.hidden = false;
  history.hidden = false;
  const who = document.getElementById('who');
  who.hidden = auth.mode === 'development';
  document.getElementById('who-name').textContent = `${auth.user.name} (${auth.user.role})`;
  document.body.dataset.role = auth.user.role;
  showAdmin(auth.user);
  searchHistory('');
  connect();
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const response = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: document.getElementById('login-name').value,
      password: document.getElementById('login-password').value,
    }),
  });
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after')) || 1;
    waitBeforeLogin(wait);
    return;
  }
  if (!response.ok) {
    error.textContent = 'That name and password do not match. Try again.';
    return;
  }
  document.getElementById('login-password').value = '';
  start();
});

/** After too many failures: says how long to wait, counts down, and keeps the button off till then. */
function waitBeforeLogin(seconds) {
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  let left = seconds;
  const show = () =>
    (error.textContent =
      `Too many failed logins. For your safety, wait ${left} second${left === 1 ? '' : 's'} ` +
      'before trying again.');
  show();
  submit.disabled = true;
  const timer = setInterval(() => {
    left -= 1;
    if (left > 0) return show();
    clearInterval(timer);
    submit.disabled = false;
    error.textContent = 'You can try again now.';
  }, 1000);
}

document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/api/logout', { method: 'POST' });
  location.reload();
});

document.getElementById('history-form').addEventListener('submit', (event) => {
  event.preventDefault();
  searchHistory(document.getElementById('history-q').value);
});

async function searchHistory(q) {
  const response = await fetch(`/api/sessions?q=${encodeURIComponent(q)}`);
  if (!response.ok) return;
  const { sessions: found } = await response.json();
  const list = document.getElementById('history-list');
  list.replaceChildren(
    ...found.map((session) => {
      const item = el('li', { 'data-session': session.sessionId });
      const details = el('details');
      const when = session.startedAt
        ? new Date(session.startedAt).toLocaleString()
        : 'start unknown';
      details.append(
        el(
          'summary',
          {},
          `${session.robot} · ${when} · ${session.turns.length} turn${session.turns.length === 1 ? '' : 's'}${session.endedAt ? '' : ' · ongoing'}`,
        ),
      );
      const turns = el('ol', { class: 'turns' });
      for (const turnView of session.turns) turns.append(renderTurn(turnView));
      details.append(turns);
      item.append(details);
      if (session.summary)
        item.append(el('p', { class: 'session-summary' }, summaryText(session.summary)));
      // Notices stay visible in the history without opening the conversation.
      const sessionNotices = session.notices ?? [];
      if (sessionNotices.length > 0) {
        const list = el('ul', { class: 'notices', 'aria-label': 'Notices in this conversation' });
        list.append(...sessionNotices.map(renderNoticeItem));
        item.append(list);
      }
      return item;
    }),
  );
  if (q) announce(`${found.length} conversations found`);
}

start();
