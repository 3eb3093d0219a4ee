// The live view of the dialogue machine: its states as nested boxes, each listing the
// transitions out of it (event → target), drawn from the graph the server read from the XState
// definition; the state the robot is in highlighted, the transition it last took marked, the
// recent transitions listed, and the last turn's stage times as bars.

const STAGES = [
  ['wakeToSpeechEndMs', 'wake → speech end'],
  ['llmFirstTokenMs', 'first token'],
  ['ttsFirstAudioMs', 'first audio'],
  ['llmTotalMs', 'reply generated'],
  ['bargeInToSilenceMs', 'barge-in → silence'],
  ['turnTotalMs', 'turn end'],
];

export class MachineView {
  constructor({ machine, transitions, turnStages }) {
    this.root = machine;
    this.log = transitions;
    this.stages = turnStages;
    this.graph = null;
    this.covers = new Map();
    this.limit = 30;
  }

  /** Draws the machine's states and transitions (from the snapshot). */
  draw(graph) {
    this.graph = graph;
    // The public states a state node covers: its own and its descendants' (`responding` covers
    // thinking and speaking; the root covers all).
    this.covers = new Map(graph.states.map((state) => [state.id, new Set()]));
    for (const state of graph.states) {
      if (!state.publicState) continue;
      for (let id = state.id; id !== null; id = this.parentOf(graph, id))
        this.covers.get(id)?.add(state.publicState);
    }
    const boxes = new Map();
    const top = document.createElement('div');
    top.className = 'mstates';
    for (const state of graph.states) {
      const box = document.createElement('div');
      box.className = 'mstate';
      box.dataset.id = state.id;
      box.dataset.type = state.type;
      if (state.publishes) box.dataset.publishes = state.publishes;
      const head = document.createElement('div');
      head.className = 'mhead';
      const name = document.createElement('span');
      name.className = 'mname';
      name.textContent = state.parent === null ? `any state (${graph.id})` : state.key;
      head.append(name);
      if (state.initial) head.append(tag('initial', 'minitial'));
      if (state.publishes) head.append(tag(`publishes ${state.publishes}`, 'mpub'));
      box.append(head);
      const edges = document.createElement('ul');
      edges.className = 'medges';
      for (const edge of graph.transitions.filter((t) => t.from === state.id)) {
        const item = document.createElement('li');
        item.dataset.event = edge.event;
        item.dataset.trigger = edge.trigger;
        item.dataset.to = edge.to.join(' ');
        const label = document.createElement('span');
        label.className = 'mevent';
        label.textContent = edge.event;
        item.append(label, ` → ${edge.to.map(shortId).join(', ')}`);
        if (edge.guard) item.append(tag(`if ${edge.guard}`, 'mguard'));
        edges.append(item);
      }
      if (edges.childElementCount > 0) box.append(edges);
      const children = document.createElement('div');
      children.className = 'mchildren';
      box.append(children);
      boxes.set(state.id, { box, children });
      const parent = state.parent === null ? null : boxes.get(state.parent);
      (parent ? parent.children : top).append(box);
    }
    this.root.replaceChildren(top);
  }

  parentOf(graph, id) {
    return graph.states.find((state) => state.id === id)?.parent ?? null;
  }

  /** Highlights the robot's state and the transition that led there. */
  showState(view) {
    if (!this.graph) return;
    for (const box of this.root.querySelectorAll('.mstate')) {
      box.dataset.active = String(box.dataset.publishes === view.state);
      box.dataset.containsActive = 'false';
    }
    for (const box of this.root.querySelectorAll('.mstate[data-active="true"]')) {
      let parent = box.parentElement?.closest('.mstate');
      while (parent) {
        parent.dataset.containsActive = 'true';
        parent = parent.parentElement?.closest('.mstate');
      }
    }
    // The edge taken: the event's own, else an eventless one the event led through
    // (e.g. tts.finished, then `always` from speaking to followUp).
    const covered = (id, state) => this.covers.get(id)?.has(state) ?? false;
    const edges = [...this.root.querySelectorAll('.medges li')].map((item) => ({
      item,
      from: item.closest('.mstate').dataset.id,
      to: item.dataset.to.split(' '),
      event: item.dataset.event,
    }));
    const leadsHere = (edge) =>
      edge.to.some((id) => covered(id, view.state)) && covered(edge.from, view.previousState);
    let taken = edges.filter((edge) => edge.event === view.event && leadsHere(edge));
    if (taken.length === 0)
      taken = edges.filter((edge) => edge.event === 'always' && leadsHere(edge));
    for (const edge of edges) edge.item.dataset.last = String(taken.includes(edge));
  }

  /** Replaces the transition log (snapshot), newest first. */
  showTransitions(transitions) {
    this.log.replaceChildren();
    for (const transition of transitions) this.addTransition(transition);
  }

  addTransition(transition) {
    const row = document.createElement('tr');
    row.dataset.to = transition.to;
    row.dataset.event = transition.event;
    for (const text of [
      clockTime(transition.atMs),
      transition.from || '—',
      transition.event,
      transition.to,
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    this.log.prepend(row);
    while (this.log.childElementCount > this.limit) this.log.lastElementChild.remove();
  }

  /** The turn's stage times as bars on one scale, from the end of the person's speech. */
  showTurn(turn) {
    const stages = turn.stages;
    const longest = Math.max(1, ...STAGES.map(([key]) => stages[key]));
    const list = document.createElement('dl');
    list.className = 'stages';
    for (const [key, label] of STAGES) {
      const value = stages[key];
      if (typeof value !== 'number' || value < 0) continue;
      const term = document.createElement('dt');
      term.textContent = label;
      const detail = document.createElement('dd');
      detail.dataset.stage = key;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.max(1, (value / longest) * 100)}%`;
      const text = document.createElement('span');
      text.className = 'ms';
      text.textContent = `${Math.round(value)} ms`;
      detail.append(bar, text);
      list.append(term, detail);
    }
    const summary = document.createElement('p');
    summary.className = 'turn-summary';
    const flags = [];
    if (turn.interrupted) flags.push('interrupted');
    if (turn.fallback) flags.push('fallback');
    summary.textContent =
      `Turn ${turn.turnIndex} (${turn.kind || 'reply'}): ${turn.states.join(' → ')}` +
      (flags.length > 0 ? ` · ${flags.join(', ')}` : '');
    this.stages.replaceChildren(summary, list);
  }
}

function tag(text, className) {
  const element = document.createElement('span');
  element.className = `mtag ${className}`;
  element.textContent = text;
  return element;
}

function shortId(id) {
  return id === '' ? 'machine' : id;
}

function clockTime(ms) {
  const date = new Date(ms);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
