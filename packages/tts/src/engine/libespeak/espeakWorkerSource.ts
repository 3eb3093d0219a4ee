/**
 * The libespeak-ng worker's code, run with `new Worker(source, { eval: true })`: plain CommonJS
 * in a string so that it runs as it is from the TypeScript sources (tests) and from dist alike.
 *
 * It loads libespeak-ng through koffi (`workerData.koffiPath`, resolved by the main thread,
 * which knows where this package's dependencies are), initializes it once in synchronous mode
 * with phoneme events in IPA, and then synthesizes one request at a time. espeak_Synth blocks
 * until the whole text is spoken, which is why it lives in a worker and not on the graph's
 * event loop. The synth callback collects the audio and the events, and returns 1 (abort) as
 * soon as the main thread writes the running request's id into the shared `abort` cell.
 *
 * The C API (speak_lib.h, espeak-ng 1.51+):
 *   int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options)
 *     returns the sample rate, or -1; AUDIO_OUTPUT_SYNCHRONOUS = 2; options
 *     espeakINITIALIZE_PHONEME_EVENTS 0x1 | espeakINITIALIZE_PHONEME_IPA 0x2 |
 *     espeakINITIALIZE_DONT_EXIT 0x8000 (else a missing data folder calls exit()).
 *   espeak_EVENT { int type; unsigned unique_identifier; int text_position (1-based, in
 *     characters); int length; int audio_position (ms); int sample; void *user_data;
 *     union { int number; const char *name; char string[8]; } id; } : 40 bytes on x86-64 and
 *     arm64 (the pointer and the union are 8-aligned at 24 and 32); koffi lays it out per ABI.
 *   Event types: 0 list terminator, 1 word, 2 sentence, 3 mark, 4 play, 5 end,
 *     6 msg terminated, 7 phoneme (id.string: its IPA, up to 8 bytes, not always 0-terminated),
 *     8 sample rate.
 *   espeak_SetParameter: espeakRATE 1, espeakPITCH 3 (absolute when relative = 0).
 *   espeak_Synth flags: espeakCHARS_UTF8 1 | espeakENDPAUSE 0x1000 (as the espeak-ng command
 *     line, so the audio ends with the same pause); position type POS_CHARACTER 1.
 *   espeak_ERROR: 0 EE_OK, -1 EE_INTERNAL_ERROR, 1 EE_BUFFER_FULL, 2 EE_NOT_FOUND.
 */
export const espeakWorkerSource = `
(function main() {
const { parentPort, workerData } = require('node:worker_threads');
const abort = new Int32Array(workerData.abort);
let koffi;
let lib;
try {
  koffi = require(workerData.koffiPath);
  lib = koffi.load(workerData.libraryPath);
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String((error && error.message) || error) });
  return;
}
const EventId = koffi.union('hearth_espeak_EVENT_id', {
  number: 'int',
  name: 'const char *',
  string: koffi.array('uint8_t', 8),
});
const EspeakEvent = koffi.struct('hearth_espeak_EVENT', {
  type: 'int',
  unique_identifier: 'uint',
  text_position: 'int',
  length: 'int',
  audio_position: 'int',
  sample: 'int',
  user_data: 'void *',
  id: EventId,
});
const EspeakVoice = koffi.struct('hearth_espeak_VOICE', {
  name: 'const char *',
  languages: 'const char *',
  identifier: 'const char *',
  gender: 'uint8_t',
  age: 'uint8_t',
  variant: 'uint8_t',
  xx1: 'uint8_t',
  score: 'int',
  spare: 'void *',
});
const EVENT_SIZE = koffi.sizeof(EspeakEvent);
const SynthCallback = koffi.proto(
  'int hearth_espeak_SynthCallback(int16_t *wav, int numsamples, hearth_espeak_EVENT *events)',
);
const initialize = lib.func('int espeak_Initialize(int output, int buflength, const char *path, int options)');
const setSynthCallback = lib.func('void espeak_SetSynthCallback(hearth_espeak_SynthCallback *callback)');
const setVoiceByName = lib.func('int espeak_SetVoiceByName(const char *name)');
const setVoiceByProperties = lib.func('int espeak_SetVoiceByProperties(hearth_espeak_VOICE *voice)');
const setParameter = lib.func('int espeak_SetParameter(int parameter, int value, int relative)');
const synth = lib.func(
  'int espeak_Synth(const char *text, size_t size, uint position, int position_type, uint end_position, uint flags, void *unique_identifier, void *user_data)',
);
const sampleRate = initialize(2, 100, null, 0x1 | 0x2 | 0x8000);
if (sampleRate <= 0) {
  parentPort.postMessage({ type: 'failed', message: 'espeak_Initialize returned ' + sampleRate + ' (is espeak-ng-data installed?)' });
  return;
}
let current = 0;
let chunks = [];
let events = [];
function phonemeName(bytes) {
  const end = bytes.indexOf(0);
  return Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)).toString('utf8');
}
const callback = koffi.register((wav, count, list) => {
  if (count > 0 && wav) chunks.push(new Int16Array(koffi.decode(wav, 'int16_t', count)));
  for (let i = 0; list; i++) {
    const event = koffi.decode(list, i * EVENT_SIZE, EspeakEvent);
    if (event.type === 0) break;
    if (event.type === 1 || event.type === 7) {
      events.push({
        type: event.type,
        textPosition: event.text_position,
        length: event.length,
        audioMs: event.audio_position,
        name: event.type === 7 ? phonemeName(event.id.string) : '',
      });
    }
  }
  return Atomics.load(abort, 0) === current ? 1 : 0;
}, koffi.pointer(SynthCallback));
setSynthCallback(callback);
function setVoice(voice) {
  if (setVoiceByName(voice) === 0) return true;
  // As the espeak-ng command line does: a name that is no voice file may be a language.
  return setVoiceByProperties({ name: null, languages: voice, identifier: null, gender: 0, age: 0, variant: 0, xx1: 0, score: 0, spare: null }) === 0;
}
parentPort.on('message', (request) => {
  current = request.id;
  chunks = [];
  events = [];
  try {
    if (!setVoice(request.voice)) {
      parentPort.postMessage({ type: 'voice', id: request.id });
      return;
    }
    setParameter(1, request.rate, 0);
    setParameter(3, request.pitch, 0);
    const text = Buffer.from(request.text + '\\0', 'utf8');
    const status = synth(text, text.length, 0, 1, 0, 0x1 | 0x1000, null, null);
    if (status !== 0) {
      parentPort.postMessage({ type: 'error', id: request.id, message: 'espeak_Synth returned ' + status });
      return;
    }
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const samples = new Int16Array(total);
    let at = 0;
    for (const chunk of chunks) {
      samples.set(chunk, at);
      at += chunk.length;
    }
    const cancelled = Atomics.load(abort, 0) === request.id;
    parentPort.postMessage({ type: 'result', id: request.id, cancelled, sampleRate, samples, events }, [samples.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: 'error', id: request.id, message: String((error && error.message) || error) });
  } finally {
    chunks = [];
    events = [];
  }
});
parentPort.postMessage({ type: 'ready', sampleRate });
})();
`;
