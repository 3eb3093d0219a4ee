/**
 * Tells the page when audio_in hears with another voice activity detector than the one it was
 * asked for: when Silero VAD cannot load, audio_in falls back to the energy detector, which hears
 * speech less reliably in noise, and a roboticist must see that without reading the logs.
 *
 * audio_in's read-only `vad_detector` parameter names the detector running once it has loaded,
 * and its `vad` parameter the one asked for, both read through its parameter client (in this
 * process or another): at start and whenever `vad_detector` is set, so the notice shows before
 * anyone speaks. Each VoiceActivity names its detector too (`detector`), which covers an
 * audio_in without `vad_detector`.
 */
import type { Disposable, GraphNode } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import { Topics, VoiceActivityType, type VoiceActivity } from '@hearth/interfaces';
import type { ParameterPort } from '../tuning/ParameterPort.js';

/** audio_in's parameter naming the detector asked for (silero, energy or off). */
const VAD_PARAMETER = 'vad';

/** audio_in's read-only parameter naming the detector running ('' while it loads). */
const DETECTOR_PARAMETER = 'vad_detector';

export interface VadFallbackWatchOptions {
  /** A parameter client on audio_in (`node.createParameterClient('audio_in')`). */
  readonly audio: ParameterPort;
  /** Called with the notice (once per detector change) for the page's banner. */
  readonly onNotice: (notice: string | null) => void;
}

/** What the page says; `asked` and `used` are detector names (silero, energy). */
export function vadFallbackNotice(node: string, asked: string, used: string): string {
  return (
    `Voice activity runs on the ${used} detector, not ${asked} as ${node}'s \`${VAD_PARAMETER}\` ` +
    `parameter asks: ${asked} did not load (${node}'s log says why and how to fix it). The ` +
    `${used} detector hears speech less reliably in noise.`
  );
}

export class VadFallbackWatch {
  /** The detector last checked, so each change is asked about once. */
  private checked: string | null = null;
  private current: string | null = null;
  private disposed = false;
  private readonly hook: Disposable;

  constructor(
    node: GraphNode,
    private readonly options: VadFallbackWatchOptions,
  ) {
    node.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (activity) => void this.onActivity(activity),
      Qos.events,
    );
    this.hook = options.audio.onParametersChanged((changes) => {
      for (const change of changes)
        if (change.name === DETECTOR_PARAMETER && typeof change.value === 'string')
          void this.check(change.value);
    });
    void this.readAtStart();
  }

  /** The notice showing now, or null while the detector is the one asked for (or unknown). */
  get notice(): string | null {
    return this.current;
  }

  dispose(): void {
    this.disposed = true;
    this.hook.dispose();
  }

  /** The detector audio_in already runs, if it is up and has loaded one. */
  private async readAtStart(): Promise<void> {
    try {
      const used = (await this.options.audio.getParameters([DETECTOR_PARAMETER]))[
        DETECTOR_PARAMETER
      ];
      if (typeof used === 'string') await this.check(used);
    } catch {
      // audio_in is not up (yet): its `vad_detector` change or first voice activity tells.
    }
  }

  private async onActivity(activity: VoiceActivity): Promise<void> {
    await this.check(activity.detector);
  }

  private async check(used: string): Promise<void> {
    if (this.disposed || used === '' || used === this.checked) return;
    this.checked = used;
    let asked: unknown;
    try {
      asked = (await this.options.audio.getParameters([VAD_PARAMETER]))[VAD_PARAMETER];
    } catch {
      // audio_in's parameters cannot be read: ask again with its next message.
      this.checked = null;
      return;
    }
    if (this.disposed || used !== this.checked) return;
    const node = this.options.audio.remoteNodeName.replace(/^\//, '');
    const notice =
      typeof asked === 'string' && asked !== used && asked !== 'off'
        ? vadFallbackNotice(node, asked, used)
        : null;
    if (notice === this.current) return;
    this.current = notice;
    this.options.onNotice(notice);
  }
}
