import { describe, expect, it } from '@jest/globals';
import { SelfHearingGate, type WakeDetection } from '../src/index.js';

const wake = (phrase: string, startMs: number, endMs: number): WakeDetection => ({
  phrase,
  score: 0.9,
  bargeIn: false,
  heard: { startMs, endMs },
});

describe('SelfHearingGate', () => {
  it('passes wakes while the robot is silent', () => {
    const gate = new SelfHearingGate({ bargeInPhrase: 'hearth stop', tailMs: 300 });
    expect(gate.admit(wake('hey hearth', 100, 900), 1000)).toMatchObject({
      phrase: 'hey hearth',
      bargeIn: false,
    });
  });

  it('drops the wake phrase heard while the robot speaks, and in the echo tail after', () => {
    const gate = new SelfHearingGate({ bargeInPhrase: 'hearth stop', tailMs: 300 });
    gate.observe({ utterance_id: 'u1', kind: 'start' }, 1000);
    gate.observe({ utterance_id: 'u1', kind: 'word' }, 1200);
    expect(gate.admit(wake('hey hearth', 1100, 1800), 1900)).toBeUndefined();
    gate.observe({ utterance_id: 'u1', kind: 'end' }, 2000);
    // Spoken across the end of the robot's speech, detected after it: still the robot.
    expect(gate.admit(wake('hey hearth', 1700, 2200), 2300)).toBeUndefined();
    // Begun within the tail (300 ms) after the end.
    expect(gate.admit(wake('hey hearth', 2250, 2900), 3000)).toBeUndefined();
    // Begun after the tail: the person.
    expect(gate.admit(wake('hey hearth', 2400, 3000), 3100)).toMatchObject({ bargeIn: false });
  });

  it('lets the barge-in phrase through while speaking, marked barge-in, whatever its case', () => {
    const gate = new SelfHearingGate({ bargeInPhrase: 'Hearth, stop!', tailMs: 300 });
    gate.observe({ utterance_id: 'u1', kind: 'start' }, 0);
    expect(gate.admit(wake('hearth stop', 100, 600), 700)).toMatchObject({
      phrase: 'hearth stop',
      bargeIn: true,
    });
    gate.configure({ bargeInPhrase: '' });
    expect(gate.admit(wake('hearth stop', 100, 600), 700)).toBeUndefined();
  });

  it('tracks overlapping utterances and forgets one whose end was lost', () => {
    const gate = new SelfHearingGate({ bargeInPhrase: '', tailMs: 0, maxUtteranceMs: 10000 });
    gate.observe({ utterance_id: 'a', kind: 'start' }, 0);
    gate.observe({ utterance_id: 'b', kind: 'start' }, 500);
    gate.observe({ utterance_id: 'a', kind: 'end' }, 1000);
    expect(gate.robotSpeaking(1500, 1600, 1600)).toBe(true); // b still speaking
    gate.observe({ utterance_id: 'b', kind: 'end' }, 2000);
    expect(gate.robotSpeaking(2100, 2200, 2200)).toBe(false);
    gate.observe({ utterance_id: 'c', kind: 'start' }, 3000); // its end never arrives
    expect(gate.robotSpeaking(5000, 5100, 5100)).toBe(true);
    expect(gate.robotSpeaking(14000, 14100, 14100)).toBe(false);
  });

  it('judges a detection without a heard span at the time it arrives', () => {
    const gate = new SelfHearingGate({ bargeInPhrase: '', tailMs: 0 });
    gate.observe({ utterance_id: 'u', kind: 'start' }, 0);
    expect(gate.admit({ phrase: 'porcupine', score: 1, bargeIn: false }, 10)).toBeUndefined();
  });
});
