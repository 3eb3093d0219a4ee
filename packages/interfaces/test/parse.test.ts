// The IDL parser: each feature of ROS 2 interface files Hearth supports, and each error, which
// must name file:line.
import { describe, expect, it } from '@jest/globals';
import { parseInterface, parseTypeToken, splitComment } from '../scripts/lib/parse.mjs';

const parseMsg = (text: string) => parseInterface(text, 'msg/Test.msg', 'msg')[0];

describe('types', () => {
  it('reads every primitive', () => {
    const names = [
      'bool',
      'byte',
      'char',
      'int8',
      'uint8',
      'int16',
      'uint16',
      'int32',
      'uint32',
      'int64',
      'uint64',
      'float32',
      'float64',
      'string',
      'wstring',
    ];
    const section = parseMsg(names.map((name, i) => `${name} f${i}`).join('\n'));
    expect(section!.fields.map((field) => field.type.name)).toEqual(names);
    expect(section!.fields.every((field) => field.type.primitive)).toBe(true);
  });

  it('reads bounded strings and the three kinds of array', () => {
    expect(parseTypeToken('string<=10')).toMatchObject({
      name: 'string',
      stringBound: 10,
      array: 'none',
    });
    expect(parseTypeToken('int16[]')).toMatchObject({ array: 'unbounded', arraySize: null });
    expect(parseTypeToken('float32[3]')).toMatchObject({ array: 'fixed', arraySize: 3 });
    expect(parseTypeToken('uint8[<=4]')).toMatchObject({ array: 'bounded', arraySize: 4 });
    expect(parseTypeToken('string<=5[<=2]')).toMatchObject({
      name: 'string',
      stringBound: 5,
      array: 'bounded',
      arraySize: 2,
    });
  });

  it('reads nested types with and without a package', () => {
    expect(parseTypeToken('builtin_interfaces/Time')).toMatchObject({
      name: 'Time',
      package: 'builtin_interfaces',
      primitive: false,
    });
    expect(parseTypeToken('Affect[]')).toMatchObject({
      name: 'Affect',
      package: null,
      array: 'unbounded',
    });
  });
});

describe('comments', () => {
  it('splits at the first # outside quotes', () => {
    expect(splitComment('string s "a#b" # note')).toEqual({
      code: 'string s "a#b" ',
      comment: 'note',
    });
    expect(splitComment("string s 'it''s'")).toEqual({ code: "string s 'it''s'", comment: null });
  });

  it('documents the type with the leading block and fields with the lines above them', () => {
    const section = parseMsg(
      [
        '# The type.',
        '# Second line.',
        'uint8 a',
        '',
        '# About b.',
        'uint8 b # and more',
        '# floating',
      ].join('\n'),
    );
    expect(section!.doc).toEqual(['The type.', 'Second line.']);
    expect(section!.fields[0]?.doc).toEqual([]);
    expect(section!.fields[1]?.doc).toEqual(['About b.', 'and more']);
  });

  it('gives a later section leading comment to its first field unless a blank line follows', () => {
    const [, response] = parseInterface(
      '# req\nuint8 a\n---\n# about ok\nbool ok',
      'srv/T.srv',
      'srv',
    );
    expect(response?.doc).toEqual([]);
    expect(response?.fields[0]?.doc).toEqual(['about ok']);
    const [, result] = parseInterface(
      'uint8 a\n---\n# result doc\n\nbool ok\n---\n',
      'action/T.action',
      'action',
    );
    expect(result?.doc).toEqual(['result doc']);
  });
});

