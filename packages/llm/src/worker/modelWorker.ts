/**
 * The model worker: a child process that owns the GGUF model, so that a native crash, an
 * out-of-memory kill or a hang in llama.cpp takes down this process and not the robot's graph.
 * Started by WorkerEngine with node:child_process fork; speaks the protocol in protocol.ts.
 */
import { LlamaEngine } from '../engine/LlamaEngine.js';
import { serializeError, type FromWorker, type ToWorker } from './protocol.js';

let engine: LlamaEngine | undefined;
const running = new Map<number, AbortController>();

function send(message: FromWorker): void {
  process.send?.(message);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'load':
      try {
        engine = await LlamaEngine.load({
          ...message.options,
          log: (level, text) => send({ type: 'log', level, message: text }),
        });
        send({ type: 'loaded', threads: engine.threads, contextSize: engine.contextSize });
      } catch (error) {
        send({ type: 'loadFailed', error: serializeError(error) });
      }
      return;
    case 'generate': {
      const controller = new AbortController();
      running.set(message.id, controller);
      // Tokens generated after the cancel reached this process: node-llama-cpp checks the
      // signal before each token, so at most the one being decoded then.
      let lateTokens = 0;
      try {
        const result = await loaded().generate(message.request, {
          ...message.options,
          signal: controller.signal,
          // Nothing generated after a cancel is sent: the node would only drop it.
          onSentence: (sentence) => {
            if (!controller.signal.aborted) send({ type: 'sentence', id: message.id, sentence });
          },
          onTextChunk: message.chunks
            ? (text: string) => {
                if (!controller.signal.aborted) send({ type: 'chunk', id: message.id, text });
              }
            : undefined,
          onTokens: (count) => {
            if (controller.signal.aborted) lateTokens += count;
          },
        });
        send({
          type: 'done',
          id: message.id,
          result,
          ...(controller.signal.aborted ? { lateTokens } : {}),
        });
      } catch (error) {
        send({ type: 'failed', id: message.id, error: serializeError(error) });
      } finally {
        running.delete(message.id);
      }
      return;
    }
    case 'cancel':
      running.get(message.id)?.abort();
      return;
    case 'endSession':
      await reply(message.id, () => loaded().endSession(message.sessionId));
      return;
    case 'setLoraScale':
      await reply(message.id, () => loaded().setLoraScale(message.scale));
      return;
    case 'dispose':
      await shutdown(0);
  }
}

async function reply(id: number, task: () => Promise<void>): Promise<void> {
  try {
    await task();
    send({ type: 'done', id });
  } catch (error) {
    send({ type: 'failed', id, error: serializeError(error) });
  }
}

function loaded(): LlamaEngine {
  if (!engine) throw new Error('The model worker got a request before its model was loaded.');
  return engine;
}

async function shutdown(code: number): Promise<never> {
  for (const controller of running.values()) controller.abort();
  await engine?.dispose().catch(() => undefined);
  process.exit(code);
}

process.on('message', (message: ToWorker) => {
  void handle(message);
});
// The node went away without saying so: nothing is left to answer, so end too.
process.on('disconnect', () => {
  void shutdown(0);
});
// Ctrl-C reaches the whole terminal process group; the node ends this worker itself (dispose)
// as it shuts down, so the worker must not die first and be taken for a crash.
process.on('SIGINT', () => undefined);
