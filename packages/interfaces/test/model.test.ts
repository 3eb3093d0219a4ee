// Cross-file rules: nested types resolve (same package, dependencies), and unknown types,
// recursion, clashing names and inconsistent @ros-type mappings are errors naming file:line.
import { afterEach, describe, expect, it } from '@jest/globals';
import { buildModel } from '../scripts/lib/model.mjs';
import { createFixturePackage, type FixturePackage } from './support/fixturePackage.js';

let fixture: FixturePackage | undefined;
afterEach(() => fixture?.dispose());

function build(files: Record<string, string>) {
  fixture = createFixturePackage(files);
  return buildModel({ packageDir: fixture.dir, packageName: 'fixture_interfaces' });
}

describe('the model', () => {
  it('resolves same-package and dependency types and names every part', () => {
    const model = build({
      'msg/Inner.msg': 'uint8 v',
      'msg/Outer.msg': 'Inner a\nfixture_interfaces/Inner[] b\nbuiltin_interfaces/Duration d',
      'srv/Ask.srv': 'Inner q\n---\nbool ok',
      'action/Do.action': 'string what\n---\nbool done\n---\nuint32 step',
    });
    const names = model.messages.map((m: { typeName: string; tsName: string }) => [
      m.typeName,
      m.tsName,
    ]);
    expect(names).toEqual([
      ['builtin_interfaces/msg/Duration', 'Duration'],
      ['builtin_interfaces/msg/Time', 'Time'],
      ['fixture_interfaces/action/Do_Feedback', 'DoFeedback'],
      ['fixture_interfaces/action/Do_Goal', 'DoGoal'],
      ['fixture_interfaces/action/Do_Result', 'DoResult'],
      ['fixture_interfaces/msg/Inner', 'Inner'],
      ['fixture_interfaces/msg/Outer', 'Outer'],
      ['fixture_interfaces/srv/Ask_Request', 'AskRequest'],
      ['fixture_interfaces/srv/Ask_Response', 'AskResponse'],
      ['std_msgs/msg/Header', 'Header'],
    ]);
    const outer = model.messages.find((m: { tsName: string }) => m.tsName === 'Outer');
    expect(outer!.fields.map((f) => f.nested?.typeName)).toEqual([
      'fixture_interfaces/msg/Inner',
      'fixture_interfaces/msg/Inner',
      'builtin_interfaces/msg/Duration',
    ]);
    expect(model.actions[0]).toMatchObject({
      typeName: 'fixture_interfaces/action/Do',
      constName: 'DoAction',
    });
    expect(model.services[0]).toMatchObject({
      typeName: 'fixture_interfaces/srv/Ask',
      constName: 'AskService',
    });
  });

  it('resolves std_msgs/Header (ros4hri messages carry one) and hints it for a bare Header', () => {
    const model = build({ 'msg/Stamped.msg': 'std_msgs/Header header\nstring text' });
    const stamped = model.messages.find((m: { tsName: string }) => m.tsName === 'Stamped');
    const header = stamped!.fields[0]!.nested;
    expect(header?.typeName).toBe('std_msgs/msg/Header');
    expect(header?.fields.map((f) => [f.name, f.nested?.typeName ?? f.type.name])).toEqual([
      ['stamp', 'builtin_interfaces/msg/Time'],
      ['frame_id', 'string'],
    ]);
    expect(() => build({ 'msg/Bare.msg': 'Header header' })).toThrow(
      /msg\/Bare\.msg:1: .*use std_msgs\/Header/,
    );
  });

  it('rejects an unknown nested type, saying where to add it', () => {
    expect(() => build({ 'msg/A.msg': 'uint8 x\nMissing m' })).toThrow(
      /^msg\/A\.msg:2: unknown type 'fixture_interfaces\/Missing' for field m: add msg\/Missing\.msg/,
    );
    expect(() => build({ 'msg/A.msg': 'geometry_msgs/Pose p' })).toThrow(
      /msg\/A\.msg:1: .*add its definition as deps\/geometry_msgs\/msg\/Pose\.msg/,
    );
  });

  it('rejects messages that contain themselves', () => {
    expect(() => build({ 'msg/A.msg': 'B b', 'msg/B.msg': 'uint8 x\nA[] a' })).toThrow(
      /msg\/A\.msg:1: messages cannot contain themselves: fixture_interfaces\/msg\/A -> fixture_interfaces\/msg\/B -> fixture_interfaces\/msg\/A/,
    );
  });

  it('rejects clashing TypeScript names', () => {
    expect(() => build({ 'msg/WakeRequest.msg': 'uint8 x', 'srv/Wake.srv': '---' })).toThrow(
      /srv\/Wake\.srv: generates the TypeScript name WakeRequest, which msg\/WakeRequest\.msg generates too/,
    );
    expect(() => build({ 'msg/Topics.msg': 'uint8 x' })).toThrow(
      /generates the TypeScript name Topics/,
    );
  });

  it('maps a message and the messages it nests to foreign types', () => {
    const model = build({
      'msg/Chunk.msg': '# @ros-type audio_common_msgs/msg/AudioData\nuint8[] data',
      'msg/Stamped.msg':
        '# @ros-type audio_common_msgs/msg/AudioDataStamped\nstd_msgs/Header header\nChunk audio',
      'msg/Plain.msg': 'uint8 x',
    });
    const byName = new Map(
      model.messages.map((m: { tsName: string; rosTypeName: string | null }) => [
        m.tsName,
        m.rosTypeName,
      ]),
    );
    expect(byName.get('Stamped')).toBe('audio_common_msgs/msg/AudioDataStamped');
    expect(byName.get('Chunk')).toBe('audio_common_msgs/msg/AudioData');
    expect(byName.get('Plain')).toBeNull();
    expect(byName.get('Header')).toBeNull();
    expect(model.files).toEqual([
      { kind: 'msg', file: 'msg/Chunk.msg', rosTypeName: 'audio_common_msgs/msg/AudioData' },
      { kind: 'msg', file: 'msg/Plain.msg', rosTypeName: null },
      {
        kind: 'msg',
        file: 'msg/Stamped.msg',
        rosTypeName: 'audio_common_msgs/msg/AudioDataStamped',
      },
    ]);
  });

  it('refuses a mapping whose nested messages do not map, or that nothing unmapped may nest', () => {
    expect(() =>
      build({ 'msg/Chunk.msg': 'uint8[] data', 'msg/S.msg': '# @ros-type a/msg/S\nChunk audio' }),
    ).toThrow(
      /^msg\/S\.msg:2: field audio nests fixture_interfaces\/msg\/Chunk, which has no @ros-type.*add '# @ros-type <package>\/msg\/<Type>'.* to msg\/Chunk\.msg/,
    );
    expect(() =>
      build({
        'msg/Chunk.msg': '# @ros-type a/msg/C\nuint8[] data',
        'srv/Ask.srv': 'Chunk c\n---',
      }),
    ).toThrow(/^srv\/Ask\.srv:1: field c nests .*maps to a\/msg\/C and so is not built into/);
  });

  it('refuses a mapping to the package itself, or two mappings to one type', () => {
    expect(() => build({ 'msg/A.msg': '# @ros-type fixture_interfaces/msg/B\nuint8 x' })).toThrow(
      /^msg\/A\.msg:1: @ros-type fixture_interfaces\/msg\/B names this package's own/,
    );
    expect(() =>
      build({
        'msg/A.msg': '# @ros-type x/msg/T\nuint8 x',
        'msg/B.msg': '# @ros-type x/msg/T\nuint8 x',
      }),
    ).toThrow(/^msg\/B\.msg:1: @ros-type x\/msg\/T is already the mapping of msg\/A\.msg/);
  });

  it('rejects badly named or misplaced files', () => {
    expect(() => build({ 'msg/bad_name.msg': 'uint8 x' })).toThrow(
      /msg\/bad_name\.msg: interface file names are CamelCase/,
    );
    expect(() => build({ 'msg/Ask.srv': '---' })).toThrow(
      /msg\/Ask\.srv: a \.srv file belongs in srv\//,
    );
  });
});
