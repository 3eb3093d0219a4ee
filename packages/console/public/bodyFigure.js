// The robot's body: a simple figure driven by the same joint commands the robot gets. Each
// JointTrajectory the gesture node sends the robot's controller arrives as it was sent (robot
// joint names, points); the figure interpolates the points in time, linearly as a joint
// trajectory controller does, and maps the robot's joints onto one generic humanoid (the server
// sends the mapping). A new trajectory takes over the joints it moves; joints hold their last
// position, as postures do. A gesture the robot performs as its own named animation sends no
// joint commands: it is only named, from its GestureCommand, and marked as such.

const SVG = 'http://www.w3.org/2000/svg';

// Figure geometry (figure units) and the camera: a three-quarter view from slightly above, so
// that motions towards the person (nods, leaning, raising an arm forward) show too.
const SCALE = 95;
const CENTER_X = 120;
const HIP_Y = 215;
const CAMERA_YAW = -0.5;
const CAMERA_PITCH = 0.18;
const NECK = [0, 1.0, 0];
const HEAD_CENTER = [0, 0.3, 0];
const HEAD_RADIUS = 0.24;
const SHOULDER_X = 0.34;
const SHOULDER_Y = 0.9;
const UPPER_ARM = 0.45;
const FOREARM = 0.42;
const MAX_JAW = 0.08;
const FRAME_MS = 32;

export class BodyFigure {
  constructor({ svg, note, readout }) {
    this.svg = svg;
    this.note = note;
    this.readout = readout;
    this.body = null;
    this.positions = new Map();
    this.owner = new Map();
    this.motions = [];
    this.expression = 'neutral';
    this.jawOpen = 0;
    this.cells = new Map();
    this.dirty = true;
    this.lastDrawn = -Infinity;
    this.build();
    this.frame = this.frame.bind(this);
    window.requestAnimationFrame(this.frame);
  }

  /** The robot profile the figure stands for (null: none loaded). */
  setBody(body) {
    this.body = body;
    this.motions = [];
    this.owner.clear();
    this.positions = new Map((body?.joints ?? []).map((joint) => [joint.name, joint.neutral]));
    this.svg.dataset.robot = body?.robot ?? '';
    this.buildReadout();
    const unmapped = body?.unmapped ?? [];
    this.showNote(
      body === null
        ? 'No robot profile loaded: the figure cannot move.'
        : unmapped.length > 0
          ? `${body.robot}: ${unmapped.join(', ')} not shown on the figure.`
          : '',
    );
    this.render();
  }

  /** Plays a joint trajectory after its delay, or names a gesture known only from its command. */
  play(motion) {
    this.svg.dataset.lastMotion = motion.source;
    if (motion.source === 'command') {
      this.showNote(
        !motion.known
          ? `From its gesture command only: ${motion.gesture} is not in this robot profile.`
          : `From its gesture command only (no joint commands): ${motion.gesture} plays the robot's own animation ${motion.animation} (${motion.durationS} s), which the figure does not show.`,
      );
      return;
    }
    if (motion.points.length === 0) return;
    this.motions.push({
      motion,
      startAt: window.performance.now() + motion.delayMs,
      started: false,
      from: new Map(),
      finished: false,
    });
  }

  /** Ends a looping gesture where it is. */
  stop(gesture) {
    for (const entry of this.motions) {
      if (entry.motion.gesture === gesture) entry.finished = true;
    }
    this.dirty = true;
  }

  /** The face layer: expression and mouth opening. */
  setFace(face) {
    if (face.expression) this.expression = face.expression;
    this.jawOpen = Math.min(1, Math.max(0, face.jawOpen));
    this.dirty = true;
  }

  // ------------------------------------------------------------------------------------------
  // Time

