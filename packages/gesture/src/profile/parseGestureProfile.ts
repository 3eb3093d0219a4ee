import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { GestureLimitError } from '../errors/GestureLimitError.js';
import { GestureProfileError, type GestureProfileIssue } from '../errors/GestureProfileError.js';
import type {
  Gesture,
  GestureProfile,
  JointLimits,
  Keyframe,
  SentenceCue,
} from './GestureProfile.js';
import { gestureFileSchema, type GestureFile } from './schema.js';
import { tokenize } from '../choose/tokenize.js';

/** Tolerance for limits, so that a limit met exactly is not refused for floating-point noise. */
const EPSILON = 1e-9;

function keyOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}

function zodIssues(error: z.ZodError): GestureProfileIssue[] {
  return error.issues.map((issue) => {
    const key = keyOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return {
        key,
        problem: `unknown key(s) ${issue.keys.join(', ')}`,
        fix: 'remove them or correct their spelling (see robot-config/default/gestures.yaml)',
      };
    }
    if (issue.code === 'invalid_value' || issue.code === 'invalid_key') {
      return {
        key,
        problem: issue.message,
        fix: 'use one of the names listed in the package README',
      };
    }
    return {
      key,
      problem: issue.message,
      fix: 'correct the value as robot-config/default/gestures.yaml shows',
    };
  });
}

function toJoints(file: GestureFile): Map<string, JointLimits> {
  const joints = new Map<string, JointLimits>();
  for (const [name, joint] of Object.entries(file.joints)) {
    joints.set(name, {
      name,
      min: joint.min,
      max: joint.max,
      maxVelocity: joint.max_velocity,
      neutral: joint.neutral,
    });
  }
  return joints;
}

function checkJoints(
  path: string,
  joints: ReadonlyMap<string, JointLimits>,
): GestureProfileIssue[] {
  const issues: GestureProfileIssue[] = [];
  for (const joint of joints.values()) {
    if (joint.min >= joint.max) {
      issues.push({
        key: `joints.${joint.name}`,
        problem: `min ${joint.min} is not below max ${joint.max}`,
        fix: 'swap or correct min and max',
      });
    } else if (joint.neutral < joint.min || joint.neutral > joint.max) {
      issues.push({
        key: `joints.${joint.name}.neutral`,
        problem: `neutral ${joint.neutral} is outside [${joint.min}, ${joint.max}]`,
        fix: 'set neutral to the rest position, within min and max',
      });
    }
  }
  if (issues.length > 0) throw new GestureProfileError(path, issues);
  return issues;
}

/** Checks one gesture against the joints' limits; throws GestureLimitError on the first excess. */
function toGesture(
  path: string,
  name: string,
  raw: GestureFile['gestures'][string],
  joints: ReadonlyMap<string, JointLimits>,
  faces: readonly string[],
): Gesture {
  const base = `gestures.${name}`;
  const issues: GestureProfileIssue[] = [];
  if (raw.face && !faces.includes(raw.face)) {
    issues.push({
      key: `${base}.face`,
      problem: `unknown face expression "${raw.face}"`,
      fix: `use one of face_expressions (${faces.join(', ')}) or add it there`,
    });
  }
  // Each joint starts at its neutral position at time 0.
  const last = new Map<string, { time: number; position: number }>();
  let previousTime = 0;
  const keyframes: Keyframe[] = raw.keyframes.map((frame, index) => {
    const key = `${base}.keyframes[${index}]`;
    if (frame.time <= previousTime) {
      throw new GestureProfileError(path, [
        {
          key: `${key}.time`,
          problem: `time ${frame.time} s is not after the previous keyframe's ${previousTime} s`,
          fix: 'list keyframes in increasing time order, the first after 0',
        },
      ]);
    }
    previousTime = frame.time;
    for (const [jointName, position] of Object.entries(frame.joints)) {
      const joint = joints.get(jointName);
      if (!joint) {
        issues.push({
          key: `${key}.joints.${jointName}`,
          problem: `gesture "${name}" moves joint ${jointName}, which the joints table does not define`,
          fix: `use one of ${[...joints.keys()].join(', ')}, or add the joint with its limits`,
        });
        continue;
      }
      if (position < joint.min - EPSILON || position > joint.max + EPSILON) {
        throw new GestureLimitError(
          path,
          name,
          jointName,
          'position',
          `${key}.joints.${jointName}`,
          `${position} rad is outside [${joint.min}, ${joint.max}] rad`,
        );
      }
      const from = last.get(jointName) ?? { time: 0, position: joint.neutral };
      const dt = frame.time - from.time;
      const velocity = dt > 0 ? Math.abs(position - from.position) / dt : Infinity;
      if (velocity > joint.maxVelocity + EPSILON) {
        throw new GestureLimitError(
          path,
          name,
          jointName,
          'velocity',
          `${key}.joints.${jointName}`,
          `moving from ${from.position} to ${position} rad in ${dt.toFixed(3)} s needs ${velocity.toFixed(3)} rad/s, above max_velocity ${joint.maxVelocity} rad/s`,
        );
      }
      last.set(jointName, { time: frame.time, position });
    }
    return { time: frame.time, joints: new Map(Object.entries(frame.joints)) };
  });
  raw.occupies.forEach((jointName, index) => {
    if (!joints.has(jointName))
      issues.push({
        key: `${base}.occupies[${index}]`,
        problem: `gesture "${name}" occupies joint ${jointName}, which the joints table does not define`,
        fix: `use one of ${[...joints.keys()].join(', ')}, or add the joint with its limits`,
      });
  });
  if (issues.length > 0) throw new GestureProfileError(path, issues);
  const moved = new Set<string>(raw.occupies);
  for (const frame of keyframes) for (const jointName of frame.joints.keys()) moved.add(jointName);
  return {
    name,
    description: raw.description,
    priority: raw.priority,
    face: raw.face,
    loop: raw.loop,
    keyframes,
    animation: raw.animation,
    durationS: raw.duration ?? keyframes[keyframes.length - 1]?.time ?? 0,
    joints: [...joints.keys()].filter((jointName) => moved.has(jointName)),
  };
}

