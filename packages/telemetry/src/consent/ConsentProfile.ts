/**
 * Consent per person, from the telemetry node's parameters (the robot's profile): the people the
 * robot knows, what each lets leave the robot, and who is with the robot now. Who is there comes
 * from ros4hri's tracked persons (`/humans/persons/tracked`, TrackedPeople), each id mapped to a
 * profile person (its id, or its `hri_id`). Privacy first: what applies is the MOST RESTRICTIVE
 * consent among everyone tracked, anyone unrecognised counting as `consent.default`. With nobody
 * tracked (or the source off), `consent.current_person` applies: a caregiver's manual choice
 * (`ros2 param set`, `hearth start --person`). A tracked list nobody renews within
 * `consent.tracked_persons_timeout_ms` expires (ros4hri publishes it continuously). Consent changes apply at once; the list of people
 * is read at start.
 *
 * ```yaml
 * telemetry:
 *   ros__parameters:
 *     consent:
 *       default: state_mood        # anyone not listed, and nobody identified
 *       current_person: margaret   # who is speaking now ('' = nobody identified)
 *       tracked_persons_timeout_ms: 5000  # no new tracked list this long: nobody tracked (0 = never)
 *     people:
 *       ids: [margaret]
 *       margaret:
 *         display_name: Margaret Okafor
 *         other_names: [Maggie]
 *         consent: transcripts     # nothing | state_mood | summaries | transcripts
 *         hri_id: person_7f3a      # optional: ros4hri's id for her, when not `margaret`
 * ```
 *
 * Who is there is kept with every queued message as its `person`: one id, or several joined with
 * `,` (`margaret,?`, where `?` is someone unrecognised), so a later consent drop narrows what
 * waits by the consent of everyone who was there.
 */
import { Topics } from '@hearth/interfaces';
import { systemTimers, type Disposable, type GraphNode, type Timers } from '@hearth/graph';
import { crisisEntries } from '@hearth/safety';
import { ConsentProfileError } from '../errors/ConsentProfileError.js';
import { Redactor } from '../redaction/Redactor.js';
import {
  CONSENT_LEVELS,
  DEFAULT_CONSENT,
  isConsentLevel,
  type ConsentLevel,
} from './ConsentLevel.js';
import { TrackedPeople } from './TrackedPeople.js';

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly otherNames: readonly string[];
  /** Undefined: the person follows `consent.default`. */
  readonly consent: ConsentLevel | undefined;
  /** ros4hri's id for the person; empty: their person id. */
  readonly hriId: string;
}

export const ConsentParameters = {
  default: 'consent.default',
  currentPerson: 'consent.current_person',
  useTrackedPersons: 'consent.use_tracked_persons',
  trackedPersonsTopic: 'consent.tracked_persons_topic',
  trackedPersonsTimeoutMs: 'consent.tracked_persons_timeout_ms',
  people: 'people.ids',
  displayName: (id: string) => `people.${id}.display_name`,
  otherNames: (id: string) => `people.${id}.other_names`,
  consent: (id: string) => `people.${id}.consent`,
  hriId: (id: string) => `people.${id}.hri_id`,
} as const;

/** In a message's `person`: someone tracked whom the profile does not know (consent.default). */
export const UNKNOWN_PERSON = '?';
/** Joins the people who were there in a message's `person`. */
const AUDIENCE_SEPARATOR = ',';

/** The crisis messages' helplines and emergency numbers: public, said by the robot, kept. */
const HELPLINE_NUMBERS = crisisEntries.flatMap((entry) => [
  ...(entry.helpline ? [entry.helpline.number] : []),
  ...(entry.emergencyNumber ? [entry.emergencyNumber] : []),
]);

const PERSON_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** `''` on a person: follow `consent.default`. */
const PERSON_CHOICES = [...CONSENT_LEVELS, ''];

export interface ConsentProfileOptions {
  /** Wins over `consent.default` from the parameters file (a run-time choice). */
  readonly defaultLevel?: ConsentLevel;
  /** Times out a tracked persons list nobody renewed; default: the system's. */
  readonly timers?: Timers;
}

/** ros4hri publishes the tracked persons continuously (about 1 Hz and up): 5 s is a silence. */
export const DEFAULT_TRACKED_PERSONS_TIMEOUT_MS = 5000;

export class ConsentProfile implements Disposable {
  private people = new Map<string, Person>();
  private defaultLevel: ConsentLevel;
  private current: string;
  private useTracked: boolean;
  private readonly tracked: TrackedPeople;
  private redactorCache: Redactor | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly disposables: Disposable[] = [];

