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
  ParameterNodeUnavailableError,
  ParameterNotDeclaredError,
  ParametersFileError,
  Qos,
  ServiceUnavailableError,
  parseParametersFile,
  type GraphNode,
  type GraphTransport,
  type ParameterChange,
  type RemoteParameterChange,
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

    describe('parameter client (another node, as `ros2 param` reaches it)', () => {
      const declareTts = (node: GraphNode): void => {
        node.declareParameter('rate', 175, {
          description: 'Words per minute.',
          range: { min: 80, max: 400 },
        });
        node.declareParameter('pitch', 0.5, { range: { min: 0, max: 1 } });
        node.declareParameter('voice', 'en', { choices: ['en', 'de'] });
        node.declareParameter('engine', 'espeak', { readOnly: true });
        node.declareParameter('voices', ['en', 'de']);
      };

      it('lists, gets and describes the remote node parameters', async () => {
        const graph = await open();
        declareTts(graph.createNode('tts_remote'));
        const client = graph.createNode('tuner').createParameterClient('tts_remote');
        expect(client.remoteNodeName).toBe('/tts_remote');
        expect((await client.listParameters()).sort()).toEqual(
          ['engine', 'pitch', 'rate', 'voice', 'voices'].sort(),
        );
        expect(await client.getParameters()).toEqual({
          rate: 175,
          pitch: 0.5,
          voice: 'en',
          engine: 'espeak',
          voices: ['en', 'de'],
        });
        expect(await client.getParameters(['rate', 'nope'])).toEqual({ rate: 175 });
        const described = await client.describeParameters(['rate', 'pitch', 'voice', 'engine']);
        expect(described).toEqual([
          {
            name: 'rate',
            kind: 'integer',
            description: 'Words per minute.',
            readOnly: false,
            range: { min: 80, max: 400 },
            additionalConstraints: '',
          },
          {
            name: 'pitch',
            kind: 'double',
            description: '',
            readOnly: false,
            range: { min: 0, max: 1 },
            additionalConstraints: '',
          },
          {
            name: 'voice',
            kind: 'string',
            description: '',
            readOnly: false,
            additionalConstraints: 'one of "en", "de"',
          },
          {
            name: 'engine',
            kind: 'string',
            description: '',
            readOnly: true,
            additionalConstraints: '',
          },
        ]);
        expect((await client.describeParameters()).map((d) => d.name).sort()).toEqual(
          ['engine', 'pitch', 'rate', 'voice', 'voices'].sort(),
        );
      });

      it("sets values through the remote node's own checks and validators, with its reasons", async () => {
        const graph = await open();
        const tts = graph.createNode('tts_remote', { namespace: 'robot' });
        declareTts(tts);
        const applied = new Collector<readonly ParameterChange[]>();
        tts.onParametersChanged(applied.push);
        tts.addParameterValidator((list) =>
          list.some((c) => c.name === 'voice' && c.value === 'de')
            ? { successful: false, reason: 'German voice not installed' }
            : undefined,
        );
        const tuner = graph.createNode('tuner', { namespace: 'robot' });
        const client = tuner.createParameterClient('tts_remote');
        expect(client.remoteNodeName).toBe('/robot/tts_remote');

        const outOfRange = await client.setParameters({ rate: 1000, pitch: 0.7 });
        expect(outOfRange).toEqual([
          {
            name: 'rate',
            successful: false,
            reason: 'parameter rate: expected a whole number between 80 and 400, got 1000',
          },
          {
            name: 'pitch',
            successful: false,
            reason: 'parameter rate: expected a whole number between 80 and 400, got 1000',
          },
        ]);
        expect((await client.setParameters({ voice: 'fr' }))[0]?.reason).toBe(
          'parameter voice: expected one of "en", "de", got "fr"',
        );
        expect((await client.setParameters({ engine: 'azure' }))[0]?.reason).toBe(
          'parameter engine is read-only',
        );
        expect((await client.setParameters({ nope: 1 }))[0]?.reason).toBe(
          'parameter nope is not declared by node tts_remote',
        );
        expect((await client.setParameters({ voice: 'de' }))[0]).toEqual({
          name: 'voice',
          successful: false,
          reason: 'German voice not installed',
        });
        expect(tts.getParameters()).toMatchObject({ rate: 175, pitch: 0.5, voice: 'en' });
        expect(applied.items).toHaveLength(0);

        // A whole number for a double parameter is still a double (as `ros2 param set` needs 1.0).
        expect(await client.setParameters({ rate: 200, pitch: 1 })).toEqual([
          { name: 'rate', successful: true, reason: '' },
          { name: 'pitch', successful: true, reason: '' },
        ]);
        expect(tts.getParameter('rate')).toBe(200);
        expect(tts.getParameter('pitch')).toBe(1);
        await applied.atLeast(1);
        expect(applied.items[0]).toEqual([
          { name: 'rate', value: 200, previous: 175 },
          { name: 'pitch', value: 1, previous: 0.5 },
        ]);
        expect(await client.getParameters(['rate', 'pitch'])).toEqual({ rate: 200, pitch: 1 });
      });

      it("tells listeners about the remote node's changes, whoever made them", async () => {
        const graph = await open();
        const tts = graph.createNode('tts_remote');
        declareTts(tts);
        const other = graph.createNode('other');
        other.declareParameter('rate', 1);
        const client = graph.createNode('tuner').createParameterClient('/tts_remote');
        const heard = new Collector<readonly RemoteParameterChange[]>();
        const hook = client.onParametersChanged(heard.push);
        // The subscription to the events must be up before the first change (as on ROS 2).
        await client.waitForNode(2000);
        await new Promise((resolve) => setTimeout(resolve, 50));

        other.setParameters({ rate: 2 });
        tts.setParameters({ rate: 300 });
        await heard.atLeast(1);
        expect(heard.items[0]).toEqual([{ name: 'rate', value: 300 }]);
        const otherClient = graph.createNode('tuner2').createParameterClient('tts_remote');
        await otherClient.setParameters({ voices: ['de'] });
        await heard.atLeast(2);
        expect(heard.items[1]).toEqual([{ name: 'voices', value: ['de'] }]);

        hook.dispose();
        tts.setParameters({ rate: 250 });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(heard.items).toHaveLength(2);
      });

      it('waits for a node that starts late, and names a missing one', async () => {
        const graph = await open();
        const tuner = graph.createNode('tuner');
        const missing = tuner.createParameterClient('nobody', { timeoutMs: 100 });
        expect(await missing.waitForNode(50)).toBe(false);
        await expect(missing.getParameters()).rejects.toThrow(ParameterNodeUnavailableError);
        await expect(missing.setParameters({ rate: 1 })).rejects.toThrow(
          'Node /nobody is not running: no answer to parameter requests within 100 ms.',
        );

        const late = tuner.createParameterClient('late_node');
        const answer = late.getParameters(['rate'], 2000);
        await new Promise((resolve) => setTimeout(resolve, 20));
        graph.createNode('late_node').declareParameter('rate', 175);
        expect(await answer).toEqual({ rate: 175 });
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
