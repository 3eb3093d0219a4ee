// Generated validators and defaults: every IDL feature through a fixture package generated at
// test time, and Hearth's own messages through the checked-in generated code.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { writeGenerated } from '../scripts/lib/generator.mjs';
import {
  AudioFrameType,
  GenerateAction,
  InvalidMessageError,
  MessageTypes,
  TranscriptType,
  WakeService,
  findMessageType,
  type MessageDescriptor,
} from '../src/index.js';
import { createFixturePackage, type FixturePackage } from './support/fixturePackage.js';

const EVERYTHING = `# Every feature the generator supports.
uint8 LOW=1
string NAME="hearth"
bool flag
byte b
char c
int8 i8
uint8 u8
int16 i16
uint16 u16
int32 i32
uint32 u32
int64 i64
uint64 u64
float32 f32
float64 f64
string s
wstring ws
string<=3 short
int32 answer 42
string greeting "hi"
int16[] samples
float32[3] triple
uint8[<=2] few
string<=2[<=2] tags
Point p
Point[] points
Point[2] corners
builtin_interfaces/Time stamp
int32[2] pair [1, 2]
`;

type Point = { x: number; y: number };
type Everything = Record<string, unknown> & {
  p: Point;
  points: Point[];
  corners: Point[];
  samples: number[];
};

let fixture: FixturePackage;
let Everything: MessageDescriptor<Everything>;
let Empty: MessageDescriptor<Record<string, never>>;
let generated: Record<string, unknown>;

beforeAll(async () => {
  fixture = createFixturePackage({
    'msg/Point.msg': 'float64 x\nfloat64 y\n',
    'msg/Everything.msg': EVERYTHING,
    'msg/Empty.msg': '# Nothing at all.\n',
  });
  writeGenerated({
    packageDir: fixture.dir,
    packageName: 'fixture_interfaces',
    outDir: join(fixture.dir, 'generated'),
    runtimeImport: fixture.runtimeImport,
  });
  generated = (await import(join(fixture.dir, 'generated', 'index.ts'))) as Record<string, unknown>;
  Everything = generated['EverythingType'] as MessageDescriptor<Everything>;
  Empty = generated['EmptyType'] as MessageDescriptor<Record<string, never>>;
});
afterAll(() => fixture.dispose());

function issuesOf(type: MessageDescriptor<unknown>, value: unknown): string[] {
  const result = type.check(value);
  return result.ok ? [] : result.issues;
}

