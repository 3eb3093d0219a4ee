import { describe, expect, it } from '@jest/globals';
import { SimulatedAudioSink } from '../src/audio/SimulatedAudioSink.js';

const clip = {
  audio: { sampleRate: 16000, samples: new Int16Array(16000) },
  path: '/nonexistent/clip.wav',
  durationMs: 1000,
};

describe('SimulatedAudioSink', () => {
  it('fires start, then every mark in order, then completes', async () => {
    const sink = new SimulatedAudioSink({ speed: () => 50 });
    const seen: string[] = [];
    const result = await sink.play(clip, {
      signal: new AbortController().signal,
      marks: [0, 300, 600, 999],
      onStart: () => seen.push('start'),
      onMark: (index) => seen.push(`mark${index}`),
    });
    expect(seen).toEqual(['start', 'mark0', 'mark1', 'mark2', 'mark3']);
    expect(result).toEqual({ completed: true, positionMs: 1000 });
  });

  it('stops on abort, firing no later marks', async () => {
    const sink = new SimulatedAudioSink({ speed: () => 1 });
    const controller = new AbortController();
    const marks: number[] = [];
    const playing = sink.play(clip, {
      signal: controller.signal,
      marks: [0, 900],
      onMark: (index) => {
        marks.push(index);
        controller.abort();
      },
    });
    const result = await playing;
    expect(result.completed).toBe(false);
    expect(result.positionMs).toBeLessThan(900);
    expect(marks).toEqual([0]);
  });

  it('stops everything playing on dispose', async () => {
    const sink = new SimulatedAudioSink();
    const playing = sink.play(clip, { signal: new AbortController().signal });
    sink.dispose();
    expect((await playing).completed).toBe(false);
  });
});
