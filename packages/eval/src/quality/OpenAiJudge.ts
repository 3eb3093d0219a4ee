import type { Utterance } from '../data/types.js';
import { JudgeError, type Judge } from './Judge.js';
import {
  judgePrompt,
  judgeSchema,
  judgeSystemPrompt,
  parseJudgeScores,
  type JudgeScores,
} from './judgeRubric.js';

export interface OpenAiJudgeOptions {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1 (llama-server, vLLM). */
  readonly baseUrl: string;
  readonly model: string;
  /** Read from the environment by the caller, never from a file in the project. */
  readonly apiKey?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/**
 * A judge behind an OpenAI-compatible chat completions endpoint, its answer constrained with
 * `response_format: json_schema` (supported by OpenAI, llama.cpp's server and vLLM) and checked
 * again here, since not every server enforces the schema.
 */
export class OpenAiJudge implements Judge {
  readonly name: string;

  constructor(private readonly options: OpenAiJudgeOptions) {
    this.name = `${options.model} at ${options.baseUrl}`;
  }

  async rate(context: readonly Utterance[], reply: string): Promise<JudgeScores> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.options.model,
          temperature: 0,
          messages: [
            { role: 'system', content: judgeSystemPrompt },
            { role: 'user', content: judgePrompt(context, reply) },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'rubric', strict: true, schema: judgeSchema },
          },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      throw new JudgeError(this.name, `the request to ${url} failed (${String(error)}).`);
    }
    if (!response.ok) {
      throw new JudgeError(
        this.name,
        `${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    }
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new JudgeError(this.name, 'the answer has no choices[0].message.content.');
    // An answer off the rubric is this reply's failure (the caller leaves it out), not the judge's.
    return parseJudgeScores(JSON.parse(content));
  }

  async dispose(): Promise<void> {
    // Nothing held: each rating is one HTTP request.
  }
}
