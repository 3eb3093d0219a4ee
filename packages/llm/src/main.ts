#!/usr/bin/env node
/**
 * Runs the llm node alone: `node dist/main.js [--model FILE] [--params-file robot.yaml]`.
 * On a robot with ROS 2 sourced it joins the ROS graph; elsewhere it runs on the in-process
 * transport (useful only to check that a model loads). Ctrl-C stops it cleanly.
 */
import { runNodeMain } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { LlmNode } from './LlmNode.js';

/** Takes `--model FILE` out of argv: a shortcut for the model_path parameter. */
function takeModelArg(argv: readonly string[]): { argv: string[]; modelPath: string | undefined } {
  const rest: string[] = [];
  let modelPath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--model' && i + 1 < argv.length) modelPath = argv[++i];
    else if (arg.startsWith('--model=')) modelPath = arg.slice('--model='.length);
    else rest.push(arg);
  }
  return { argv: rest, modelPath };
}

try {
  const { argv, modelPath } = takeModelArg(process.argv.slice(2));
  await runNodeMain({
    name: NodeNames.llm,
    argv,
    nodeOptions: modelPath === undefined ? {} : { parameterOverrides: { model_path: modelPath } },
    create: (node) => LlmNode.create(node),
  });
} catch (error) {
  // One clear line naming the problem and the fix; never a bare stack trace.
  process.stderr.write(`llm: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