describe('constants and defaults', () => {
  it('reads constants of each kind, with spaces around = or without', () => {
    const section = parseMsg(
      [
        'uint8 LOW=1',
        'int32 NEG = -5',
        'float64 PI=3.14',
        'bool ON=true',
        'string NAME="a # b"',
        "string Q='x'",
      ].join('\n'),
    );
    expect(section!.constants.map((c) => [c.name, c.value])).toEqual([
      ['LOW', 1],
      ['NEG', -5],
      ['PI', 3.14],
      ['ON', true],
      ['NAME', 'a # b'],
      ['Q', 'x'],
    ]);
    expect(section!.fields).toEqual([]);
  });

  it('reads default values of scalars and arrays', () => {
    const section = parseMsg(
      [
        'int32 x 5',
        'uint8 h 0x1F',
        'float32 f -1.5e2',
        'bool b true',
        'string s "hello \\"you\\""',
        'string u unquoted words',
        'int16[] a [1, -2, 3]',
        'string[<=2] names ["a,b", \'c\']',
        'float64[2] pair [0.5, 1]',
      ].join('\n'),
    );
    expect(section!.fields.map((field) => field.defaultValue)).toEqual([
      5,
      31,
      -150,
      true,
      'hello "you"',
      'unquoted words',
      [1, -2, 3],
      ['a,b', 'c'],
      [0.5, 1],
    ]);
  });

  it('leaves fields without a default undefined', () => {
    expect(parseMsg('int32 x')!.fields[0]?.defaultValue).toBeUndefined();
  });
});

describe('errors name file:line and the fix', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown primitive', 'uint8 ok\nfloat x', /^msg\/Test\.msg:2: unknown type 'float'/],
    ['ROS 1 time', 'time t', /msg\/Test\.msg:1: .*use builtin_interfaces\/Time/],
    ['pkg/msg/Type', 'builtin_interfaces/msg/Time t', /:1: .*write builtin_interfaces\/Time/],
    ['bound on a non-string', 'uint8<=3 x', /:1: .*only string and wstring take a bound/],
    ['zero array bound', 'uint8[0] x', /:1: .*at least 1/],
    ['bounded array without a bound', 'uint8[<=] x', /:1: .*needs its bound/],
    ['malformed array', 'uint8[x] y', /:1: .*malformed array type/],
    ['missing field name', 'uint8', /:1: expected '<type> <name>'/],
    ['camelCase field', 'uint8 myField', /:1: invalid field name 'myField'/],
    ['double underscore', 'uint8 my__field', /invalid field name/],
    ['trailing underscore', 'uint8 field_', /invalid field name/],
    ['duplicate field', 'uint8 a\nuint8 a', /:2: 'a' is already defined on line 1/],
    ['lower-case constant', 'uint8 low=1', /:1: invalid constant name 'low'/],
    ['array constant', 'uint8[] A=1', /:1: constant A must have a primitive, non-array type/],
    ['nested constant', 'Foo A=1', /:1: constant A must have a primitive/],
    ['constant out of range', 'uint8 A=256', /:1: constant A: 256 is out of range for uint8/],
    ['constant without value', 'int32 A=', /:1: constant A: missing value/],
    ['int64 beyond safe range', 'int64 A=9223372036854775807', /safe integer range/],
    ['bad integer default', 'int32 x 1.5', /:1: default of x: expected an integer for int32/],
    ['bad bool default', 'bool b yes', /expected true or false/],
    ['bad float default', 'float64 f abc', /expected a number for float64/],
    ['float32 out of range', 'float32 f 1e39', /out of range for float32/],
    ['unterminated string', 'string s "abc', /unterminated string/],
    ['bounded string default too long', 'string<=2 s "abc"', /longer than the bound/],
    ['fixed array default of the wrong size', 'int32[3] a [1, 2]', /exactly 3 values, got 2/],
    ['bounded array default too long', 'int32[<=1] a [1, 2]', /at most 1 values, got 2/],
    ['array default not a list', 'int32[] a 5', /expected an array literal/],
    ['nested default', 'builtin_interfaces/Time t 5', /only primitive fields take a default/],
    [
      'separator in a .msg',
      'uint8 a\n---\nuint8 b',
      /msg\/Test\.msg:2: a \.msg file has 1 section/,
    ],
  ];
  it.each(cases)('%s', (_name, text, pattern) => {
    expect(() => parseMsg(text)).toThrow(pattern);
  });

  it('raises InterfaceDefinitionError with file and line', () => {
    let caught: unknown;
    try {
      parseMsg('uint8 a\nbad_type x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      name: 'InterfaceDefinitionError',
      file: 'msg/Test.msg',
      line: 2,
    });
  });

  it('counts the sections of .srv and .action files', () => {
    expect(() => parseInterface('uint8 a', 'srv/T.srv', 'srv')).toThrow(
      /srv\/T\.srv: a \.srv file has 2 section\(s\) \(request, response\) separated by 1 '---' line\(s\); found 0/,
    );
    expect(() => parseInterface('a\n---\nb', 'action/T.action', 'action')).toThrow(/found 1/);
    expect(parseInterface('---\n', 'srv/T.srv', 'srv')).toHaveLength(2);
  });
});