  frame(now) {
    // Draw only while something moves, at most ~30 times a second: the page must stay light
    // on a robot's own small computer.
    const moving = this.motions.some((entry) => !entry.finished);
    if ((moving || this.dirty) && now - this.lastDrawn >= FRAME_MS) {
      this.step(now);
      this.render();
      this.lastDrawn = now;
      this.dirty = false;
    }
    window.requestAnimationFrame(this.frame);
  }

  step(now) {
    for (const entry of this.motions) {
      if (entry.finished || now < entry.startAt) continue;
      const { motion } = entry;
      if (!entry.started) {
        entry.started = true;
        for (const joint of motion.jointNames) {
          entry.from.set(joint, this.positions.get(joint) ?? 0);
          this.owner.set(joint, entry);
        }
        if (motion.face) this.expression = motion.face;
      }
      let t = (now - entry.startAt) / 1000;
      const duration = motion.durationS;
      if (motion.loop && duration > 0 && t >= duration) {
        // Every later cycle starts from where the last one ended.
        const last = motion.points[motion.points.length - 1];
        motion.jointNames.forEach((joint, i) => entry.from.set(joint, last.positions[i]));
        t %= duration;
      } else if (!motion.loop && t >= duration) {
        entry.finished = true;
        t = duration;
      }
      motion.jointNames.forEach((joint, i) => {
        if (this.owner.get(joint) !== entry) return;
        this.positions.set(joint, positionAt(motion.points, i, entry.from.get(joint), t));
      });
    }
    this.motions = this.motions.filter(
      (entry) => !entry.finished || [...this.owner.values()].includes(entry),
    );
    for (const [joint, entry] of this.owner) {
      if (entry.finished) this.owner.delete(joint);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Drawing

  figureAngles() {
    const angles = { ...(this.body?.figureNeutral ?? {}) };
    for (const map of this.body?.mapping ?? []) {
      const position = this.positions.get(map.robotJoint);
      if (position === undefined) continue;
      angles[map.figureJoint] =
        (this.body.figureNeutral[map.figureJoint] ?? 0) + map.sign * (position - map.robotNeutral);
    }
    return angles;
  }

  build() {
    const make = (name, attributes, parent = this.svg) => {
      const element = document.createElementNS(SVG, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
      parent.append(element);
      return element;
    };
    make('ellipse', { class: 'fig-base', cx: CENTER_X, cy: HIP_Y + 45, rx: 55, ry: 12 });
    make('path', {
      class: 'fig-skirt',
      d: `M ${CENTER_X - 30} ${HIP_Y} L ${CENTER_X - 45} ${HIP_Y + 45} L ${CENTER_X + 45} ${HIP_Y + 45} L ${CENTER_X + 30} ${HIP_Y} Z`,
    });
    this.layer = make('g', {});
    this.parts = {
      torso: make('path', { class: 'fig-torso' }, this.layer),
      neck: make('line', { class: 'fig-neck' }, this.layer),
      left: make('polyline', { class: 'fig-arm', 'data-arm': 'left' }, this.layer),
      right: make('polyline', { class: 'fig-arm', 'data-arm': 'right' }, this.layer),
      head: make('g', { class: 'fig-head' }, this.layer),
    };
    this.face = {
      skull: make('circle', { class: 'fig-skull' }, this.parts.head),
      leftEye: make('ellipse', { class: 'fig-eye' }, this.parts.head),
      rightEye: make('ellipse', { class: 'fig-eye' }, this.parts.head),
      mouth: make('path', { class: 'fig-mouth' }, this.parts.head),
    };
  }

  buildReadout() {
    this.cells.clear();
    const figureOf = new Map((this.body?.mapping ?? []).map((m) => [m.robotJoint, m.figureJoint]));
    this.readout.replaceChildren(
      ...(this.body?.joints ?? []).map((joint) => {
        const row = document.createElement('tr');
        const name = document.createElement('th');
        name.scope = 'row';
        name.textContent = joint.name;
        const value = document.createElement('td');
        value.dataset.joint = joint.name;
        const figure = document.createElement('td');
        figure.textContent = figureOf.get(joint.name) ?? '—';
        row.append(name, value, figure);
        this.cells.set(joint.name, value);
        return row;
      }),
    );
  }

  render() {
    const a = this.figureAngles();
    const torso = (p) => rotX(p, a.torso_pitch ?? 0);
    const hipL = project(torso([0.22, 0, 0]));
    const hipR = project(torso([-0.22, 0, 0]));
    const shoulderL = torso([SHOULDER_X, SHOULDER_Y, 0]);
    const shoulderR = torso([-SHOULDER_X, SHOULDER_Y, 0]);
    const neck = torso(NECK);
    const sL = project(shoulderL);
    const sR = project(shoulderR);
    this.parts.torso.setAttribute(
      'd',
      `M ${hipL.x} ${hipL.y} L ${sL.x} ${sL.y} L ${sR.x} ${sR.y} L ${hipR.x} ${hipR.y} Z`,
    );
    const neckTop = project(neck);
    const neckBase = project(torso([0, SHOULDER_Y, 0]));
    setLine(this.parts.neck, neckBase, neckTop);

    // The robot's left arm is on its +x side (the viewer's right).
    const arms = [
      this.arm(
        this.parts.left,
        shoulderL,
        1,
        a.left_shoulder_pitch,
        a.left_shoulder_roll,
        a.left_elbow,
        torso,
      ),
      this.arm(
        this.parts.right,
        shoulderR,
        -1,
        a.right_shoulder_pitch,
        a.right_shoulder_roll,
        a.right_elbow,
        torso,
      ),
    ];

    // Head: pan, then pitch, then roll, on top of the torso's lean.
    const head = (p) =>
      torso(
        add(
          NECK,
          rotY(
            rotX(rotZ(add(HEAD_CENTER, p), a.head_roll ?? 0), a.head_pitch ?? 0),
            a.head_pan ?? 0,
          ),
        ),
      );
    const center = project(head([0, 0, 0]));
    this.face.skull.setAttribute('cx', center.x);
    this.face.skull.setAttribute('cy', center.y);
    this.face.skull.setAttribute('r', HEAD_RADIUS * SCALE);
    const sleepy = this.expression === 'sleepy';
    for (const [eye, x] of [
      [this.face.leftEye, 0.09],
      [this.face.rightEye, -0.09],
    ]) {
      const p = project(head([x, 0.05, HEAD_RADIUS * 0.92]));
      eye.setAttribute('cx', p.x);
      eye.setAttribute('cy', p.y);
      eye.setAttribute('rx', 3.2);
      eye.setAttribute('ry', sleepy ? 0.8 : 3.6);
      eye.setAttribute('visibility', p.depth > center.depth ? 'visible' : 'hidden');
    }
    const smile = ['smile', 'warm'].includes(this.expression) ? 0.035 : 0;
    const jaw = this.jawOpen * MAX_JAW;
    const left = project(head([0.07, -0.09, HEAD_RADIUS * 0.9]));
    const right = project(head([-0.07, -0.09, HEAD_RADIUS * 0.9]));
    const upper = project(head([0, -0.09 - smile, HEAD_RADIUS * 0.95]));
    const lower = project(head([0, -0.09 - smile - jaw, HEAD_RADIUS * 0.95]));
    this.face.mouth.setAttribute(
      'd',
      `M ${left.x} ${left.y} Q ${upper.x} ${upper.y + (upper.y - left.y)} ${right.x} ${right.y}` +
        ` Q ${lower.x} ${lower.y + (lower.y - left.y)} ${left.x} ${left.y} Z`,
    );
    this.face.mouth.setAttribute('visibility', upper.depth > center.depth ? 'visible' : 'hidden');
    this.parts.head.dataset.expression = this.expression;

    // Nearer parts drawn last.
    const torsoDepth = (sL.depth + sR.depth) / 2;
    const order = [
      ...arms.filter((arm) => arm.depth < torsoDepth).map((arm) => arm.element),
      this.parts.torso,
      this.parts.neck,
      this.parts.head,
      ...arms.filter((arm) => arm.depth >= torsoDepth).map((arm) => arm.element),
    ];
    order.forEach((element, i) => {
      if (this.layer.children[i] !== element) this.layer.append(element);
    });

    for (const [joint, cell] of this.cells) {
      const value = this.positions.get(joint) ?? 0;
      const text = value.toFixed(2);
      if (cell.textContent !== text) cell.textContent = text;
      cell.dataset.angle = String(Math.round(value * 1000) / 1000);
    }
    for (const [joint, value] of Object.entries(a)) {
      this.svg.dataset[camel(joint)] = String(Math.round(value * 1000) / 1000);
    }
  }

  arm(element, shoulder, side, pitch = 0, roll = 0, elbow = 0, torso) {
    const upper = direction(side, pitch, roll);
    const lower = direction(side, pitch + elbow, roll);
    const elbowPoint = add(shoulder, scale(torso(upper), UPPER_ARM));
    const hand = add(elbowPoint, scale(torso(lower), FOREARM));
    const points = [shoulder, elbowPoint, hand].map(project);
    element.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '));
    return { element, depth: (points[1].depth + points[2].depth) / 2 };
  }

  showNote(text) {
    this.note.textContent = text;
    this.note.hidden = text === '';
  }
}

/** A joint's position at `t` s: linear from its start through the keyframes, held after. */
function positionAt(points, index, start, t) {
  let fromTime = 0;
  let fromValue = start;
  for (const point of points) {
    const value = point.positions[index];
    if (t <= point.timeS) {
      const span = point.timeS - fromTime;
      return span > 0 ? fromValue + ((value - fromValue) * (t - fromTime)) / span : value;
    }
    fromTime = point.timeS;
    fromValue = value;
  }
  return fromValue;
}

/** An arm's direction: hanging down at 0; pitch raises it forward, roll out to its side. */
function direction(side, pitch, roll) {
  return [
    side * Math.sin(roll) * Math.cos(pitch),
    -Math.cos(roll) * Math.cos(pitch),
    Math.sin(pitch),
  ];
}

// Rotations with the figure's signs: +x the robot's left, +y up, +z towards the person.
function rotX([x, y, z], a) {
  // + turns the top forward (a lean, a nod looking down).
  return [x, y * Math.cos(a) - z * Math.sin(a), y * Math.sin(a) + z * Math.cos(a)];
}
function rotY([x, y, z], a) {
  // + turns the front to the robot's left.
  return [x * Math.cos(a) + z * Math.sin(a), y, -x * Math.sin(a) + z * Math.cos(a)];
}
function rotZ([x, y, z], a) {
  // + tilts the top to the robot's left.
  return [x * Math.cos(a) + y * Math.sin(a), -x * Math.sin(a) + y * Math.cos(a), z];
}

function add(p, q) {
  return [p[0] + q[0], p[1] + q[1], p[2] + q[2]];
}
function scale(p, k) {
  return [p[0] * k, p[1] * k, p[2] * k];
}

function project(point) {
  const [x, y, z] = rotY(point, CAMERA_YAW);
  const yy = y * Math.cos(CAMERA_PITCH) - z * Math.sin(CAMERA_PITCH);
  const depth = y * Math.sin(CAMERA_PITCH) + z * Math.cos(CAMERA_PITCH);
  return {
    x: Math.round((CENTER_X + x * SCALE) * 10) / 10,
    y: Math.round((HIP_Y - yy * SCALE) * 10) / 10,
    depth,
  };
}

function setLine(line, from, to) {
  line.setAttribute('x1', from.x);
  line.setAttribute('y1', from.y);
  line.setAttribute('x2', to.x);
  line.setAttribute('y2', to.y);
}

function camel(name) {
  return name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}
