// The Hearth console page: talks to the console server over one websocket (protocol.ts in the
// package describes every message), shows the conversation sentence by sentence, the robot's
// state and gestures, and plays the robot's voice in order. Plain browser JavaScript, no build.
// The dialogue machine's live view, the robot's figure and the tuning panel are modules.
import { BodyFigure } from './bodyFigure.js';
import { MachineView } from './machineView.js';
import { TuningPanel } from './tuningPanel.js';

const STATE_LABELS = {
  asleep: 'Asleep',
  listening: 'Listening',
  thinking: 'Thinking…',
  speaking: 'Speaking',
  followUp: 'Waiting for you',
  crisis: 'Staying with you',
  paused: 'Paused',
  recovering: 'Recovering',
};
const MAX_GESTURES_SHOWN = 8;
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 8000;

const elements = {
  state: document.getElementById('state'),
  connection: document.getElementById('connection'),
  wake: document.getElementById('wake'),
  sound: document.getElementById('sound'),
  notices: document.getElementById('notices'),
  empty: document.getElementById('empty'),
  log: document.getElementById('log'),
  gestureNow: document.getElementById('gesture-now'),
  gestures: document.getElementById('gestures'),
  composer: document.getElementById('composer'),
  text: document.getElementById('text'),
  error: document.getElementById('error'),
};

const machineView = new MachineView({
  machine: document.getElementById('machine'),
  transitions: document.getElementById('transitions'),
  turnStages: document.getElementById('turn-stages'),
});
const figure = new BodyFigure({
  svg: document.getElementById('figure'),
  note: document.getElementById('figure-note'),
  readout: document.getElementById('joint-readout'),
});
const tuning = new TuningPanel({
  panel: document.getElementById('tuning-panel'),
  parameters: document.getElementById('parameters'),
  preview: document.getElementById('preview'),
  off: document.getElementById('tuning-off'),
  send: (message) => send(message),
});

// ------------------------------------------------------------------------------------------
// Connection: one websocket, reopened with backoff whenever it drops.

let socket = null;
let reconnectDelay = RECONNECT_FIRST_MS;

function connect() {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${scheme}//${window.location.host}/ws`);
  socket.addEventListener('open', () => {
    reconnectDelay = RECONNECT_FIRST_MS;
    setConnection('Connected');
  });
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    handle(message);
  });
  socket.addEventListener('close', () => {
    socket = null;
    setConnection('Connection lost, reconnecting…');
    setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
  });
}

function send(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    showError('Not connected to the robot yet. Trying again, please wait a moment.');
    return false;
  }
  socket.send(JSON.stringify(message));
  return true;
}

function setConnection(text) {
  elements.connection.textContent = text;
  document.body.dataset.connection = text === 'Connected' ? 'open' : 'closed';
}

// ------------------------------------------------------------------------------------------
// Messages from the server.

function handle(message) {
  switch (message.type) {
    case 'snapshot':
      showSnapshot(message.snapshot);
      break;
    case 'state':
      showState(message.state);
      break;
    case 'user':
      addUserMessage(message.text);
      break;
    case 'speech':
      if (message.speech.kind === 'start') addSpokenSentence(message.speech);
      break;
    case 'gesture':
      showGesture(message.gesture);
      break;
    case 'turn':
      finishTurn(message.turn);
      machineView.showTurn(message.turn);
      break;
    case 'transition':
      machineView.addTransition(message.transition);
      break;
    case 'body':
      figure.setBody(message.body);
      tuning.showGestures(message.body);
      break;
    case 'motion':
      figure.play(message.motion);
      break;
    case 'motionStop':
      figure.stop(message.gesture);
      break;
    case 'face':
      figure.setFace(message.face);
      break;
    case 'notices':
      showNotices(message.notices);
      break;
    case 'tuning':
      tuning.show(message.tuning);
      break;
    case 'parameterResult':
      tuning.result(message);
      break;
    case 'wake':
      if (!message.accepted)
        showError(`The robot could not wake up just now (it is ${label(message.state)}).`);
      break;
    case 'error':
      showError(message.message);
      break;
    default:
      break;
  }
}

function showSnapshot(snapshot) {
  machineView.draw(snapshot.machine);
  machineView.showTransitions(snapshot.transitions);
  figure.setBody(snapshot.body);
  for (const motion of snapshot.motions) figure.play(motion);
  tuning.showGestures(snapshot.body);
  tuning.show(snapshot.tuning);
  if (snapshot.state) showState(snapshot.state);
  else showState({ state: 'unknown' });
  showNotices(snapshot.notices);
  elements.text.maxLength = snapshot.maxTextLength;
  // The snapshot is the server's account of the conversation: redraw from it after a reconnect.
  elements.log.replaceChildren();
  currentReply = null;
  for (const turn of snapshot.turns) {
    if (turn.userText) addUserMessage(turn.userText);
    finishTurn(turn);
  }
  const last = snapshot.turns.at(-1);
  if (last) machineView.showTurn(last);
}

function label(state) {
  return STATE_LABELS[state] ?? (state === 'unknown' ? 'Not started yet' : state);
}