  constructor(
    private readonly node: GraphNode,
    options: ConsentProfileOptions = {},
  ) {
    const declaredDefault = node.declareParameter(ConsentParameters.default, DEFAULT_CONSENT, {
      description:
        'What leaves the robot for a person not listed under people, or when nobody is identified: nothing, state_mood, summaries or transcripts.',
      choices: CONSENT_LEVELS,
    });
    if (options.defaultLevel !== undefined && options.defaultLevel !== declaredDefault)
      node.setParameters({ [ConsentParameters.default]: options.defaultLevel });
    this.defaultLevel = options.defaultLevel ?? asLevel(declaredDefault);
    this.current = node.declareParameter(ConsentParameters.currentPerson, '', {
      description:
        'Who is speaking now: a person id from people.ids, or empty when nobody is identified. Person recognition would set it.',
    });
    const ids = node.declareParameter<string[]>(ConsentParameters.people, [], {
      kind: 'string_array',
      description:
        'The people the robot knows (ids); each has display_name, other_names and consent. Read at start.',
    });
    this.checkIds(ids);
    for (const id of ids) this.people.set(id, this.declarePerson(id));
    this.useTracked = node.declareParameter(ConsentParameters.useTrackedPersons, true, {
      description:
        "Take who is with the robot from ros4hri's tracked persons (the most restrictive consent among them applies); false: consent.current_person only. Applies at once.",
    });
    const topic = node.declareParameter(
      ConsentParameters.trackedPersonsTopic,
      Topics.trackedPersons as string,
      {
        description: "ros4hri's tracked persons topic (hri_msgs/msg/IdsList). Read at start.",
      },
    );
    const timeoutMs = node.declareParameter(
      ConsentParameters.trackedPersonsTimeoutMs,
      DEFAULT_TRACKED_PERSONS_TIMEOUT_MS,
      {
        description:
          'A tracked persons list holds this long without a new one; then nobody counts as tracked (consent.current_person or consent.default applies). 0: never expires. Applies at once.',
        kind: 'integer',
        range: { min: 0, max: 3_600_000 },
      },
    );
    this.tracked = new TrackedPeople(node, topic, {
      timers: options.timers ?? systemTimers(),
      timeoutMs,
    });
    this.disposables.push(
      this.tracked,
      this.tracked.onChange(() => {
        if (this.useTracked) this.notify();
      }),
      node.addParameterValidator((changes) => {
        if (changes.some((c) => c.name === ConsentParameters.people))
          return {
            successful: false,
            reason: `${ConsentParameters.people} is read at start; restart the telemetry node to change who the robot knows`,
          };
        if (changes.some((c) => c.name === ConsentParameters.trackedPersonsTopic))
          return {
            successful: false,
            reason: `${ConsentParameters.trackedPersonsTopic} is read at start; restart the telemetry node to listen on another topic`,
          };
        return { successful: true };
      }),
      node.onParametersChanged((changes) => {
        let touched = false;
        for (const change of changes) touched = this.apply(change.name, change.value) || touched;
        if (touched) this.notify();
      }),
    );
  }

  /** The `consent.current_person` parameter: a caregiver's choice; empty when nobody is set. */
  get currentPerson(): string {
    return this.current;
  }

  /**
   * Who is with the robot now, as a message's `person`: the profile ids of everyone tracked
   * (`?` for anyone unrecognised), sorted and joined with `,`; with nobody tracked (or the
   * tracked source off), `consent.current_person`.
   */
  get audience(): string {
    const tracked = this.useTracked ? this.tracked.current : [];
    if (tracked.length === 0) return this.current;
    const ids = new Set(tracked.map((hriId) => this.personOf(hriId)?.id ?? UNKNOWN_PERSON));
    return [...ids].sort().join(AUDIENCE_SEPARATOR);
  }

  /** What leaves the robot now: the most restrictive consent of everyone in `audience`. */
  get currentLevel(): ConsentLevel {
    return this.levelFor(this.audience);
  }

  /**
   * What a person lets leave the robot (the default for anyone not listed, for '' and `?`); for
   * several people (`margaret,tom`), the most restrictive of their levels.
   */
  levelFor(personId: string | undefined): ConsentLevel {
    if (personId === undefined || personId === '') return this.defaultLevel;
    let level: ConsentLevel | undefined;
    for (const id of personId.split(AUDIENCE_SEPARATOR)) {
      const own = this.people.get(id)?.consent ?? this.defaultLevel;
      if (level === undefined || CONSENT_LEVELS.indexOf(own) < CONSENT_LEVELS.indexOf(level))
        level = own;
    }
    return level ?? this.defaultLevel;
  }

