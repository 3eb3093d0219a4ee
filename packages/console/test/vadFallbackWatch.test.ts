/** The Silero fallback notice, from VoiceActivity and audio_in's `vad`, on the in-process graph. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, Qos, type GraphTransport } from '@hearth/graph';
import { NodeNames, Topics, VoiceActivityType } from '@hearth/interfaces';
import { VadFallbackWatch } from '../src/audio/VadFallbackWatch.js';
import { waitUntil } from './support/RobotDouble.js';

describe('VadFallbackWatch', () => {
  let transport: GraphTransport;

  afterEach(async () => {
    await transport?.shutdown();
  });

  /** audio_in asked for `vad`, a watch on it, and a way to publish what its detector heard. */
  const setUp = (vad: string | null, detector?: string) => {
    transport = createInProcessTransport();
    const audioIn = transport.createNode(NodeNames.audioIn);
    if (vad !== null) audioIn.declareParameter('vad', vad, { description: 'detector' });
    // As audio_in reports it: '' while the detector loads, then the one running.
    if (detector !== undefined)
      audioIn.declareParameter('vad_detector', detector, { description: 'running' });
    const activity = audioIn.createPublisher(VoiceActivityType, Topics.voiceActivity, Qos.events);
    const node = transport.createNode(NodeNames.console);
    const notices: (string | null)[] = [];
    const watch = new VadFallbackWatch(node, {
      audio: node.createParameterClient(NodeNames.audioIn, { timeoutMs: 500 }),
      onNotice: (notice) => notices.push(notice),
    });
    const hear = (detector: string): void =>
      activity.publish(VoiceActivityType.create({ event: 'start', probability: 1, detector }));
    return { watch, notices, hear, audioIn };
  };

  it("shows the fallback from audio_in's vad_detector at start, before any speech", async () => {
    const { watch, notices } = setUp('silero', 'energy');
    await waitUntil(() => notices.length === 1);
    expect(watch.notice).toContain('energy detector, not silero');
  });

  it('shows the fallback once audio_in reports the detector it loaded, before any speech', async () => {
    const { watch, notices, audioIn } = setUp('silero', '');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notices).toEqual([]);
    audioIn.setParameters({ vad_detector: 'energy' });
    await waitUntil(() => notices.length === 1);
    expect(watch.notice).toContain('energy detector, not silero');
  });

  it('names the detector in use and the one asked for, once, and clears when Silero is back', async () => {
    const { watch, notices, hear } = setUp('silero');
    hear('energy');
    hear('energy');
    await waitUntil(() => notices.length === 1);
    expect(watch.notice).toContain('energy detector, not silero');
    expect(watch.notice).toContain("audio_in's `vad`");
    hear('silero');
    await waitUntil(() => notices.length === 2);
    expect(notices[1]).toBeNull();
    expect(watch.notice).toBeNull();
  });

  it('says nothing when the energy detector is the one asked for', async () => {
    const { watch, notices, hear } = setUp('energy');
    hear('energy');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notices).toEqual([]);
    expect(watch.notice).toBeNull();
  });

  it('says nothing when audio_in does not declare `vad`', async () => {
    const { watch, hear } = setUp(null);
    hear('energy');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.notice).toBeNull();
  });
});