function showState(view) {
  machineView.showState(view);
  elements.state.dataset.state = view.state;
  elements.state.textContent = label(view.state);
  elements.state.title = view.event ? `${view.state} (after ${view.event})` : view.state;
}

function showNotices(notices) {
  elements.notices.replaceChildren(
    ...notices.map((text) => {
      const line = document.createElement('p');
      line.textContent = text;
      return line;
    }),
  );
  elements.notices.hidden = notices.length === 0;
}

// ------------------------------------------------------------------------------------------
// The conversation. A robot reply is one bubble that grows as each sentence starts being
// spoken; the turn record closes it (and fills it when no sentence was spoken).

let currentReply = null;

function bubble(who, name) {
  elements.empty.hidden = true;
  const item = document.createElement('li');
  item.className = `message ${who}`;
  const speaker = document.createElement('span');
  speaker.className = 'who';
  speaker.textContent = name;
  const body = document.createElement('span');
  body.className = 'text';
  item.append(speaker, body);
  elements.log.append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function addUserMessage(text) {
  const item = bubble('user', 'You');
  item.querySelector('.text').textContent = text;
  currentReply = null;
}

function addSpokenSentence(speech) {
  if (!currentReply) currentReply = bubble('robot', 'Robot');
  const body = currentReply.querySelector('.text');
  const sentence = document.createElement('span');
  sentence.className = 'sentence';
  sentence.textContent = (body.childElementCount > 0 ? ' ' : '') + speech.text;
  body.append(sentence);
  currentReply.scrollIntoView({ block: 'end' });
  if (speech.audioUrl) voice.enqueue(speech.audioUrl);
}

function finishTurn(turn) {
  const item = currentReply ?? bubble('robot', 'Robot');
  const body = item.querySelector('.text');
  if (body.childElementCount === 0 && body.textContent === '') body.textContent = turn.replyText;
  const notes = [];
  if (turn.interrupted) notes.push('interrupted');
  if (turn.fallback) notes.push('fallback reply');
  if (turn.strategy) notes.push(turn.strategy);
  if (notes.length > 0) {
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = notes.join(' · ');
    item.append(meta);
  }
  currentReply = null;
}

// Profile names are identifiers (open_arms); people read words (open arms).
function gestureLabel(name) {
  return name.replaceAll('_', ' ');
}

function showGesture(gesture) {
  elements.gestureNow.textContent = gestureLabel(gesture.name);
  elements.gestureNow.dataset.gesture = gesture.name;
  const item = document.createElement('li');
  item.textContent = gesture.reason
    ? `${gestureLabel(gesture.name)} (${gesture.reason})`
    : gestureLabel(gesture.name);
  elements.gestures.prepend(item);
  while (elements.gestures.childElementCount > MAX_GESTURES_SHOWN)
    elements.gestures.lastElementChild.remove();
}

function showError(text) {
  elements.error.textContent = text;
  elements.error.hidden = false;
}

function clearError() {
  elements.error.hidden = true;
  elements.error.textContent = '';
}

// ------------------------------------------------------------------------------------------
// The robot's voice: each sentence's WAV, played in the order it was spoken. Browsers block
// sound until the person has clicked something; Send, Wake and the sound toggle all count.

const voice = {
  queue: [],
  player: new Audio(),
  playing: false,
  on: localStorage.getItem('hearth.sound') !== 'off',

  enqueue(url) {
    if (!this.on) return;
    this.queue.push(url);
    if (!this.playing) this.next();
  },

  next() {
    const url = this.queue.shift();
    if (!url) {
      this.playing = false;
      return;
    }
    this.playing = true;
    this.player.src = url;
    this.player.play().catch((error) => {
      if (error && error.name === 'NotAllowedError') {
        showError('Your browser blocked the robot\u2019s voice. Press "Sound on" to hear it.');
        this.queue.length = 0;
        this.playing = false;
      } else {
        this.next();
      }
    });
  },

  setOn(on) {
    this.on = on;
    localStorage.setItem('hearth.sound', on ? 'on' : 'off');
    elements.sound.setAttribute('aria-pressed', String(on));
    elements.sound.textContent = on ? 'Sound on' : 'Sound off';
    if (!on) {
      this.queue.length = 0;
      this.player.pause();
      this.playing = false;
    }
  },
};
voice.player.addEventListener('ended', () => voice.next());
voice.player.addEventListener('error', () => voice.next());

// ------------------------------------------------------------------------------------------
// The person's input.

elements.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = elements.text.value.trim();
  if (text === '') {
    showError('Type something before sending.');
    return;
  }
  clearError();
  if (send({ type: 'say', text })) elements.text.value = '';
  elements.text.focus();
});

elements.wake.addEventListener('click', () => {
  clearError();
  send({ type: 'wake' });
});

elements.sound.addEventListener('click', () => {
  clearError();
  voice.setOn(!voice.on);
});

// On a phone the long panels start folded, so the conversation stays in reach.
if (window.matchMedia('(max-width: 48rem)').matches) {
  for (const fold of document.querySelectorAll('details.fold')) fold.open = false;
}

voice.setOn(voice.on);
setConnection('Connecting…');
connect();
elements.text.focus();
