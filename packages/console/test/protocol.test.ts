import { describe, expect, it } from '@jest/globals';
import { audioUrlFor, isSafeAudioName } from '../src/audioFiles.js';
import { parseClientMessage } from '../src/protocol.js';

describe('parseClientMessage', () => {
  it('accepts say with trimmed text and wake', () => {
    expect(parseClientMessage('{"type":"say","text":"  hello  "}', 100)).toEqual({
      ok: true,
      message: { type: 'say', text: 'hello' },
    });
    expect(parseClientMessage('{"type":"wake"}', 100)).toEqual({
      ok: true,
      message: { type: 'wake' },
    });
  });

  it('refuses what is not a known message, naming the fix', () => {
    expect(parseClientMessage('not json', 100)).toMatchObject({ ok: false, code: 'invalid_json' });
    expect(parseClientMessage('[1]', 100)).toMatchObject({ ok: false, code: 'invalid_message' });
    expect(parseClientMessage('{"type":"shout"}', 100)).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    expect(parseClientMessage('{"type":"say","text":42}', 100)).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    expect(parseClientMessage('{"type":"say","text":"   "}', 100)).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    const tooLong = parseClientMessage(JSON.stringify({ type: 'say', text: 'a'.repeat(101) }), 100);
    expect(tooLong).toMatchObject({ ok: false, code: 'text_too_long' });
    expect(tooLong.ok ? '' : tooLong.message).toContain('limit is 100');
  });
});

describe('audio file names', () => {
  it('serves only plain WAV names', () => {
    expect(isSafeAudioName('utt-1.wav')).toBe(true);
    for (const name of ['../x.wav', 'a/b.wav', '.hidden.wav', 'x.txt', 'x..wav', '', 'x.wav/']) {
      expect(isSafeAudioName(name)).toBe(false);
    }
  });

  it('maps only files directly in the audio folder to URLs', () => {
    expect(audioUrlFor('/tmp/audio', '/tmp/audio/utt-1.wav')).toBe('/audio/utt-1.wav');
    expect(audioUrlFor('/tmp/audio', 'utt-1.wav')).toBe('/audio/utt-1.wav');
    expect(audioUrlFor('/tmp/audio', '/tmp/other/utt-1.wav')).toBeNull();
    expect(audioUrlFor('/tmp/audio', '/tmp/audio/sub/utt-1.wav')).toBeNull();
    expect(audioUrlFor('/tmp/audio', '')).toBeNull();
  });
});

describe('parseClientMessage: tuning and previews', () => {
  it('accepts a parameter change with a parameter value, and a gesture to play', () => {
    expect(
      parseClientMessage('{"type":"setParameter","name":"intensity","value":0.5}', 10),
    ).toEqual({ ok: true, message: { type: 'setParameter', name: 'intensity', value: 0.5 } });
    expect(
      parseClientMessage('{"type":"setParameter","name":"state_gestures","value":["a=b"]}', 10),
    ).toMatchObject({ ok: true, message: { value: ['a=b'] } });
    expect(parseClientMessage('{"type":"playGesture","name":"nod"}', 10)).toEqual({
      ok: true,
      message: { type: 'playGesture', name: 'nod' },
    });
  });

  it('refuses values no parameter can hold', () => {
    for (const value of ['null', '{"a":1}', '[1,"a"]', '[[1]]', '"x"']) {
      const raw = `{"type":"setParameter","name":${value === '"x"' ? '""' : '"p"'},"value":${value}}`;
      expect(parseClientMessage(raw, 10)).toMatchObject({ ok: false, code: 'invalid_message' });
    }
    expect(parseClientMessage('{"type":"playGesture"}', 10)).toMatchObject({ ok: false });
  });
});
