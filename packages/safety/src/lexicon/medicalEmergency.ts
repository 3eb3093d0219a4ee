/**
 * Medical emergencies, the speaker's or someone's with them (`about: 'anyone'`: "my husband is
 * not breathing" is as urgent as "i can not breathe"). Past ("i had a heart attack in 2015"),
 * negation and questions ("what should i do if...") are handled by the screener. These rules
 * lead to "call emergency services", not to a mental-health helpline.
 */
import { ruleMaker, type RiskRule } from './types.js';

const rule = ruleMaker('medical_emergency', 'medical');
const someone = '(?:my|his|her|their)';

export const medicalEmergencyRules: readonly RiskRule[] = [
  rule(
    'heart_attack',
    'imminent',
    'anyone',
    'a heart attack',
    /\b(?:having|have|had|is having|might be having|am having|has had|just had) a heart attack\b/,
  ),
  rule(
    'stroke_seizure',
    'imminent',
    'anyone',
    'a stroke or seizure',
    /\b(?:having|is having|am having|might be having|just had) a (?:stroke|seizure)\b|\bis (?:fitting|seizing)\b/,
  ),
  rule(
    'stroke_signs',
    'imminent',
    'anyone',
    'signs of a stroke',
    /\b(?:face|mouth|smile) (?:is )?(?:drooping|droopy|lopsided|has dropped)\b|\b(?:slurred speech|speech is slurred|slurring (?:my|his|her|their) words|words are slurred)\b|\b(?:numb|numbness|weak|weakness) (?:on|down) one side\b/,
  ),
  rule(
    'not_breathing',
    'imminent',
    'anyone',
    'someone not breathing or unconscious',
    /\b(?:is not breathing|not breathing|stopped breathing|unconscious|is not waking up|will not wake up|can not wake (?:him|her|them|my \w+)|collapsed|unresponsive|turning blue|lips are blue)\b/,
  ),
  rule(
    'took_too_many',
    'imminent',
    'anyone',
    'too many pills taken',
    /\b(?:took|have taken|taken|swallowed|accidentally took|has taken|has swallowed) (?:way )?(?:too many(?: (?:of )?(?:my |his |her |the )?(?:pills|tablets|medication|meds|insulin|painkillers|paracetamol|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|medicine))?|too much (?:of )?(?:my |his |her |the )?(?:medication|meds|insulin|painkillers|paracetamol|medicine))(?! (?:time|on|off))\b/,
  ),
  rule(
    'chest_pain',
    'high',
    'anyone',
    'chest pain',
    new RegExp(
      `\\b(?:chest (?:pain|pains|is hurting|hurts|feels tight|tightness|is tight)|pain in ${someone} chest|${someone} chest (?:is )?(?:really |so |very )?(?:hurts|hurting|feels tight|tight|killing me|burning)|crushing (?:pain|feeling) in ${someone} chest)\\b`,
    ),
  ),
  rule(
    'can_not_breathe',
    'high',
    'anyone',
    'cannot breathe',
    /\b(?:can not|could not|can hardly|struggling to|unable to|hard to|trouble|difficulty) (?:breathe|breathing|catch (?:my|his|her|their) breath)\b(?! (?:through (?:my|the|his|her) nose|when i laugh|from laughing))/,
  ),
  rule(
    'fall',
    'high',
    'anyone',
    'a fall and cannot get up',
    /\b(?:fell|fallen|had a fall|slipped|tripped)\b.{0,40}\b(?:can not|could not|unable to) (?:get up|stand|move)\b|\b(?:on the floor|lying here|stuck on the floor) and (?:can not|could not) (?:get up|move)\b/,
  ),
  rule(
    'bleeding',
    'high',
    'anyone',
    'heavy bleeding',
    /\b(?:bleeding (?:heavily|a lot|badly|everywhere|so much|and it will not stop)|will not stop bleeding|lot of blood|blood everywhere|losing (?:a lot of )?blood|coughing up blood|vomiting blood)\b/,
  ),
  rule(
    'fainted',
    'high',
    'anyone',
    'fainting or passing out',
    /\b(?:passed out|fainted|keep fainting|blacked out)\b/,
  ),
  rule(
    'allergy',
    'high',
    'anyone',
    'a severe allergic reaction',
    /\b(?:throat is (?:closing|swelling)|swollen (?:throat|tongue)|tongue is swelling|anaphyla\w*)\b/,
  ),
  rule(
    'double_dose',
    'high',
    'anyone',
    'a double dose taken',
    /\b(?:took|taken|have taken|accidentally took) (?:a )?(?:double|twice) (?:my |the )?(?:dose|pills|tablets|medication|insulin)\b/,
  ),
  rule(
    'worst_headache',
    'high',
    'anyone',
    'the worst headache of one’s life',
    /\bworst headache (?:of|in) (?:my|his|her) life\b|\bsudden (?:severe|terrible) headache\b/,
  ),
  rule(
    'severe_pain',
    'moderate',
    'anyone',
    'severe pain',
    /\b(?:severe|unbearable|excruciating|agonising|agonizing) pain\b/,
  ),
  rule(
    'sugar',
    'moderate',
    'anyone',
    'a blood sugar problem with symptoms',
    /\b(?:blood sugar|sugar|sugar levels?|glucose) (?:is |are )?(?:very |really |dangerously |too )?(?:low|high)\b.{0,40}\b(?:shaking|shaky|confused|dizzy|sweating|faint)\b/,
  ),
  rule(
    'hit_head',
    'moderate',
    'anyone',
    'a head injury with symptoms',
    /\b(?:hit|banged|bumped) (?:my|his|her) head\b.{0,40}\b(?:dizzy|confused|sick|vomiting|blurry|sleepy)\b/,
  ),
  rule(
    'not_moving',
    'imminent',
    'anyone',
    'someone not moving or responding',
    /\b(?:is not|are not|not) (?:moving|responding|answering me|conscious)\b/,
  ),
  rule(
    'can_not_feel_limb',
    'high',
    'anyone',
    'sudden loss of feeling or movement',
    /\b(?:can not|could not|suddenly can not) (?:feel|move|lift) (?:my|his|her|their) (?:left |right )?(?:arm|leg|face|side|hand)\b/,
  ),
  rule(
    'so_much_blood',
    'high',
    'anyone',
    'a lot of blood',
    /\b(?:so much|a lot of|loads of|lots of|pool of) blood\b|\b(?:bleeding|blood) (?:will not|does not|is not going to) stop\b/,
  ),
  rule(
    'about_to_faint',
    'high',
    'anyone',
    'about to faint',
    /\b(?:going to|about to|might|think i will|feel like i will) (?:pass out|faint|black out|collapse)\b/,
  ),
  rule(
    'racing_heart',
    'moderate',
    'anyone',
    'a racing or pounding heart',
    /\b(?:heart|pulse) (?:is )?(?:racing|pounding|beating (?:so )?fast|all over the place)\b/,
  ),
  rule(
    'down_not_responding',
    'imminent',
    'anyone',
    'someone down and not responding',
    /\b(?:on the floor|collapsed|lying there|lying on the \w+|fell|fallen)\b[^.!?]{0,40}\b(?:will not|does not|can not|is not|not) (?:answer|answering|respond|responding|wake|waking)\b/,
  ),
  rule(
    'dose_twice',
    'high',
    'anyone',
    'a medicine taken twice',
    /\b(?:took|taken|injected|had|given) (?:my |his |her |the )?(?:insulin|pills|tablets|medication|dose|meds|injection) twice\b/,
  ),
  rule(
    'pain_spreading',
    'high',
    'anyone',
    'chest pain spreading',
    /\b(?:spreading|spreads|going|moving|radiating) (?:to|into|down) (?:my|his|her) (?:jaw|left arm|arm|neck|back)\b/,
  ),
  // Audit: someone has just done it; the present perfect ("has taken") says it is now.
  rule(
    'overdose_taken',
    'high',
    'anyone',
    'an overdose just taken',
    /\b(?:has|have|has just|have just|just) (?:taken|took) (?:an overdose|an od)\b|\b(?:has|have|has just|have just|just) overdosed\b/,
  ),
  rule(
    'wrists_cut',
    'high',
    'anyone',
    'wrists or throat just cut',
    /\b(?:has|have|has just|have just|just) (?:cut|slashed|slit) (?:his|her|their|my) (?:wrists?|throat)\b/,
  ),
];
