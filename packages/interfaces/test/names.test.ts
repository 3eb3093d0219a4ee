// The graph's names: ros4hri's per-voice speech topic is built from a voice id, which must be a
// valid ROS 2 name token or the topic cannot exist on a robot.
import { describe, expect, it } from '@jest/globals';
import {
  ANONYMOUS_VOICE_ID,
  humanVoiceSpeechTopic,
  InvalidVoiceIdError,
  LiveSpeechType,
  AudioDataStampedType,
  AudioDataType,
  TranscriptType,
} from '../src/index.js';

describe('humanVoiceSpeechTopic', () => {
  it('builds ros4hri speech topics', () => {
    expect(humanVoiceSpeechTopic(ANONYMOUS_VOICE_ID)).toBe(
      '/humans/voices/anonymous_speaker/speech',
    );
    expect(humanVoiceSpeechTopic('v1a2')).toBe('/humans/voices/v1a2/speech');
  });

  it('refuses ids that are not one ROS name token, naming the id and the rule', () => {
    for (const bad of ['', '1abc', 'a/b', 'a b', 'a__b', 'é']) {
      expect(() => humanVoiceSpeechTopic(bad)).toThrow(InvalidVoiceIdError);
    }
    expect(() => humanVoiceSpeechTopic('a/b')).toThrow(/"a\/b".*ROS name token/);
  });
});

describe('LiveSpeech', () => {
  it('is hri_msgs/msg/LiveSpeech (2.2.1+) field for field, and travels as that type', () => {
    expect(LiveSpeechType.typeName).toBe('hearth_interfaces/msg/LiveSpeech');
    expect(LiveSpeechType.rosTypeName).toBe('hri_msgs/msg/LiveSpeech');
    expect(LiveSpeechType.definition.map((f) => `${f.type} ${f.name}`)).toEqual([
      'std_msgs/msg/Header header',
      'string incremental',
      'string final',
      'float64 confidence',
      'string locale',
    ]);
    const speech = LiveSpeechType.create({ final: 'hello', confidence: 0.5, locale: 'en_US' });
    expect(speech.header).toEqual({ stamp: { sec: 0, nanosec: 0 }, frame_id: '' });
    expect(LiveSpeechType.check({ ...speech, header: { stamp: speech.header.stamp } }).ok).toBe(
      false,
    );
  });
});

describe('AudioDataStamped', () => {
  it('is audio_common_msgs/msg/AudioDataStamped field for field, nesting a mapped AudioData', () => {
    expect(AudioDataStampedType.definition.map((f) => `${f.type} ${f.name}`)).toEqual([
      'std_msgs/msg/Header header',
      'hearth_interfaces/msg/AudioData audio',
    ]);
    expect(AudioDataType.definition.map((f) => `${f.type}[] ${f.name}`)).toEqual(['uint8[] data']);
    expect(AudioDataStampedType.rosTypeName).toBe('audio_common_msgs/msg/AudioDataStamped');
    expect(AudioDataType.rosTypeName).toBe('audio_common_msgs/msg/AudioData');
    expect(AudioDataStampedType.create().audio).toEqual({ data: [] });
  });

  it('leaves unmapped messages on their own type name', () => {
    expect(TranscriptType.rosTypeName).toBe(TranscriptType.typeName);
  });
});
