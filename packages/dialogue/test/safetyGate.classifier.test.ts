/**
 * The optional model-based risk classifier in the dialogue's safety gate (issue 7): the
 * deterministic screen acts first and at once; the classifier's answer can only raise the turn
 * (a late crisis or moderate notice); a slow, failing or missing model leaves the screen alone.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import { SafetyAlertType, Topics, type SafetyAlert } from '@hearth/interfaces';
import type { ClassifierVerdict } from '@hearth/safety';
import {
  SafetyGate,
  declareDialogueParameters,
  type DialogueEvent,
  type LoadedRiskClassifier,
} from '../src/index.js';
import { until } from './support/graphHarness.js';

function fakeClassifier(verdict: ClassifierVerdict | Error | 'hang'): LoadedRiskClassifier & {
  calls: string[];
  disposed: boolean;
} {
  return {
    name: 'fake',
    calls: [],
    disposed: false,
    classify(text, { signal }) {
      this.calls.push(text);
      if (verdict === 'hang')
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      return verdict instanceof Error ? Promise.reject(verdict) : Promise.resolve(verdict);
    },
    dispose() {
      this.disposed = true;
    },
  };
}

class GateHarness {
  readonly capture = new LogCapture();
  readonly transport: GraphTransport;
  readonly node: GraphNode;
  readonly gate: SafetyGate;
  readonly events: DialogueEvent[] = [];
  readonly alerts: SafetyAlert[] = [];
  state: 'listening' | 'thinking' | 'crisis' = 'listening';

  constructor(
    parameters: Record<string, string | number>,
    loadClassifier?: (path: string) => Promise<LoadedRiskClassifier>,
  ) {
    this.transport = createInProcessTransport({ logger: { level: 'info', capture: this.capture } });
    this.node = this.transport.createNode('dialogue', { parameterOverrides: parameters });
    declareDialogueParameters(this.node);
    this.transport
      .createNode('tester')
      .createSubscription(
        SafetyAlertType,
        Topics.safetyAlert,
        (alert) => this.alerts.push(alert),
        Qos.events,
      );
    let ids = 0;
    this.gate = new SafetyGate(
      this.node,
      (event) => {
        this.events.push(event);
        if (event.type === 'safety.crisis') this.state = 'crisis';
      },
      () => ({ state: this.state, sessionId: 'sess' }),
      { createAlertId: () => `alert-${++ids}`, ...(loadClassifier ? { loadClassifier } : {}) },
    );
  }

  logs(level: 'info' | 'warn' | 'error'): string[] {
    return this.capture.linesOf('dialogue', level).map((r) => r.msg);
  }

  async dispose(): Promise<void> {
    await this.gate.dispose();
    await this.transport.shutdown();
  }
}

describe('SafetyGate with a risk classifier', () => {
  let h: GateHarness | undefined;
  afterEach(async () => {
    await h?.dispose();
    h = undefined;
  });

  it('acts on the screen at once, then a raise to high starts the crisis', async () => {
    const fake = fakeClassifier({ level: 'high', category: 'suicidal_ideation' });
    h = new GateHarness({ risk_classifier_model: '/models/risk.gguf' }, () =>
      Promise.resolve(fake),
    );
    await h.gate.classifierSettled();
    h.gate.onTranscript('I feel so empty lately', true);
    // The deterministic path did not wait for the model.
    expect(h.events).toEqual([
      expect.objectContaining({
        type: 'speech.final',
        risk: expect.objectContaining({ level: 'none' }),
      }),
    ]);
    await until('the late crisis', () => h!.events.length === 2);
    expect(h.events[1]).toMatchObject({
      type: 'safety.crisis',
      // The record names the model that raised it; the alert carries the rule ids only.
      risk: {
        level: 'high',
        category: 'suicidal_ideation',
        rules: ['classifier:high', 'classifier-model:fake'],
      },
    });
    await until('the alert', () => h!.alerts.length === 1);
    expect(h.alerts[0]).toMatchObject({ level: 'high', reasons: ['classifier:high'] });
    expect(fake.calls).toEqual(['I feel so empty lately']);
  });

  it('a raise to moderate tells the machine and sends the notice; a lower verdict changes nothing', async () => {
    h = new GateHarness({ risk_classifier_model: 'm.gguf' }, () =>
      Promise.resolve(fakeClassifier({ level: 'moderate', category: 'self_harm' })),
    );
    await h.gate.classifierSettled();
    h.gate.onTranscript('everything hurts', true);
    await until('the notice', () => h!.alerts.length === 1);
    expect(h.alerts[0]).toMatchObject({ level: 'moderate', category: 'self_harm' });
    expect(h.events).toEqual([
      expect.objectContaining({ type: 'speech.final' }),
      {
        type: 'safety.raised',
        text: 'everything hurts',
        risk: {
          level: 'moderate',
          category: 'self_harm',
          rules: expect.arrayContaining(['classifier:moderate', 'classifier-model:fake']),
        },
      },
    ]);

    const lower = new GateHarness({ risk_classifier_model: 'm.gguf' }, () =>
      Promise.resolve(fakeClassifier({ level: 'none', category: null })),
    );
    await lower.gate.classifierSettled();
    lower.gate.onTranscript("I can't go on like this", true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The screen's moderate turn and notice stand; the model's "none" is ignored.
    expect(lower.events).toEqual([
      expect.objectContaining({
        type: 'speech.final',
        risk: expect.objectContaining({ level: 'moderate' }),
      }),
    ]);
    expect(lower.alerts.map((a) => a.level)).toEqual(['moderate']);
    await lower.dispose();
  });

  it('a slow classifier leaves the screen and is logged once per cause', async () => {
    h = new GateHarness({ risk_classifier_model: 'm.gguf', risk_classifier_timeout_ms: 10 }, () =>
      Promise.resolve(fakeClassifier('hang')),
    );
    await h.gate.classifierSettled();
    h.gate.onTranscript('hello there', true);
    h.gate.onTranscript('how are you', true);
    await until('the timeouts', () =>
      h!.logs('warn').some((m) => m.includes('timed out after 10 ms')),
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(h.logs('warn').filter((m) => m.includes('timed out'))).toHaveLength(1);
    expect(h.events.map((e) => e.type)).toEqual(['speech.final', 'speech.final']);
  });

  it('a missing model file is an error naming it, and the robot screens without it', async () => {
    const missing = '/nonexistent/risk-classifier.gguf';
    h = new GateHarness({ risk_classifier_model: missing });
    await h.gate.classifierSettled();
    const [error] = h.logs('error');
    expect(error).toContain(missing);
    expect(error).toContain('risk_classifier_model');
    h.gate.onTranscript('I want to kill myself', true);
    expect(h.events.at(-1)).toMatchObject({ type: 'safety.crisis' });
  });

  it('is loaded, swapped and removed at runtime by the parameter', async () => {
    const first = fakeClassifier({ level: 'none', category: null });
    const second = fakeClassifier({ level: 'none', category: null });
    const loads: string[] = [];
    h = new GateHarness({}, (path) => {
      loads.push(path);
      return Promise.resolve(loads.length === 1 ? first : second);
    });
    expect(loads).toEqual([]);
    h.node.setParameters({ risk_classifier_model: 'a.gguf' });
    await h.gate.classifierSettled();
    h.node.setParameters({ risk_classifier_model: 'b.gguf' });
    await h.gate.classifierSettled();
    expect(loads).toEqual(['a.gguf', 'b.gguf']);
    expect(first.disposed).toBe(true);
    h.node.setParameters({ risk_classifier_model: '' });
    expect(second.disposed).toBe(true);
    h.gate.onTranscript('hello', true);
    expect(second.calls).toEqual([]);
  });
});