/** A state's gestures, written as one name or a list. */
function asList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function checkReferences(
  path: string,
  file: GestureFile,
  gestures: ReadonlyMap<string, Gesture>,
): void {
  const issues: GestureProfileIssue[] = [];
  const known = [...gestures.keys()].join(', ');
  const check = (key: string, gesture: string): void => {
    if (!gestures.has(gesture))
      issues.push({
        key,
        problem: `names gesture "${gesture}", which is not defined`,
        fix: `use one of ${known}, or define it under gestures`,
      });
  };
  for (const [strategy, gesture] of Object.entries(file.mapping.strategy))
    if (gesture) check(`mapping.strategy.${strategy}`, gesture);
  for (const [state, value] of Object.entries(file.mapping.state)) {
    const list = asList(value);
    list.forEach((gesture, i) =>
      check(
        typeof value === 'string' ? `mapping.state.${state}` : `mapping.state.${state}[${i}]`,
        gesture,
      ),
    );
  }
  for (const [emotion, gesture] of Object.entries(file.mapping.affect))
    if (gesture) check(`mapping.affect.${emotion}`, gesture);
  file.mapping.sentence_cues.forEach((cue, i) =>
    check(`mapping.sentence_cues[${i}].gesture`, cue.gesture),
  );
  check('mapping.default', file.mapping.default);
  if (issues.length > 0) throw new GestureProfileError(path, issues);
}

/**
 * Parses and validates a gestures file's text. Throws GestureProfileError naming the file, the
 * key and the fix; GestureLimitError when a keyframe exceeds a joint's position or velocity limit.
 */
export function parseGestureProfile(text: string, path: string): GestureProfile {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new GestureProfileError(
      path,
      document.errors.map((error) => ({
        key: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '',
        problem: error.message.split('\n')[0] ?? error.message,
        fix: 'correct the YAML syntax',
      })),
    );
  }
  const parsed = gestureFileSchema.safeParse(document.toJS());
  if (!parsed.success) throw new GestureProfileError(path, zodIssues(parsed.error));
  const file = parsed.data;
  const joints = toJoints(file);
  checkJoints(path, joints);
  const gestures = new Map<string, Gesture>();
  for (const [name, raw] of Object.entries(file.gestures)) {
    gestures.set(name, toGesture(path, name, raw, joints, file.face_expressions));
  }
  checkReferences(path, file, gestures);
  const sentenceCues: SentenceCue[] = file.mapping.sentence_cues.map((cue) => ({
    gesture: cue.gesture,
    words: cue.words.map((phrase) => tokenize(phrase)).filter((tokens) => tokens.length > 0),
    endsWith: cue.ends_with,
  }));
  return {
    file: path,
    robot: file.robot,
    joints,
    faceExpressions: file.face_expressions,
    gestures,
    mapping: {
      strategy: new Map(
        Object.entries(file.mapping.strategy).filter(
          (entry): entry is [string, string] => !!entry[1],
        ),
      ),
      state: new Map(
        Object.entries(file.mapping.state)
          .map(([state, value]): [string, string[]] => [state, asList(value)])
          .filter((entry) => entry[1].length > 0),
      ),
      affect: new Map(
        Object.entries(file.mapping.affect).filter(
          (entry): entry is [string, string] => !!entry[1],
        ),
      ),
      sentenceCues,
      default: file.mapping.default,
    },
  };
}
