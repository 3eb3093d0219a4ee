import { describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture } from '@hearth/graph';
import { createVad } from '../src/vad/createVad.js';

const segments = { threshold: 0.5, minSpeechMs: 90, hangoverMs: 300 };

describe('createVad falling back from Silero', () => {
  it('logs the failure and surfaces it as a notice when the model does not load', async () => {
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture } });
    const node = transport.createNode('audio_in');
    const notices: string[] = [];
    try {
      const vad = await createVad('silero', segments, node.logger, {
        modelPath: '/nonexistent/silero_vad.onnx',
        onNotice: (notice) => notices.push(notice),
      });
      expect(vad.name).toBe('energy');
      vad.dispose();
      const errors = capture.linesOf('audio_in', 'error');
      expect(errors).toHaveLength(1);
      expect(JSON.stringify(errors[0])).toContain('/nonexistent/silero_vad.onnx');
      expect(notices).toHaveLength(1);
      // The notice names what happened, the broken model and the fix.
      expect(notices[0]).toMatch(/energy detector, not Silero/);
      expect(notices[0]).toContain('/nonexistent/silero_vad.onnx');
      expect(notices[0]).toMatch(/pnpm install/);
    } finally {
      await transport.shutdown();
    }
  });

  it('says nothing when the energy detector was chosen', async () => {
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture } });
    const notices: string[] = [];
    const vad = await createVad('energy', segments, transport.createNode('audio_in').logger, {
      onNotice: (notice) => notices.push(notice),
    });
    expect(vad.name).toBe('energy');
    expect(notices).toEqual([]);
    expect(capture.records.filter((r) => r.level === 'error')).toEqual([]);
    vad.dispose();
    await transport.shutdown();
  });
});
