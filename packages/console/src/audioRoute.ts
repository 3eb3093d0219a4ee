/**
 * Serves the tts node's WAV files at `/audio/<file>.wav`, and nothing else from the audio
 * folder: names are checked (audioFiles.ts), and the real path (symlinks followed) must still
 * lie directly in the folder. Anything refused is a plain 404, so probing learns nothing.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AUDIO_ROUTE_PREFIX, isSafeAudioName } from './audioFiles.js';

export function registerAudioRoute(app: FastifyInstance, audioDir: string): void {
  app.get<{ Params: { file: string } }>(`${AUDIO_ROUTE_PREFIX}:file`, async (request, reply) => {
    const name = request.params.file;
    if (!isSafeAudioName(name)) return notFound(reply);
    const file = await servableFile(audioDir, name);
    if (file === null) return notFound(reply);
    return (
      reply
        .header('content-type', 'audio/wav')
        .header('content-length', file.size)
        // Utterance files can be rewritten (a group WAV grows sentence by sentence).
        .header('cache-control', 'no-cache')
        .send(createReadStream(file.path))
    );
  });
}

async function servableFile(
  audioDir: string,
  name: string,
): Promise<{ path: string; size: number } | null> {
  try {
    const folder = await realpath(audioDir);
    const path = await realpath(join(folder, name));
    if (dirname(path) !== folder) return null;
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'not_found', message: 'No such audio file.' });
}