describe('the @ros-type directive', () => {
  it('reads the foreign type from the leading comments, keeping it out of the docs', () => {
    const section = parseMsg(
      '# @ros-type hri_msgs/msg/LiveSpeech\n# The speech.\nstd_msgs/Header header\nstring final',
    );
    expect(section!.rosType).toEqual({
      name: 'hri_msgs/msg/LiveSpeech',
      package: 'hri_msgs',
      line: 1,
    });
    expect(section!.doc).toEqual(['The speech.']);
    // Below a doc line, and in a file with no other comment, it is read the same way.
    expect(parseMsg('# Doc.\n#@ros-type  a_b/msg/T2  \nuint8 x')!.rosType?.name).toBe('a_b/msg/T2');
    expect(parseMsg('# Doc.\n# @ros-type a/msg/T\nuint8 x')!.doc).toEqual(['Doc.']);
    expect(parseMsg('uint8 x')!.rosType).toBeNull();
    // A comment that only mentions it is documentation.
    expect(parseMsg('# see @ros-type\nuint8 x')!.rosType).toBeNull();
  });

  const cases: [string, string, RegExp][] = [
    ['no type', '# @ros-type\nuint8 x', /:1: @ros-type needs the foreign type: write # @ros-type/],
    [
      'short form',
      '# @ros-type hri_msgs/LiveSpeech',
      /:1: .*write the full name hri_msgs\/msg\/LiveSpeech/,
    ],
    ['bare type', '# @ros-type LiveSpeech', /:1: .*expected <package>\/msg\/<Type>/],
    ['too many parts', '# @ros-type a/msg/B/C', /:1: .*expected <package>\/msg\/<Type>/],
    ['a service', '# @ros-type std_srvs/srv/Trigger', /:1: .*only messages map .*not 'srv'/],
    [
      'unknown package form',
      '# @ros-type HriMsgs/msg/LiveSpeech',
      /:1: .*'HriMsgs' is not a ROS package name/,
    ],
    ['package with __', '# @ros-type hri__msgs/msg/X', /is not a ROS package name/],
    [
      'lower-case type',
      '# @ros-type hri_msgs/msg/live_speech',
      /'live_speech' is not a message name/,
    ],
    ['two names', '# @ros-type a/msg/B c/msg/D', /expected <package>\/msg\/<Type>/],
    [
      'misspelt',
      '# @ros_type hri_msgs/msg/X\nuint8 x',
      /:1: misspelt directive '@ros_type.*write # @ros-type/,
    ],
    [
      'after a field',
      'uint8 x\n# @ros-type a/msg/B',
      /:2: @ros-type belongs in the leading comments/,
    ],
    ['on a field line', 'uint8 x # @ros-type a/msg/B', /:1: @ros-type belongs in the leading/],
    ['twice', '# @ros-type a/msg/B\n# @ros-type a/msg/C\nuint8 x', /:2: .*already given on line 1/],
  ];
  it.each(cases)('refuses %s, naming file:line and the fix', (_name, text, pattern) => {
    expect(() => parseMsg(text)).toThrow(pattern);
  });

  it('is refused in a .srv or .action file', () => {
    expect(() => parseInterface('# @ros-type a/msg/B\nuint8 x\n---\n', 'srv/T.srv', 'srv')).toThrow(
      /srv\/T\.srv:1: @ros-type maps a message; a \.srv file cannot carry it/,
    );
  });
});