describe('create', () => {
  it('fills ROS defaults, the file defaults, nested messages and fixed arrays', () => {
    expect(Everything.create()).toEqual({
      flag: false,
      b: 0,
      c: 0,
      i8: 0,
      u8: 0,
      i16: 0,
      u16: 0,
      i32: 0,
      u32: 0,
      i64: 0,
      u64: 0,
      f32: 0,
      f64: 0,
      s: '',
      ws: '',
      short: '',
      answer: 42,
      greeting: 'hi',
      samples: [],
      triple: [0, 0, 0],
      few: [],
      tags: [],
      p: { x: 0, y: 0 },
      points: [],
      corners: [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
      stamp: { sec: 0, nanosec: 0 },
      pair: [1, 2],
    });
    expect(Empty.create()).toEqual({});
  });

  it('overrides fields, keeps defaults for undefined ones, and never shares arrays', () => {
    const a = Everything.create({ u8: 7, s: undefined });
    expect(a.u8).toBe(7);
    expect(a.s).toBe('');
    a.samples.push(1);
    a.p.x = 5;
    expect(Everything.create().samples).toEqual([]);
    expect(Everything.create().p).toEqual({ x: 0, y: 0 });
    expect(Everything.parse(a)).toBe(a);
  });
});

describe('check and parse', () => {
  it('accepts a valid message, with extremes of each range', () => {
    const message = Everything.create({
      i8: -128,
      u8: 255,
      i16: -32768,
      u16: 65535,
      i32: -2147483648,
      u32: 4294967295,
      i64: Number.MIN_SAFE_INTEGER,
      u64: Number.MAX_SAFE_INTEGER,
      f32: -3.4e38,
      f64: Number.NaN,
      short: 'abc',
      few: [1, 2],
      tags: ['ab', 'c'],
      points: [{ x: 1, y: 2 }],
    });
    expect(Everything.check(message)).toEqual({ ok: true, value: message });
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['bool', { flag: 1 }, 'flag: expected bool, got 1'],
    ['byte', { b: 256 }, 'b: expected byte (an integer from 0 to 255), got 256'],
    ['int8', { i8: -129 }, 'i8: expected int8 (an integer from -128 to 127), got -129'],
    ['uint8 fraction', { u8: 1.5 }, 'u8: expected uint8 (an integer from 0 to 255), got 1.5'],
    ['int16', { i16: 32768 }, 'i16: expected int16'],
    ['uint16', { u16: -1 }, 'u16: expected uint16'],
    ['int32', { i32: 2 ** 31 }, 'i32: expected int32'],
    ['uint32', { u32: 2 ** 32 }, 'u32: expected uint32'],
    ['int64 unsafe', { i64: 2 ** 53 }, 'i64: expected int64'],
    ['uint64 negative', { u64: -1 }, 'u64: expected uint64'],
    [
      'integer as string',
      { i32: '5' },
      'i32: expected int32 (an integer from -2147483648 to 2147483647), got string',
    ],
    [
      'float32 range',
      { f32: 1e39 },
      'f32: expected float32 (at most 3.4028234663852886e+38 in magnitude), got 1e+39',
    ],
    ['float64 type', { f64: null }, 'f64: expected float64, got null'],
    ['string', { s: 5 }, 's: expected string, got 5'],
    ['wstring', { ws: false }, 'ws: expected wstring, got boolean'],
    ['bounded string', { short: 'abcd' }, 'short: expected string<=3, got 4 characters'],
    ['array type', { samples: 'x' }, 'samples: expected int16[], got string'],
    ['array element', { samples: [1, 40000] }, 'samples[1]: expected int16'],
    ['fixed array size', { triple: [1, 2] }, 'triple: expected float32[3], got 2 elements'],
    ['bounded array size', { few: [1, 2, 3] }, 'few: expected uint8[<=2], got 3 elements'],
    ['bounded string in array', { tags: ['abc'] }, 'tags[0]: expected string<=2, got 3 characters'],
    ['nested field', { p: { x: 1, y: 'no' } }, 'p.y: expected float64, got string'],
    ['nested not an object', { p: [] }, 'p: expected fixture_interfaces/msg/Point, got array'],
    [
      'nested unknown field',
      { p: { x: 1, y: 2, z: 3 } },
      'p.z: unknown field (fixture_interfaces/msg/Point has x, y)',
    ],
    [
      'nested in array',
      { points: [{ x: 1, y: 2 }, { x: 1 }] },
      'points[1].y: expected float64, got undefined',
    ],
    [
      'fixed nested array',
      { corners: [] },
      'corners: expected fixture_interfaces/Point[2], got 0 elements',
    ],
    ['dependency type', { stamp: { sec: 1, nanosec: -1 } }, 'stamp.nanosec: expected uint32'],
  ];
  it.each(cases)('rejects a wrong %s with the field path', (_name, fields, issue) => {
    const issues = issuesOf(Everything as MessageDescriptor<unknown>, {
      ...Everything.create(),
      ...fields,
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(issue);
  });

  it('rejects unknown and missing fields and non-objects', () => {
    const { s: _s, ...withoutS } = Everything.create();
    expect(issuesOf(Everything as MessageDescriptor<unknown>, { ...withoutS, extra: 1 })).toEqual([
      expect.stringMatching(
        /^extra: unknown field \(fixture_interfaces\/msg\/Everything has flag, b, /,
      ),
      's: expected string, got undefined',
    ]);
    expect(issuesOf(Everything as MessageDescriptor<unknown>, 'text')).toEqual([
      '(message): expected fixture_interfaces/msg/Everything, got string',
    ]);
    expect(issuesOf(Empty as MessageDescriptor<unknown>, { a: 1 })).toEqual([
      'a: unknown field (fixture_interfaces/msg/Empty has no fields)',
    ]);
  });

  it('reports every issue at once and throws InvalidMessageError from parse', () => {
    const bad = { ...Everything.create(), u8: -1, s: 1 };
    expect(issuesOf(Everything as MessageDescriptor<unknown>, bad)).toHaveLength(2);
    expect(() => Everything.parse(bad)).toThrow(InvalidMessageError);
    expect(() => Everything.parse(bad)).toThrow(
      /^Invalid fixture_interfaces\/msg\/Everything: u8: .*; s: /,
    );
  });
});

describe('constants, definitions and the registry', () => {
  it('exports constants as an object and on the descriptor', () => {
    expect(generated['EverythingConstants']).toEqual({ LOW: 1, NAME: 'hearth' });
    expect(Everything.constants).toEqual({ LOW: 1, NAME: 'hearth' });
  });

  it('describes each field for transports', () => {
    const byName = new Map(Everything.definition.map((field) => [field.name, field]));
    expect(byName.get('tags')).toEqual({
      name: 'tags',
      type: 'string',
      primitive: true,
      array: 'bounded',
      arraySize: 2,
      stringBound: 2,
    });
    expect(byName.get('corners')).toEqual({
      name: 'corners',
      type: 'fixture_interfaces/msg/Point',
      primitive: false,
      array: 'fixed',
      arraySize: 2,
      stringBound: null,
    });
    expect(Everything.fields[0]).toBe('flag');
  });

  it('registers every message by ROS type name', () => {
    const registry = generated['MessageTypes'] as Record<string, MessageDescriptor<unknown>>;
    expect(Object.keys(registry)).toEqual([
      'builtin_interfaces/msg/Duration',
      'builtin_interfaces/msg/Time',
      'fixture_interfaces/msg/Empty',
      'fixture_interfaces/msg/Everything',
      'fixture_interfaces/msg/Point',
      'std_msgs/msg/Header',
    ]);
    expect(registry['fixture_interfaces/msg/Everything']).toBe(Everything);
  });
});

describe("Hearth's own messages", () => {
  it('creates and checks a transcript', () => {
    const transcript = TranscriptType.create({ text: 'hello', is_final: true });
    expect(transcript).toEqual({
      stamp: { sec: 0, nanosec: 0 },
      text: 'hello',
      is_final: true,
      confidence: 0,
      language: '',
      source: '',
    });
    expect(TranscriptType.parse(transcript)).toBe(transcript);
    expect(TranscriptType.typeName).toBe('hearth_interfaces/msg/Transcript');
  });

  it('checks audio samples as int16', () => {
    const frame = AudioFrameType.create({
      sample_rate: 16000,
      channels: 1,
      samples: [0, 32767, -32768],
    });
    expect(AudioFrameType.check(frame).ok).toBe(true);
    expect(
      issuesOf(AudioFrameType as MessageDescriptor<unknown>, { ...frame, samples: [32768] }),
    ).toEqual(['samples[0]: expected int16 (an integer from -32768 to 32767), got 32768']);
  });

  it('exposes actions and services with their parts, and finds types by name', () => {
    expect(GenerateAction.typeName).toBe('hearth_interfaces/action/Generate');
    expect(GenerateAction.goal.typeName).toBe('hearth_interfaces/action/Generate_Goal');
    expect(GenerateAction.feedback.create().sentence).toBe('');
    expect(WakeService.response.typeName).toBe('hearth_interfaces/srv/Wake_Response');
    expect(findMessageType('hearth_interfaces/msg/Transcript')).toBe(TranscriptType);
    expect(findMessageType('toString')).toBeUndefined();
    expect(MessageTypes['hearth_interfaces/srv/Wake_Request']).toBe(WakeService.request);
  });
});
