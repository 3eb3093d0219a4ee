/**
 * Abuse of the speaker (physical, sexual, threats, control, money, neglect) and abuse the
 * speaker reports of someone else. Rules `about: 'speaker'` count only when a person is named
 * as the one doing it ("my son hits me"; "the door hit me" is not abuse). Emotional hurt ("he
 * hurt me with what he said") is deliberately not here.
 */
import { relationPhrase } from './people.js';
import { threatIsReal } from './idioms.js';
import { ruleMaker, type RiskRule } from './types.js';

const rule = ruleMaker('abuse', 'abuse');

export const abuseRules: readonly RiskRule[] = [
  rule(
    'physical',
    'high',
    'speaker',
    'being hit or physically hurt by someone',
    /\b(?:hits|hit|hitting|beats|beat|beating|punches|punched|punching|kicks|kicked|kicking|slaps|slapped|slapping|chokes|choked|choking|strangles|strangled|strangling|shoves|shoved|shoving|burns|burned|bites|bit|pinches|pinched|smacks|smacked|throws things at|threw things at|pins|pinned|pinning|drags|dragged|shakes|shook|holds|held|restrains|restrained) me\b(?! (?:up|back|with (?:a|the) (?:ball|door)|by accident|accidentally|tight|close|hand|in (?:his|her|their) arms|at\b|to it|in (?:the|a) (?:race|game|match|quiz)))/,
  ),
  rule(
    'hurts_me',
    'high',
    'speaker',
    'someone keeps hurting them',
    /\b(?:hurts|is hurting|keeps hurting|has been hurting|keeps hitting|has been hitting) me\b(?! (?:feelings|with (?:his|her|their) words))/,
  ),
  rule(
    'threat',
    'high',
    'speaker',
    'a threat to kill or hurt them',
    /\b(?:threatens|threatened|threatening|(?:says|said) (?:he|she|they) (?:will|would|is going to|was going to|are going to)|swore|promised) (?:to )?(?:kill|murder|hurt|hit|beat|stab|shoot|get rid of) me\b/,
  ),
  rule(
    'going_to_kill_me',
    'moderate',
    'speaker',
    'someone is going to kill or hurt them',
    /\b(?:is going to|are going to|will|wants to|tried to|try to|trying to) (?:kill|murder|hurt|stab|strangle|poison) me\b/,
  ),
  rule(
    'sexual',
    'high',
    'speaker',
    'sexual abuse',
    /\b(?:raped|rapes|molested|molests|sexually assaulted|sexually abused|groped|gropes) me\b|\b(?:touches|touched|touching) me (?:down there|inappropriately|in private|where i did not want|at night|when no one)\b|\bmakes me do (?:sexual|things i do not want)\b/,
  ),
  rule(
    'abuses_me',
    'high',
    'speaker',
    'abuse named',
    /\b(?:abuses|abused|is abusing|has been abusing|been abusing|mistreats|mistreated|neglects|neglected) me\b/,
  ),
  rule(
    'being_abused',
    'high',
    'subject',
    'being abused (passive)',
    /\b(?:being|been|am being|get|getting) (?:abused|beaten|beaten up|hit|hurt|mistreated|neglected|raped|molested|assaulted|attacked)(?! (?:by (?:a|the) (?:ball|door|car)|in the game|at football))\b/,
  ),
  rule(
    'control',
    'high',
    'speaker',
    'being kept from food, people, leaving or money',
    /\b(?:will not|does not|do not|never|would not|refuses to|refuse to) let me (?:eat|leave|go out|out of the house|see (?:my|anyone|anybody|friends)|sleep|call|phone|use the phone|have (?:my|any) (?:money|phone|food)|talk to)\b/,
  ),
  rule(
    'locked_in',
    'high',
    'speaker',
    'being locked in or tied up',
    /\b(?:locks|locked|lock|keeps|kept|shuts|shut) me (?:in|inside|up|in my room|in the house|out of the house)\b|\b(?:ties|tied|tie) me (?:up|down|to)\b/,
  ),
  rule(
    'money',
    'moderate',
    'speaker',
    'someone taking their money',
    /\b(?:takes|took|taking|steals|stole|stealing|controls|control|keeps|kept|spends|spent|has taken|has been taking) (?:all )?(?:of )?(?:my) (?:money|pension|benefits|bank card|savings|cards|wages)\b/,
  ),
  rule(
    'afraid_of',
    'moderate',
    'subject',
    'afraid of someone close',
    new RegExp(
      `\\b(?:afraid|scared|frightened|terrified) of (?:${relationPhrase}|him|her)\\b(?! (?:dog|cat|spiders?|mice|heights|flying))`,
    ),
  ),
  rule(
    'scared_home',
    'moderate',
    'subject',
    'scared to go home',
    /\b(?:scared|afraid|frightened|terrified) to go (?:back )?home\b/,
  ),
  rule(
    'neglect',
    'moderate',
    'speaker',
    'being left without food, water or care',
    /\b(?:leaves|left|leave) me (?:alone )?(?:without (?:food|water|my medication|my pills|my tablets|help|heating)|in (?:my|the) (?:dirty|wet|soiled) )/,
  ),
  rule(
    'shouts_daily',
    'moderate',
    'speaker',
    'being shouted at or insulted every day',
    /\b(?:shouts|screams|yells|swears) at me (?:every day|all the time|constantly|every night|whenever)\b/,
  ),
  rule(
    'others_physical',
    'moderate',
    'others',
    'someone else being hit or abused',
    new RegExp(
      `\\b(?:hits|beats|abuses|slaps|kicks|punches|chokes|molests|rapes|hurts) (?:her|him|them|the kids|the children|the baby|${relationPhrase})\\b(?! (?:back|up|with (?:a|the) (?:ball|bat)|in the game|at))`,
    ),
  ),
  rule(
    'threatens_me',
    'high',
    'speaker',
    'being threatened',
    /\b(?:threatens|threatened|is threatening|keeps threatening|has been threatening) me\b/,
  ),
  rule(
    'pushes_me_around',
    'moderate',
    'speaker',
    'being pushed around',
    /\b(?:pushes|pushed|pushing|knocks|knocked) me (?:around|about|over|down)\b/,
  ),
  rule(
    'grabs',
    'high',
    'speaker',
    'being grabbed hard or bruised',
    /\b(?:grabs|grabbed|squeezes|squeezed|twists|twisted|pulls|pulled|yanks|yanked) (?:my|me by the|me by my) (?:arm|arms|wrist|wrists|hair|neck|throat)\b[^.!?]{0,30}\b(?:bruise|bruises|hurts|marks|hard)\b|\b(?:leaves|left|leaving|gives|gave) me (?:bruises|marks|a black eye)\b/,
  ),
  rule(
    'forced_money',
    'moderate',
    'speaker',
    'being forced to sign or hand over money',
    /\b(?:forces|forced|makes|made|pressures|pressured|bullies|bullied) me (?:to |into )?(?:sign|signing|give|giving|hand over|handing over|transfer|change my will|changing my will)\b/,
  ),
  rule(
    'threat_if',
    'high',
    'speaker',
    'a conditional threat to kill or hurt them',
    /\b(?:says|said|told me|tells me|threatens|threatened)\b[^.!?]{0,40}\b(?:will|would|is going to|was going to) (?:kill|hurt|hit|beat|stab) me\b/,
  ),
  rule(
    'not_fed',
    'moderate',
    'subject',
    'not being fed or given medicine',
    /\b(?:nobody|no one) (?:has )?(?:fed|feeds|gave|has given|gives|brought|brings) me (?:food|anything to eat|a meal|my (?:pills|medication|tablets)|anything)\b|\b(?:nobody|no one) has fed me\b/,
  ),
  // Audit: threats the idioms used to hide. A weapon, "if i tell anyone / the police", "if i
  // leave him" or fear make "he will kill me" a threat (idiom.gonna_kill_me_when leaves these
  // alone); "he will kill me if i tell him i lost the keys" stays a scolding.
  rule(
    'threat_if_tell',
    'high',
    'speaker',
    'a threat to kill them if they tell or leave, or said with fear',
    new RegExp(
      `\\b(?:will|would|is going to|are going to|says (?:he|she|they) will) (?:kill|murder|hurt|stab|beat) me\\b(?=[^.!?]*\\b${threatIsReal})|(?<=\\b(?:scared|afraid|terrified|frightened|(?:hurt|hit|beat|strangled|choked) me before)\\b[^.!?]*)\\b(?:will|would|is going to|are going to) (?:kill|murder|hurt|stab|beat) me\\b`,
    ),
  ),
  rule(
    'threat_with_weapon',
    'high',
    'speaker',
    'a threat to kill them with a weapon named',
    /\b(?:will|would|is going to|are going to) (?:kill|murder|hurt|stab) me\b[^.!?]{0,60}\b(?:knife|knives|gun|blade|weapon|rifle|hammer|axe)\b/,
  ),
  rule(
    'person_killing_me',
    'moderate',
    'speaker',
    'a carer, or someone who harms them, named as killing them',
    // Only where literal harm is plausible: someone paid to care for them ("the carer is
    // killing me"), or harm named in the clause ("he is killing me, he starves me"). Family
    // hyperbole ("these kids are killing me", "killing me with his jokes") is not abuse.
    new RegExp(
      `(?<=\\b(?:carers?|care workers?|care staff|nurses?|home help|helpers?|the staff) )(?:is|are) killing me\\b(?! with)|\\b(?:is|are) (?:slowly )?killing me\\b(?=[^.!?]*\\b(?:hits?|hitting|hurts?|hurting|beats?|beating|starves?|starving|poisons?|poisoning|bruises?|(?:does|will) not (?:feed|let me eat)|(?:takes|took|hides|hid) my (?:pills|tablets|medication|food))\\b)`,
    ),
  ),
];
