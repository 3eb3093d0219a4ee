/**
 * Harm to others: intent, thoughts and fear of losing control. Hyperbole ("i could kill him",
 * "i will kill her if she is late again") is in idioms.ts. The subject is the speaker unless
 * the sentence says another person means to do it (then it is lowered like any third party).
 */
import { relationPhrase } from './people.js';
import { ruleMaker, type RiskRule } from './types.js';

const rule = ruleMaker('harm_to_others', 'harm_to_others');
const victims = `(?:him|her|them|someone|somebody|anyone|people|everyone|everybody|${relationPhrase})`;
const harm = '(?:kill|murder|hurt|stab|shoot|strangle|poison|attack|beat up|harm|smother|run over)';
const harming =
  '(?:killing|murdering|hurting|stabbing|shooting|strangling|poisoning|attacking|beating up|harming|smothering)';

export const harmToOthersRules: readonly RiskRule[] = [
  rule(
    'intent',
    'high',
    'subject',
    'intent to kill or hurt someone',
    new RegExp(
      `\\b(?:want|wanted|wanting|going|gonna|plan|planning|intend|intending|about|ready|tempted|decided|will|need) (?:to )?${harm} ${victims}\\b`,
    ),
  ),
  rule(
    'thoughts',
    'high',
    'subject',
    'thoughts of killing or hurting someone',
    new RegExp(
      `\\b(?:thoughts|thinking|thought|think|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|obsessed) (?:of|about) ${harming} ${victims}\\b`,
    ),
  ),
  rule(
    'lose_control',
    'high',
    'subject',
    'fear of hurting someone',
    new RegExp(
      `\\b(?:afraid|scared|worried|terrified|frightened) (?:that )?i (?:will|might|could|am going to|would) ${harm} ${victims}\\b`,
    ),
  ),
  rule(
    'hurt_baby',
    'high',
    'subject',
    'urge to hurt a baby or child',
    /\b(?:shake|shaking|hurt|hurting|hit|hitting|smother|smothering) (?:the|my|our|her|his) (?:baby|newborn|infant|toddler)\b/,
  ),
  rule(
    'weapon_for',
    'high',
    'subject',
    'getting a weapon for someone',
    new RegExp(
      `\\b(?:bought|got|have|brought|found|sharpened|loaded) (?:a|the|my) (?:gun|knife|weapon|rifle|shotgun|machete|axe) (?:for|to use on|to deal with|to get|to scare) ${victims}\\b`,
    ),
  ),
  rule(
    'urge_hit',
    'moderate',
    'subject',
    'an urge to hit someone',
    new RegExp(
      `\\b(?:feel like|felt like|want to|wanted to|urge to|going to|tempted to) (?:hit|hitting|slap|slapping|punch|punching|shove|kick) ${victims}\\b`,
    ),
  ),
  rule(
    'violent_phrase',
    'moderate',
    'subject',
    'a violent urge towards someone',
    /\b(?:smash|bash|kick|punch|knock) (?:his|her|their|your) (?:face|head|teeth) in\b|\bbeat (?:him|her|them) (?:up|to a pulp|senseless|black and blue)\b/,
  ),
  // Added after the second held-out check.
  rule(
    'use_it_on',
    'high',
    'subject',
    'using a weapon on someone',
    /\buse (?:it|the gun|the knife|a gun|a knife) on (?:him|her|them|someone|my \w+)\b/,
  ),
  rule(
    'fantasy_kill',
    'high',
    'subject',
    'an urge to kill or strangle someone',
    new RegExp(
      `\\b(?:feel like|felt like|feel like i could|urge to|urges to) (?:kill|killing|strangle|strangling|stab|stabbing|smother|smothering|shoot|shooting|drown|drowning) ${victims}`,
    ),
  ),
  rule(
    'make_pay',
    'moderate',
    'subject',
    'wanting revenge on someone',
    /\bmake (?:him|her|them) pay\b|\bget (?:my )?revenge on\b/,
  ),
  rule(
    'run_over',
    'high',
    'subject',
    'running someone over',
    /\b(?:want|wanted|going|gonna|plan|planning|tempted|thinking about|thought about) (?:to )?(?:run|running|knock|knocking) (?:him|her|them|someone|my \w+) (?:over|down)\b/,
  ),
];
