// Tuning the gesture node from the page: one control per parameter (read through the node's
// parameters, as `ros2 param get` would), set on the running node with the node's own checks;
// a refused value shows the node's reason next to its control. And a button per gesture of the
// robot profile to preview it on the figure (and on the robot, through its driver).

export class TuningPanel {
  constructor({ panel, parameters, preview, off, send }) {
    this.panel = panel;
    this.list = parameters;
    this.preview = preview;
    this.off = off;
    this.send = send;
    this.rows = new Map();
  }

  /** Draws the controls (snapshot) or marks the panel unavailable (null). */
  show(tuning) {
    this.off.hidden = tuning !== null;
    if (tuning === null) {
      this.list.replaceChildren();
      this.rows.clear();
      return;
    }
    this.panel.dataset.node = tuning.node;
    const names = tuning.parameters.map((p) => p.name).join(',');
    if (names !== [...this.rows.keys()].join(',')) {
      this.rows.clear();
      this.list.replaceChildren(...tuning.parameters.map((p) => this.row(p)));
    }
    for (const parameter of tuning.parameters) this.setControl(parameter);
  }

  /** The node's answer to a change this page asked for. */
  result(message) {
    const row = this.rows.get(message.name);
    if (!row) return;
    row.error.textContent = message.successful ? '' : message.reason;
    row.error.hidden = message.successful;
    row.status.textContent = message.successful ? 'Set.' : '';
    row.element.dataset.result = message.successful ? 'ok' : 'refused';
  }

  /** A button per gesture of the robot profile. */
  showGestures(body) {
    const gestures = body?.gestures ?? [];
    this.preview.replaceChildren(
      ...gestures.map((gesture) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary small';
        button.dataset.gesture = gesture.name;
        button.textContent = gesture.name.replaceAll('_', ' ');
        button.title = gesture.description || gesture.name;
        button.addEventListener('click', () =>
          this.send({ type: 'playGesture', name: gesture.name }),
        );
        return button;
      }),
    );
  }

  row(parameter) {
    const element = document.createElement('div');
    element.className = 'param';
    element.dataset.param = parameter.name;
    const id = `param-${parameter.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = parameter.name;
    const description = document.createElement('p');
    description.className = 'param-description';
    description.id = `${id}-description`;
    description.textContent = describe(parameter);
    const control = controlFor(parameter, id);
    control.setAttribute('aria-describedby', `${id}-description ${id}-error`);
    const set = document.createElement('button');
    set.type = 'button';
    set.className = 'small';
    set.textContent = 'Set';
    set.setAttribute('aria-label', `Set ${parameter.name}`);
    const status = document.createElement('span');
    status.className = 'param-status';
    status.setAttribute('role', 'status');
    const error = document.createElement('p');
    error.className = 'param-error';
    error.id = `${id}-error`;
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const line = document.createElement('div');
    line.className = 'param-line';
    line.append(control, set, status);
    element.append(label, description, line, error);
    const row = { element, control, error, status, kind: parameter.kind };
    this.rows.set(parameter.name, row);
    const submit = () => this.submit(parameter.name, row);
    set.addEventListener('click', submit);
    if (parameter.kind === 'bool') control.addEventListener('change', submit);
    else if (parameter.kind !== 'string_array')
      control.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') submit();
      });
    return element;
  }

  setControl(parameter) {
    const row = this.rows.get(parameter.name);
    if (!row) return;
    const { control } = row;
    // Leave a value the person is typing alone.
    if (document.activeElement === control && parameter.kind !== 'bool') return;
    if (parameter.kind === 'bool') control.checked = parameter.value === true;
    else if (parameter.kind === 'string_array') control.value = parameter.value.join('\n');
    else control.value = String(parameter.value);
    row.element.dataset.value = JSON.stringify(parameter.value);
  }

  submit(name, row) {
    const value = readControl(row);
    row.status.textContent = '';
    if (value.error) {
      row.error.textContent = value.error;
      row.error.hidden = false;
      row.element.dataset.result = 'refused';
      return;
    }
    row.error.hidden = true;
    this.send({ type: 'setParameter', name, value: value.value });
  }
}

function describe(parameter) {
  const range = parameter.range ? ` (${parameter.range.min} to ${parameter.range.max})` : '';
  const list = parameter.kind === 'string_array' ? ' One entry per line.' : '';
  return `${parameter.description || parameter.kind}${range}${list}`;
}

function controlFor(parameter, id) {
  let control;
  if (parameter.kind === 'bool') {
    control = document.createElement('input');
    control.type = 'checkbox';
  } else if (parameter.kind === 'string_array') {
    control = document.createElement('textarea');
    control.rows = 3;
  } else {
    control = document.createElement('input');
    if (parameter.kind === 'integer' || parameter.kind === 'double') {
      control.type = 'number';
      control.inputMode = parameter.kind === 'integer' ? 'numeric' : 'decimal';
      control.step = parameter.kind === 'integer' ? '1' : 'any';
      // No min/max: out-of-range values go to the node, which says why it refuses them.
    } else {
      control.type = 'text';
    }
  }
  control.id = id;
  control.name = parameter.name;
  return control;
}

function readControl(row) {
  const { control, kind } = row;
  switch (kind) {
    case 'bool':
      return { value: control.checked };
    case 'integer':
    case 'double': {
      const text = control.value.trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { error: 'Enter a number.' };
      if (kind === 'integer' && !Number.isInteger(value)) return { error: 'Enter a whole number.' };
      return { value };
    }
    case 'string_array':
      return {
        value: control.value
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      };
    default:
      return { value: control.value };
  }
}