  get knownPeople(): readonly Person[] {
    return [...this.people.values()];
  }

  /** Redacts text with every known name (all people: anyone may be talked about). */
  get redactor(): Redactor {
    this.redactorCache ??= new Redactor({
      names: this.knownPeople.flatMap((p) => [p.displayName, ...p.otherNames]),
      publicNumbers: HELPLINE_NUMBERS,
    });
    return this.redactorCache;
  }

  /** Called after any consent, person or name change has been applied. */
  onChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.tracked.dispose();
    this.listeners.clear();
  }

  private declarePerson(id: string): Person {
    const displayName = this.node.declareParameter(ConsentParameters.displayName(id), '', {
      description: `How ${id} is named; redacted from anything textual that leaves the robot.`,
    });
    if (displayName.trim() === '')
      throw new ConsentProfileError(
        ConsentParameters.displayName(id),
        `person ${id} is listed in people.ids but has no display name`,
        `add \`display_name: Their Name\` under \`people.${id}:\``,
      );
    const otherNames = this.node.declareParameter<string[]>(ConsentParameters.otherNames(id), [], {
      kind: 'string_array',
      description: `Other names ${id} goes by (nicknames, family names); redacted too.`,
    });
    const consent = this.node.declareParameter(ConsentParameters.consent(id), '', {
      description: `What leaves the robot about ${id}: nothing, state_mood, summaries or transcripts (empty: consent.default).`,
      choices: PERSON_CHOICES,
    });
    const hriId = this.node.declareParameter(ConsentParameters.hriId(id), '', {
      description: `ros4hri's person id for ${id} on the tracked persons topic (empty: ${id}).`,
    });
    return {
      id,
      displayName,
      otherNames,
      consent: isConsentLevel(consent) ? consent : undefined,
      hriId,
    };
  }

  /** The profile person a ros4hri id stands for: by `hri_id`, else by person id. */
  private personOf(hriId: string): Person | undefined {
    const people = [...this.people.values()];
    return (
      people.find((p) => p.hriId === hriId) ?? people.find((p) => p.hriId === '' && p.id === hriId)
    );
  }

  private checkIds(ids: readonly string[]): void {
    const seen = new Set<string>();
    for (const id of ids) {
      if (!PERSON_ID.test(id) || id === 'ids')
        throw new ConsentProfileError(
          ConsentParameters.people,
          `"${id}" is not a usable person id`,
          'use lower-case letters, digits, "-" and "_" (not "ids"), e.g. `margaret`',
        );
      if (seen.has(id))
        throw new ConsentProfileError(
          ConsentParameters.people,
          `"${id}" is listed twice`,
          'list each person once',
        );
      seen.add(id);
    }
  }

  /** True when the change concerns consent. */
  private apply(name: string, value: unknown): boolean {
    if (name === ConsentParameters.default && isConsentLevel(value)) {
      this.defaultLevel = value;
      return true;
    }
    if (name === ConsentParameters.currentPerson && typeof value === 'string') {
      this.current = value;
      return true;
    }
    if (name === ConsentParameters.useTrackedPersons && typeof value === 'boolean') {
      this.useTracked = value;
      return true;
    }
    if (name === ConsentParameters.trackedPersonsTimeoutMs && typeof value === 'number') {
      // Who is tracked has not changed yet; an expiry later notifies through onChange.
      this.tracked.setTimeoutMs(value);
      return false;
    }
    const match = /^people\.([^.]+)\.(display_name|other_names|consent|hri_id)$/.exec(name);
    const person = match ? this.people.get(match[1]!) : undefined;
    if (!match || !person) return false;
    const field = match[2];
    let updated: Person = person;
    if (field === 'consent' && typeof value === 'string')
      updated = { ...person, consent: isConsentLevel(value) ? value : undefined };
    if (field === 'hri_id' && typeof value === 'string') updated = { ...person, hriId: value };
    if (field === 'display_name' && typeof value === 'string')
      updated = { ...person, displayName: value };
    if (field === 'other_names' && Array.isArray(value))
      updated = { ...person, otherNames: value.filter((v): v is string => typeof v === 'string') };
    this.people.set(person.id, updated);
    this.redactorCache = undefined;
    return true;
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.node.logger.error('consent change listener failed', {
          error: (error as Error).message,
        });
      }
    }
  }
}

function asLevel(value: string): ConsentLevel {
  return isConsentLevel(value) ? value : DEFAULT_CONSENT;
}
