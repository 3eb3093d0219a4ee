/**
 * Fixed words the dialogue adds to a Generate goal's `instruction`. They are reviewed text, not
 * model output: the careful protocol after a moderate risk screen, and the once-a-session nudge
 * toward human contact in a long conversation.
 */

/** After a moderate risk screen: what the reply must do (issue 7's careful protocol). */
export const MODERATE_RISK_PROTOCOL =
  '(Careful protocol: the person may be at risk. Validate their feelings warmly and without ' +
  'judgement. Ask gently whether they are safe right now. Encourage them to reach out to someone ' +
  'they trust or to a professional. Give no advice on methods, medicines or diagnoses.)';

/**
 * In a long session, once: a gentle turn toward the people in the person's life. Its words live
 * in @hearth/llm, whose fallback responder recognises them and answers from its nudge bank.
 */
export { HUMAN_CONTACT_NUDGE } from '@hearth/llm/nudge';

/** The non-empty parts, one after another, as one instruction. */
export function joinInstructions(...parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}
