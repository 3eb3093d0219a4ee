import { formatSummary, verifyModelFile } from '@hearth/models';

/** `hearth models verify FILE`: checks header, tensor table and size without loading. */
export async function modelsVerifyCommand(
  file: string,
  options: { json?: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  const summary = await verifyModelFile(file);
  out.write(options.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
  return 0;
}
