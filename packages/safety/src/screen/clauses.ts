/**
 * Splits a normalized message into clauses, so that a negation, a past-time phrase or a story
 * frame in one clause does not reach a risk statement in the next: "i used to be happy, now i
 * want to die" is two clauses; "i used to cut myself, years ago" is one.
 */
const clauseBreak =
  /[.!?;\n]+|\s*(?:,\s*)?\b(?:but|however|although|though|except|yet)\b\s*|(?:,|\band\b|\bbut\b)\s+(?=now\b)/g;

export function splitClauses(text: string): string[] {
  return text
    .split(clauseBreak)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
