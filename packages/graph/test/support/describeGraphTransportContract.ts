import { afterEach, describe, expect, it } from '@jest/globals';
import {
  AudioFrameType,
  DialogueStateType,
  GenerateAction,
  TranscriptType,
  WakeService,
  type AudioFrame,
  type DialogueState,
  type GenerateFeedback,
  type Transcript,
} from '@hearth/interfaces';

import {
  ActionServerUnavailableError,
  GraphEntityDestroyedError,
  ParameterNotDeclaredError,
  ParametersFileError,
  Qos,
  ServiceUnavailableError,
  parseParametersFile,
  type GraphNode,
  type GraphTransport,
  type ParameterChange,
  type ParametersFile,
} from '../../src/index.js';
import { Collector, aborted, gate } from './waitFor.js';

export type MakeTransport = (options: { parameters?: ParametersFile }) => Promise<GraphTransport>;

/**
 * The behaviour every GraphTransport must have (MQTT.js's abstract_store pattern): the in-process
 * transport, the rclnodejs adapter over the fake, and over real rclnodejs where ROS 2 is sourced.
 */
export function describeGraphTransportContract(name: string, makeTransport: MakeTransport): void {
  describe(`GraphTransport contract: ${name}`, () => {
    let transport: GraphTransport | undefined;
    const open = async (options: { parameters?: ParametersFile } = {}): Promise<GraphTransport> => {
      transport = await makeTransport(options);
      return transport;
    };
    afterEach(async () => {
      await transport?.shutdown();
      transport = undefined;
    });

    const transcript = (text: string): Transcript =>
      TranscriptType.create({ text, is_final: true, source: 'typed' });

    describe('topics', () => {
      it('delivers messages to every subscriber, in order, never inside publish()', async () => {
        const graph = await open();
        const a = graph.createNode('talker');
        const b = graph.createNode('listener');
        const first = new Collector<Transcript>();
        const second = new Collector<Transcript>();
        b.createSubscription(TranscriptType, '/contract/chatter', first.push);
        b.createSubscription(TranscriptType, '/contract/chatter', second.push);
        const pub = a.createPublisher(TranscriptType, '/contract/chatter');
        for (let i = 0; i < 20; i++) pub.publish(transcript(`line ${i}`));
        expect(first.items).toHaveLength(0);
        await first.atLeast(20);
        await second.atLeast(20);
        expect(first.items.map((m) => m.text)).toEqual(
          Array.from({ length: 20 }, (_, i) => `line ${i}`),
        );
        expect(second.items).toEqual(first.items);
      });

      it('replays the last `depth` messages of a transient_local publisher to a late subscriber', async () => {
        const graph = await open();
        const dialogue = graph.createNode('dialogue_contract');
        const pub = dialogue.createPublisher(DialogueStateType, '/contract/state', Qos.state);
        pub.publish(DialogueStateType.create({ state: 'asleep' }));
        pub.publish(DialogueStateType.create({ state: 'listening', previous_state: 'asleep' }));
        const late = graph.createNode('late');
        const got = new Collector<DialogueState>();
        late.createSubscription(DialogueStateType, '/contract/state', got.push, Qos.state);
        await got.atLeast(1);
        pub.publish(DialogueStateType.create({ state: 'thinking', previous_state: 'listening' }));
        await got.atLeast(2);
        expect(got.items.map((s) => s.state)).toEqual(['listening', 'thinking']);
      });

      it('keeps only the newest `depth` messages for a best-effort subscriber that falls behind', async () => {
        const graph = await open();
        const mic = graph.createNode('mic');
        const ear = graph.createNode('ear');
        const got = new Collector<AudioFrame>();
        ear.createSubscription(AudioFrameType, '/contract/audio', got.push, Qos.sensorData);
        const pub = mic.createPublisher(AudioFrameType, '/contract/audio', Qos.sensorData);
        for (let i = 0; i < 10; i++)
          pub.publish(AudioFrameType.create({ sample_rate: 16000, channels: 1, samples: [i] }));
        await got.atLeast(5);
        expect(got.items.map((f) => f.samples[0])).toEqual([5, 6, 7, 8, 9]);
      });
    });

    describe('actions', () => {
      it('delivers feedback in order, then the result', async () => {
        const graph = await open();
        const llm = graph.createNode('llm_contract');
        const dialogue = graph.createNode('dialogue_contract');
        const allFeedbackSeen = gate();
        llm.createActionServer(GenerateAction, '/contract/generate', async (goal) => {
          for (let i = 0; i < 5; i++) {
            goal.publishFeedback({
              sentence: `${goal.goal.user_text} ${i}.`,
              sentence_index: i,
              strategy: 'Reflection',
              first_token_ms: 1,
            });
          }
          await allFeedbackSeen.promise;
          return GenerateAction.result.create({ reply: 'done', generated_tokens: 5 });
        });
        const client = dialogue.createActionClient(GenerateAction, '/contract/generate');
        expect(await client.waitForServer(5000)).toBe(true);
        const feedback = new Collector<GenerateFeedback>();
        void feedback.atLeast(5).then(allFeedbackSeen.open);
        const handle = await client.sendGoal(
          GenerateAction.goal.create({ session_id: 's1', user_text: 'hello' }),
          {
            onFeedback: feedback.push,
          },
        );
        expect(handle.accepted).toBe(true);
        expect(handle.goalId).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        );
        const outcome = await handle.result;
        expect(outcome.status).toBe('succeeded');
        expect(outcome.result.reply).toBe('done');
        expect(outcome.result.generated_tokens).toBe(5);
        expect(feedback.items.map((f) => f.sentence_index)).toEqual([0, 1, 2, 3, 4]);
      });

      it('aborts the server signal on cancel, and the goal ends canceled', async () => {
        const graph = await open();
        const llm = graph.createNode('llm_contract');
        const dialogue = graph.createNode('dialogue_contract');
        llm.createActionServer(GenerateAction, '/contract/generate', async (goal) => {
          goal.publishFeedback(
            GenerateAction.feedback.create({ sentence: 'first.', sentence_index: 0 }),
          );
          await aborted(goal.signal);
          expect(goal.isCancelRequested).toBe(true);
          return GenerateAction.result.create({ reply: 'partial', cancelled: true });
        });
        const client = dialogue.createActionClient(GenerateAction, '/contract/generate');
        await client.waitForServer(5000);
        const first = new Collector<GenerateFeedback>();
        const handle = await client.sendGoal(GenerateAction.goal.create({ user_text: 'hi' }), {
          onFeedback: first.push,
        });
        await first.atLeast(1);
        await handle.cancel();
        const outcome = await handle.result;
        expect(outcome.status).toBe('canceled');
        expect(outcome.result.cancelled).toBe(true);
      });

      it('aborts a goal whose execute callback throws, with the default result', async () => {
        const graph = await open();
        const llm = graph.createNode('llm_contract');
        const dialogue = graph.createNode('dialogue_contract');
        llm.createActionServer(GenerateAction, '/contract/generate', async () => {
          throw new Error('model crashed');
        });
        const client = dialogue.createActionClient(GenerateAction, '/contract/generate');
        await client.waitForServer(5000);
        const outcome = await (
          await client.sendGoal(GenerateAction.goal.create({ user_text: 'hi' }))
        ).result;
        expect(outcome.status).toBe('aborted');
        expect(outcome.result).toEqual(GenerateAction.result.create());
      });

      it('reports a missing server: waitForServer false, sendGoal rejects', async () => {
        const graph = await open();
        const client = graph
          .createNode('lonely')
          .createActionClient(GenerateAction, '/contract/nobody');
        expect(await client.waitForServer(50)).toBe(false);
        await expect(client.sendGoal(GenerateAction.goal.create())).rejects.toBeInstanceOf(
          ActionServerUnavailableError,
        );
      });
    });

    describe('services', () => {
      it('answers calls', async () => {
        const graph = await open();
        const wake = graph.createNode('wake_contract');
        wake.createService(WakeService, '/contract/wake', async (request) => ({
          accepted: true,
          state: `woken by ${request.source}`,
        }));
        const client = graph
          .createNode('console_contract')
          .createClient(WakeService, '/contract/wake');
        expect(await client.waitForService(5000)).toBe(true);
        expect(await client.call({ source: 'console' })).toEqual({
          accepted: true,
          state: 'woken by console',
        });
      });

      it('rejects with ServiceUnavailableError when nobody answers in time', async () => {
        const graph = await open();
        const client = graph
          .createNode('console_contract')
          .createClient(WakeService, '/contract/nobody');
        await expect(client.call({ source: 'console' }, 50)).rejects.toBeInstanceOf(
          ServiceUnavailableError,
        );
      });
    });

    describe('parameters', () => {
      const file = parseParametersFile(
        [
          '/**:',
          '  ros__parameters:',
          '    locale: en-GB',
          'llm_params:',
          '  ros__parameters:',
          '    temperature: 0.3',
          '    generation:',
          '      max_tokens: 64',
          'bad_node:',
          '  ros__parameters:',
          '    temperature: hot',
        ].join('\n'),
        'robot-config/test/params.yaml',
      );

      it('takes values from overrides, then the parameters file (wildcards too), then defaults', async () => {
        const graph = await open({ parameters: file });
        const llm = graph.createNode('llm_params', { parameterOverrides: { top_k: 40 } });
        expect(llm.declareParameter('temperature', 0.7, { range: { min: 0, max: 2 } })).toBe(0.3);
        expect(llm.declareParameter('generation.max_tokens', 128)).toBe(64);
        expect(llm.declareParameter('locale', 'en-US')).toBe('en-GB');
        expect(llm.declareParameter('top_k', 50)).toBe(40);
        expect(llm.declareParameter('top_p', 0.95)).toBe(0.95);
        expect(llm.getParameter('temperature')).toBe(0.3);
        expect(llm.hasParameter('top_p')).toBe(true);
        expect(llm.getParameters()).toMatchObject({ temperature: 0.3, top_k: 40, locale: 'en-GB' });
        expect(() => llm.getParameter('nope')).toThrow(ParameterNotDeclaredError);
      });

      it('refuses a file value that does not fit, naming the file, key and fix', async () => {
        const graph = await open({ parameters: file });
        const node = graph.createNode('bad_node');
        expect(() =>
          node.declareParameter('temperature', 0.7, { range: { min: 0, max: 2 } }),
        ).toThrow(ParametersFileError);
        expect(() =>
          node.declareParameter('temperature', 0.7, { range: { min: 0, max: 2 } }),
        ).toThrow(
          'robot-config/test/params.yaml: bad_node.ros__parameters.temperature (line 11): expected a number between 0 and 2, got "hot". Fix: set a number between 0 and 2 such as 0.7.',
        );
      });

      it('rejects invalid values and refused changes, leaving values unchanged; listeners see accepted ones', async () => {
        const graph = await open();
        const node = graph.createNode('tts_params');
        node.declareParameter('rate', 175, { range: { min: 80, max: 400 } });
        node.declareParameter('voice', 'en', { choices: ['en', 'de'] });
        node.declareParameter('engine', 'espeak', { readOnly: true });
        const changes = new Collector<readonly ParameterChange[]>();
        node.onParametersChanged(changes.push);
        const veto = node.addParameterValidator((list) =>
          list.some((c) => c.name === 'voice' && c.value === 'de')
            ? { successful: false, reason: 'German voice not installed' }
            : undefined,
        );

        expect(node.setParameters({ rate: 1000 })[0]).toMatchObject({
          name: 'rate',
          successful: false,
        });
        expect(node.setParameters({ voice: 'fr' })[0]?.successful).toBe(false);
        expect(node.setParameters({ engine: 'azure' })[0]?.successful).toBe(false);
        expect(node.setParameters({ rate: 'fast' })[0]?.successful).toBe(false);
        const vetoed = node.setParameters({ voice: 'de' })[0];
        expect(vetoed?.successful).toBe(false);
        expect(vetoed?.reason).toContain('German voice not installed');
        expect(node.getParameters()).toMatchObject({ rate: 175, voice: 'en', engine: 'espeak' });
        expect(changes.items).toHaveLength(0);

        expect(node.setParameters({ rate: 200 })).toEqual([
          { name: 'rate', successful: true, reason: '' },
        ]);
        expect(node.getParameter('rate')).toBe(200);
        expect(changes.items).toEqual([[{ name: 'rate', value: 200, previous: 175 }]]);

        veto.dispose();
        expect(node.setParameters({ voice: 'de' })[0]?.successful).toBe(true);
        expect(node.getParameter('voice')).toBe('de');
      });
    });

    it('runs timers until cancelled', async () => {
      const graph = await open();
      const node = graph.createNode('ticker');
      const ticks = new Collector<number>();
      const timer = node.createTimer(5, () => ticks.push(1));
      await ticks.atLeast(3);
      timer.cancel();
      const countAtCancel = ticks.items.length;
      const other = new Collector<number>();
      const witness = node.createTimer(5, () => other.push(1));
      await other.atLeast(3);
      witness.cancel();
      expect(ticks.items.length).toBe(countAtCancel);
    });

    it('destroy() removes a node from the graph and is idempotent', async () => {
      const graph = await open();
      const speaker = graph.createNode('speaker');
      const gone = graph.createNode('gone');
      const stays = graph.createNode('stays');
      const lost = new Collector<Transcript>();
      const kept = new Collector<Transcript>();
      gone.createSubscription(TranscriptType, '/contract/destroy', lost.push);
      stays.createSubscription(TranscriptType, '/contract/destroy', kept.push);
      const goneTimer = new Collector<number>();
      gone.createTimer(5, () => goneTimer.push(1));
      const deadPub = gone.createPublisher(TranscriptType, '/contract/destroy');
      gone.destroy();
      gone.destroy();
      expect(() => deadPub.publish(transcript('from the dead'))).toThrow(GraphEntityDestroyedError);
      expect(() => gone.createPublisher(TranscriptType, '/contract/destroy')).toThrow(
        GraphEntityDestroyedError,
      );
      speaker
        .createPublisher(TranscriptType, '/contract/destroy')
        .publish(transcript('still here?'));
      await kept.atLeast(1);
      expect(lost.items).toHaveLength(0);
      expect(goneTimer.items).toHaveLength(0);
      expect(() => (speaker as GraphNode).createTimer(5, () => undefined).cancel()).not.toThrow();
    });
  });
}
