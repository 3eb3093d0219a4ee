/**
 * Whom a risk statement is about: the words inside the match first ("kill herself"), then the
 * nearest subject before it in the clause ("my friend said she wants to die"); none found
 * means the speaker ("want to die").
 */
import { inMatchSubjects, otherSubjectPattern, selfSubjectPattern } from '../lexicon/people.js';

export interface Subject {
  readonly self: boolean;
  /** The words that decided it, for the reasons; undefined when nothing was found. */
  readonly word?: string;
  /** Where the subject ends in the text searched (for the negation scope). */
  readonly end: number;
}

export function subjectInMatch(matched: string): Subject | undefined {
  for (const { pattern, self } of inMatchSubjects) {
    const found = pattern.exec(matched);
    if (found) return { self, word: found[0], end: 0 };
  }
  return undefined;
}

/** The nearest subject in `prefix` (the clause before the match), or undefined. */
export function subjectBefore(prefix: string): Subject | undefined {
  const lastOf = (pattern: RegExp) => {
    let last: RegExpExecArray | undefined;
    for (const found of prefix.matchAll(pattern)) last = found as RegExpExecArray;
    return last;
  };
  const self = lastOf(selfSubjectPattern);
  const other = lastOf(otherSubjectPattern);
  const end = (found: RegExpExecArray) => found.index + found[0].length;
  if (self && (!other || end(self) >= end(other)))
    return { self: true, word: self[0], end: end(self) };
  if (other) return { self: false, word: other[0], end: end(other) };
  return undefined;
}
