/** What the SSML of one utterance says besides its text. */
export interface AzureSsmlOptions {
  /** An Azure neural voice, e.g. `en-US-AriaNeural`. */
  readonly voice: string;
  /** mstts:express-as style, e.g. `empathetic`, `gentle`; '' speaks the voice's neutral style. */
  readonly style: string;
  /** 0.01 to 2: how strongly the style shows (1 is the voice's default). */
  readonly styleDegree: number;
  /** Words per minute; 150 (the tts default) is the voice's own rate. */
  readonly rate: number;
  /** 0 to 99; 50 is the voice's own pitch. */
  readonly pitch: number;
}

/** The rate the `rate` parameter's default stands for: the voice speaking at its own pace. */
export const AZURE_REFERENCE_RATE_WPM = 150;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function signedPercent(value: number): string {
  const rounded = Math.round(value);
  return `${rounded >= 0 ? '+' : ''}${rounded}%`;
}

/** The voice's locale (`en-US` from `en-US-AriaNeural`), for xml:lang. */
function voiceLocale(voice: string): string {
  const match = /^([a-z]{2,3}-[A-Za-z]{2,4})(?:-|$)/u.exec(voice);
  return match?.[1] ?? 'en-US';
}

/**
 * SSML for one utterance: the voice, its speaking style (mstts:express-as) and prosody. The
 * rate is relative to AZURE_REFERENCE_RATE_WPM, so one robot profile's `rate` means about the
 * same for espeak-ng and Azure; pitch 0-99 maps to -25% .. +25%. The text is XML-escaped, so
 * a reply can never inject markup.
 */
export function azureSsml(text: string, options: AzureSsmlOptions): string {
  const rate = signedPercent((options.rate / AZURE_REFERENCE_RATE_WPM - 1) * 100);
  const pitch = signedPercent((options.pitch - 50) / 2);
  let body = `<prosody rate="${rate}" pitch="${pitch}">${escapeXml(text)}</prosody>`;
  if (options.style) {
    body =
      `<mstts:express-as style="${escapeXml(options.style)}" ` +
      `styledegree="${options.styleDegree}">${body}</mstts:express-as>`;
  }
  return (
    '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" ' +
    `xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="${voiceLocale(options.voice)}">` +
    `<voice name="${escapeXml(options.voice)}">${body}</voice></speak>`
  );
}
