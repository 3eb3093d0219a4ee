// The persona system prompt comes from the robot profile: each robot-config/*/params.yaml sets
// the llm node's persona_prompt, and the words of that profile's persona are what the model is
// fed (the session's KV cache on the real tiny model holds them).
import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInProcessTransport, loadParametersFile } from '@hearth/graph';
import { Actions, GenerateAction, NodeNames } from '@hearth/interfaces';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { LlmNode } from '../src/LlmNode.js';
import { defaultPersonaPrompt } from '../src/persona.js';
import type { ReplyEngine } from '../src/types.js';
import { useSharedEngine } from './support/sharedEngine.js';

const profilesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../robot-config');
const profiles = readdirSync(profilesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The profile's persona_prompt, as the params file gives it to the node. */
function personaOf(profile: string): string {
  const file = loadParametersFile(join(profilesDir, profile, 'params.yaml'));
  const value = file.overridesFor(`/${NodeNames.llm}`).persona_prompt;
  if (typeof value !== 'string') {
    throw new Error(`${profile}/params.yaml sets no llm persona_prompt; add one.`);
  }
  return value;
}

/** The shared engine, lent to each node: a node disposing it must not free the model. */
function lent(engine: LlamaEngine): ReplyEngine {
  return {
    kind: engine.kind,
    generate: (request, options) => engine.generate(request, options),
    endSession: (sessionId) => engine.endSession(sessionId),
    dispose: async () => undefined,
  };
}

describe('the persona from the robot profile', () => {
  const shared = useSharedEngine(512);

  it('is set, short and its own in every profile', () => {
    expect(profiles).toEqual(expect.arrayContaining(['default', 'pepper', 'qtrobot']));
    const personas = profiles.map(personaOf);
    for (const persona of personas) {
      expect(persona.length).toBeGreaterThan(40);
      // Every word of it is evaluated before a session's first reply.
      expect(persona.split(/\s+/).length).toBeLessThan(90);
    }
    expect(new Set(personas).size).toBe(personas.length);
  });

  it.each(profiles)('%s: the persona is what the model is fed', async (profile) => {
    const persona = personaOf(profile);
    const transport = createInProcessTransport({
      parameters: loadParametersFile(join(profilesDir, profile, 'params.yaml')),
    });
    const node = transport.createNode(NodeNames.llm, {
      parameterOverrides: { max_tokens: 2, seed: 1, first_sentence_deadline_ms: 0 },
    });
    const llm = new LlmNode(node, lent(shared.engine));
    try {
      const client = transport
        .createNode('test_dialogue')
        .createActionClient(GenerateAction, Actions.generate);
      const handle = await client.sendGoal(
        GenerateAction.goal.create({ session_id: profile, user_text: 'Hello there' }),
      );
      const { result } = await handle.result;
      expect(result.fallback).toBe(false);
      const fed = shared.engine.sessionCachedText(profile).replace(/\s+/g, ' ');
      expect(fed).toContain(persona);
      expect(fed).not.toContain(defaultPersonaPrompt);
    } finally {
      await llm.dispose();
      await transport.shutdown();
    }
  });
});
