/**
 * The once-a-session nudge toward human contact in a long conversation (issue 7's wellbeing
 * guardrail). One place for both readers: the dialogue puts `HUMAN_CONTACT_NUDGE` in the Generate
 * goal's instruction, a model follows it, and the fallback responder, which cannot follow an
 * instruction, recognises it (`asksForHumanContact`) and answers from `humanContactBank`.
 * Light on purpose: reached through the `@hearth/llm/nudge` export, it loads nothing else of this
 * package (no node-llama-cpp).
 */

/** In a long session, once: a gentle turn toward the people in the person's life. */
export const HUMAN_CONTACT_NUDGE =
  '(You have been talking for a while. In this reply, gently encourage the person to also ' +
  'spend time with or call someone they care about, without ending the conversation.)';

/** The Generate goal's instruction carries the nudge (alone or joined with other guidance). */
export function asksForHumanContact(instruction: string | undefined): boolean {
  return instruction?.includes(HUMAN_CONTACT_NUDGE) ?? false;
}

export interface NudgeReply {
  readonly text: string;
  readonly strategy: 'Providing Suggestions' | 'Affirmation and Reassurance';
}

/**
 * What the fallback says when the turn carries the nudge: warm, brief, it keeps the conversation
 * open and turns gently toward a person the robot is not. Written for Hearth, in the topical
 * bank's voice; no claim to be human, no advice beyond reaching out.
 */
export const humanContactBank: readonly NudgeReply[] = [
  {
    text: 'I’ve really enjoyed our talk. Is there someone you could call or see today? I’m sure they would love to hear from you, and I’m still here too.',
    strategy: 'Providing Suggestions',
  },
  {
    text: 'Thank you for spending this time with me. Talking with someone you care about can feel good too. Who might you ring later today?',
    strategy: 'Providing Suggestions',
  },
  {
    text: 'I like our chats. It might be lovely to share some of this with a friend or someone in your family as well. Is there someone you could reach out to?',
    strategy: 'Affirmation and Reassurance',
  },
];
