import { Writable } from 'node:stream';

/** A stream that keeps what a command printed, for the command functions that take `out`. */
export function captureOutput(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}
