/**
 * Consent per person, from the telemetry node's parameters (the robot's profile): the people the
 * robot knows, what each lets leave the robot, and who is speaking now. Until person recognition
 * exists, `consent.current_person` says who is speaking (a recognizer, or a caregiver with
 * `ros2 param set`, would set it). Consent changes apply at once; the list of people is read at
 * start.
 *
 * ```yaml
 * telemetry:
 *   ros__parameters:
 *     consent:
 *       default: state_mood        # anyone not listed, and nobody identified
 *       current_person: margaret   # who is speaking now ('' = nobody identified)
 *     people:
 *       ids: [margaret]
 *       margaret:
 *         display_name: Margaret Okafor
 *         other_names: [Maggie]
 *         consent: transcripts     # nothing | state_mood | summaries | transcripts
 * ```
 */
import type { Disposable, GraphNode } from '@hearth/graph';
import { crisisEntries } from '@hearth/safety';
import { ConsentProfileError } from '../errors/ConsentProfileError.js';
import { Redactor } from '../redaction/Redactor.js';
import {
  CONSENT_LEVELS,
  DEFAULT_CONSENT,
  isConsentLevel,
  type ConsentLevel,
} from './ConsentLevel.js';

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly otherNames: readonly string[];
  /** Undefined: the person follows `consent.default`. */
  readonly consent: ConsentLevel | undefined;
}

export const ConsentParameters = {
  default: 'consent.default',
  currentPerson: 'consent.current_person',
  people: 'people.ids',
  displayName: (id: string) => `people.${id}.display_name`,
  otherNames: (id: string) => `people.${id}.other_names`,
  consent: (id: string) => `people.${id}.consent`,
} as const;

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
}

export class ConsentProfile implements Disposable {
  private people = new Map<string, Person>();
  private defaultLevel: ConsentLevel;
  private current: string;
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
    this.disposables.push(
      node.addParameterValidator((changes) => {
        const fixed = changes.find((c) => c.name === ConsentParameters.people);
        return fixed
          ? {
              successful: false,
              reason: `${ConsentParameters.people} is read at start; restart the telemetry node to change who the robot knows`,
            }
          : { successful: true };
      }),
      node.onParametersChanged((changes) => {
        let touched = false;
        for (const change of changes) touched = this.apply(change.name, change.value) || touched;
        if (touched) this.notify();
      }),
    );
  }

  /** Who is speaking now; empty when nobody is identified. */
  get currentPerson(): string {
    return this.current;
  }

  /** What a person lets leave the robot (the default for anyone not listed, and for ''). */
  levelFor(personId: string | undefined): ConsentLevel {
    const person = personId === undefined ? undefined : this.people.get(personId);
    return person?.consent ?? this.defaultLevel;
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
    return { id, displayName, otherNames, consent: isConsentLevel(consent) ? consent : undefined };
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
    const match = /^people\.([^.]+)\.(display_name|other_names|consent)$/.exec(name);
    const person = match ? this.people.get(match[1]!) : undefined;
    if (!match || !person) return false;
    const field = match[2];
    let updated: Person = person;
    if (field === 'consent' && typeof value === 'string')
      updated = { ...person, consent: isConsentLevel(value) ? value : undefined };
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
