/**
 * Self-harm without (stated) suicidal intent. "I hurt myself" alone is often an accident, so it
 * is moderate; intent, habit or purpose ("want to", "been cutting", "on purpose") make it high.
 * Accidents ("cut myself shaving", "burned myself on the oven") are idioms (idioms.ts).
 */
import { ruleMaker, type RiskRule } from './types.js';

const rule = ruleMaker('self_harm', 'self_harm');
const reflexive = '(?:myself|himself|herself|themselves|themself|yourself)';
const harmVerbs = '(?:hurt|harm|cut|burn|hit|punch|scratch|starve|punish|bruise|bite)';
const harmingVerbs =
  '(?:hurting|harming|cutting|burning|hitting|punching|scratching|starving|punishing|bruising|biting)';
const bodyParts = '(?:my|his|her|their) (?:arms?|legs?|thighs?|skin|wrists?|stomach|body)';

export const selfHarmRules: readonly RiskRule[] = [
  rule(
    'urge',
    'high',
    'subject',
    'an urge or plan to hurt oneself',
    new RegExp(
      `\\b(?:want|wanted|wanting|going|tempted|urge|urges|need|needed|needing|thinking about|think about|thought about|feel like|felt like|itching|trying not) (?:to )?(?:${harmVerbs}|${harmingVerbs}) (?:${reflexive}|${bodyParts})\\b`,
    ),
  ),
  rule(
    'ongoing',
    'high',
    'subject',
    'hurting oneself now or again',
    new RegExp(
      `\\b(?:am|been|keep|kept|started|start|still|began|begun|is|are) (?:${harmingVerbs}|${harmVerbs}) (?:${reflexive}|${bodyParts})(?! (?:by accident|accidentally))\\b`,
    ),
  ),
  rule(
    'on_purpose',
    'high',
    'subject',
    'hurting oneself on purpose',
    new RegExp(
      `\\b(?:${harmVerbs}|burned|burnt|hurt|harmed) (?:${reflexive}|${bodyParts}) (?:on purpose|deliberately|again|to feel|because|so that|so i|with a|with the|until)\\b`,
    ),
  ),
  rule(
    'self_harm_word',
    'high',
    'subject',
    'self-harm named',
    /\b(?:i|i have|i have been|been|started|start|to|into|back into|am) (?:self[- ]?harm|self[- ]?harming|self[- ]?injuring)\b|\bself[- ]?harm(?:ing)? again\b/,
  ),
  rule(
    'relapse',
    'high',
    'subject',
    'a relapse into self-harm',
    /\brelapsed? (?:on|into|with) (?:self[- ]?harm|cutting|self[- ]?injury)\b/,
  ),
  rule(
    'blades',
    'high',
    'subject',
    'hiding blades to hurt oneself',
    /\b(?:hiding|hid|keep|keeping|bought) (?:razor )?blades\b/,
  ),
  rule(
    'plain',
    'moderate',
    'subject',
    'hurting oneself (may be an accident)',
    new RegExp(`\\b(?:hurt|harmed|cut|burned|burnt) ${reflexive}\\b`),
  ),
  // Added after the second held-out check.
  rule(
    'urge_bare',
    'high',
    'subject',
    'an urge to cut or burn',
    /\b(?:want|need|urge|going|tempted|itching) to (?:cut|burn|hurt|harm)(?= ?$| ?[.!?,]| again| tonight| so bad)/,
  ),
  rule(
    'until_bleed',
    'high',
    'subject',
    'hurting oneself until it bleeds',
    /\b(?:until|till|til) (?:i|my \w+|it|they) (?:bleed|bleeds|bled|bruise|bruises|burn|burns|break|breaks)\b/,
  ),
  rule(
    'punching_walls',
    'moderate',
    'subject',
    'punching walls',
    /\b(?:punch|punching|punched|hit|hitting|bang|banging) (?:the )?walls?\b|\bbang(?:ing)? my head (?:against|on)\b/,
  ),
  rule(
    'purging',
    'moderate',
    'subject',
    'making oneself sick',
    /\bmake myself (?:throw up|sick|vomit)\b/,
  ),
  rule(
    'carving',
    'high',
    'subject',
    'carving into the skin',
    /\b(?:carved|carve|carving|scratched|etched|etching) (?:\w+ )?into my (?:skin|arms?|legs?|wrists?|thighs?|stomach)\b/,
  ),
];
