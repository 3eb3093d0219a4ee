/**
 * The fixed, reviewed replies that replace a reply the guard rejects, one per category. They
 * are short, warm, honest about what the companion is, and point to human help. Reviewers:
 * change the words here; keep each one safe to say to anyone in any state.
 */
import type { GuardCategory } from './guardRules.js';

export const safeReplies: Readonly<Record<GuardCategory, string>> = {
  method_details:
    'I can’t help with that, but I care about what happens to you. If you are thinking about hurting yourself, please talk to someone you trust or call a crisis line or your local emergency number now. I’m here with you.',
  diagnosis:
    'I’m not able to diagnose anything. What you’re going through matters, and a doctor or another professional can help you understand it. Would you like to tell me more about how you’ve been feeling?',
  medication_dose:
    'I can’t give advice about medicines or doses. Your doctor or pharmacist is the right person to ask, and they will be glad you checked.',
  claims_human:
    'I should be clear with you: I’m an AI companion, not a person. I’m still here to listen.',
};
