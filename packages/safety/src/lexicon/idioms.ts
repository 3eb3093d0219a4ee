/**
 * Idioms, hyperbole and accidents that sound like risk but are not. Each match is blanked out
 * of the text before the risk rules run, and named in the reasons ("ignored idiom ..."), so a
 * reviewer sees why "this traffic is killing me" scored none. Keep them narrow: an idiom that
 * is too wide hides real risk. Text is normalized (see screen/normalize.ts).
 */
import { relationPhrase } from './people.js';
import type { IdiomRule } from './types.js';

const idiom = (id: string, description: string, pattern: RegExp): IdiomRule => ({
  id: `idiom.${id}`,
  description,
  pattern,
});

/**
 * What makes "he will kill me if..." a real threat and not a scolding ("he will kill me if i
 * tell him i lost the keys", "she is going to kill me when she gets home and sees the dog"): a
 * weapon; telling anyone, the police or someone; leaving him, her or them (the relationship);
 * or fear ("i am scared", "he hurt me before").
 */
export const threatIsReal =
  '(?:knife|knives|gun|blade|weapon|rifle|hammer|axe|(?:tell|told|tells) (?:anyone|anybody|someone|somebody|a soul|people|the police|police|a doctor|the doctor|my (?:doctor|social worker|family|daughter|son|friends?|sister|brother))|leave (?:him|her|them|home|the house|this house|my (?:husband|wife|partner|boyfriend|girlfriend))|leaving (?:him|her|them|home)|leave(?= ?$| ?[.,!?])|call (?:the police|police|999|911|112|for help|anyone|someone)|report|police|scared|afraid|terrified|frightened|(?:hurt|hit|beat|strangled|choked) me before|has done it before|did it before|finds out where)\\b';
/** Fear said before the threat ("i am scared, he will kill me when he gets home"). */
const fearBefore =
  '(?<![^.!?]*\\b(?:scared|afraid|terrified|frightened|(?:hurt|hit|beat|strangled|choked) me before)\\b[^.!?]*)';

const food =
  '(?:pizza|curry|burger|pint|coffee|tea|drink|beer|sandwich|steak|kebab|cake|biscuit|chocolate|takeaway|chippy|roast|fry up|bacon roll|glass of wine|cuppa)';

export const idiomRules: readonly IdiomRule[] = [
  idiom(
    'x_is_killing_me',
    '"this traffic is killing me"',
    // Not "the <anyone>" or "<any -ing>": "the carer is killing me" and "living is killing me"
    // may be real; only things and chores are listed.
    /\b(?:this|that|it|the (?:traffic|heat|cold|weather|noise|wait|waiting|queue|commute|stairs|suspense|boredom|pain|damp|humidity|drive|journey|walk|diet|gym|news|paperwork|ironing|washing)|my (?:back|feet|knees?|legs?|head|neck|hip|shoulder|tooth|teeth|job|boss|work|commute)|traffic|work|these (?:stairs|shoes|boots|hills|forms|puzzles|emails|meetings)|those (?:stairs|shoes|boots|hills|forms|puzzles|emails|meetings)|heat|weather|waiting|suspense|(?:commuting|gardening|cleaning|ironing|cooking|shopping|driving|typing|knitting|walking|queueing|queuing|studying|revising|decorating|packing|hoovering)) (?:is|are|was|were) (?:really |literally |just |absolutely )?killing me\b/,
  ),
  idiom(
    'you_are_killing_me',
    '"you are killing me" (laughing)',
    /\byou(?: are)? (?:really |literally )?killing me\b/,
  ),
  idiom(
    'kill_me_now',
    '"just kill me now" (hyperbole)',
    /\b(?:just |somebody |someone |please )*kill me now\b|\bshoot me now\b|\bjust shoot me\b/,
  ),
  idiom(
    'death_of_me',
    '"will be the death of me"',
    /\b(?:will|is going to|are going to|would) be the death of me\b/,
  ),
  idiom(
    'could_murder_food',
    '"i could murder a pizza"',
    new RegExp(
      `\\b(?:could|would) (?:murder|kill|die) (?:for )?(?:a |an |some )?(?:\\w+ )?${food}\\b`,
    ),
  ),
  idiom(
    'kill_for',
    '"i would kill for a coffee"',
    /\b(?:would|could) kill for (?:a|an|some|one)\b/,
  ),
  idiom(
    'could_kill_hyperbole',
    '"i could kill him" (anger, hyperbole)',
    new RegExp(
      `\\bi (?:could|could just|could honestly|could literally) (?:kill|murder|strangle|throttle|wring) (?:him|her|them|you|${relationPhrase})\\b`,
    ),
  ),
  idiom(
    'conditional_threat',
    '"i will kill him if he is late again"',
    new RegExp(
      // A weapon or means anywhere after it makes the threat real, and "touches me" is not
      // about belongings: neither is an idiom.
      `\\b(?:i will|i am going to|i am gonna|gonna) (?:kill|murder|strangle) (?:him|her|them|you|${relationPhrase})(?= if\\b[^.!?]*\\b(?:again|late|forgets?|eats?|touch(?:es)? my (?:stuff|things|food|phone|car|chocolate|remote|plants|tools)|breaks?|loses?|does that))(?![^.!?]*\\b${threatIsReal})(?![^.!?]*\\b(?:touch(?:es)?|hurts?|hits?|lays? a (?:hand|finger) on) me\\b)`,
    ),
  ),
  idiom(
    'gonna_kill_me_when',
    '"my mum is going to kill me when she sees this"',
    // Not when the condition is telling anyone, leaving him or her, a weapon or fear (see
    // threatIsReal): "he will kill me if i tell anyone" is a threat, not a scolding.
    new RegExp(
      `${fearBefore}\\b(?:(?:is|are) (?:going to|gonna)|will) (?:kill|murder) me (?:when|if|for)\\b(?![^.!?]*\\b${threatIsReal})`,
    ),
  ),
  idiom(
    'dying_of_laughter',
    '"dying of laughter"',
    /\b(?:dying|died|die|dead|nearly died|almost died) (?:(?:of|from|with) (?:laughter|laughing|embarrassment|shame|boredom|curiosity|thirst|hunger|heat|cringe)|laughing)\b/,
  ),
  idiom(
    'dying_to',
    '"dying to see it"',
    /\b(?:dying|die) to (?:see|know|meet|try|go|hear|tell|get|find out|visit|watch|read|have)\b/,
  ),
  idiom('to_die_for', '"a cake to die for"', /\bto die for\b/),
  idiom(
    'to_death',
    '"bored to death", "scared to death"',
    // Not "sick to death of being alive": tired of life is not an idiom.
    /\b(?:bored|scared|worried|frightened|sick|tired|loved|laughed|freezing|starving) (?:to death|half to death|sick)\b(?! of (?:being alive|living|life|existing|being here|it all|everything|myself|waking up))/,
  ),
  idiom(
    'dead_tired',
    '"dead tired", "dead on my feet"',
    /\bdead (?:tired|beat|on my feet|serious|funny|good|easy|quiet|end|heavy|boring|lucky|right|set|centre|center)\b/,
  ),
  idiom(
    'im_dead_laughing',
    '"i am dead" (laughing)',
    /\bi am (?:literally |actually )?dead(?= ?(?:lol|lmao|haha|😂|🤣|$|[.!]))/,
  ),
  idiom(
    'device_died',
    '"my phone died"',
    /\b(?:phone|battery|laptop|car|tablet|computer|radio|tv|telly|plant|plants|flowers|batteries|torch|kindle|ipad) (?:has |had |just )?(?:died|is dead|was dead|went dead|will die)\b/,
  ),
  idiom(
    'killed_it',
    '"you killed it" (did well)',
    /\b(?:killed|killing|kill) it\b(?! (?:all|off))|\bkill(?:ing)? time\b|\bkill two birds\b|\bdressed to kill\b|\bcuriosity killed the cat\b|\bkill(?:ed|ing)? the (?:lights|engine|music|mood|vibe|conversation|process)\b/,
  ),
  idiom(
    'drop_dead',
    '"drop dead gorgeous"',
    /\bdrop dead (?:gorgeous|beautiful|handsome)\b|\bover my dead body\b/,
  ),
  idiom(
    'overdose_on',
    '"i overdosed on chocolate"',
    /\b(?:overdos(?:e|ed|ing)|od|oding|od'd) on (?:chocolate|sugar|coffee|caffeine|tv|telly|netflix|cake|sweets|candy|christmas|carbs|cheese|news)\b/,
  ),
  idiom(
    'accident',
    '"cut myself shaving", "burned myself on the oven"',
    /\b(?:cut|burned|burnt|hurt|scratched|bruised|bumped|nicked|scalded) (?:myself|my \w+) (?:on (?:the|a|my) \w+|shaving|cooking|chopping|gardening|lifting|playing|at the gym|doing|carrying|moving|ironing|while|when i (?:fell|tripped|slipped)|by accident|accidentally|in the (?:kitchen|garden))\b|\b(?:fell|tripped|slipped)(?: over| down| on the \w+)?(?: and)? (?:hurt|cut|bruised|bumped|grazed) (?:myself|my \w+)\b/,
  ),
  idiom(
    'cut_myself_a',
    '"cut myself a slice"',
    /\bcut (?:myself|me) (?:a|some|another) (?:slice|piece|bit|break|some slack)\b|\bcut myself off from (?:social media|the news|facebook)\b/,
  ),
  idiom(
    'hit_me_idiom',
    '"it hit me", "hit me up"',
    /\b(?:it|that|this|reality|the news|the truth|the realisation|the realization) (?:really |suddenly |finally |just )?hit me\b|\bhit me up\b|\bhit me with (?:the|a|some|that|this) (?:news|question|truth|facts?|joke|song|idea|bombshell)\b/,
  ),
  idiom(
    'had_a_fit',
    '"my mum had a fit when she saw it" (got angry)',
    /\bhad a fit (?:when|about|over|because)\b|\bthrew a fit\b/,
  ),
  idiom(
    'breathe_laughing',
    '"i could not breathe from laughing"',
    /\b(?:can not|could not) breathe (?:from|for|with) (?:laughing|laughter)\b/,
  ),
  idiom(
    'heart_attack_hyperbole',
    '"you nearly gave me a heart attack"',
    /\b(?:gave|give|giving|nearly gave|almost gave) (?:me|him|her) a heart attack\b/,
  ),
  idiom(
    'kill_me_hyperbole',
    '"my feet are killing me"',
    /\b(?:feet|legs|knees?|back|head|shoes|boots|hip|hips) (?:is|are) killing me\b/,
  ),
  idiom(
    'want_to_die_embarrassed',
    '"i wanted to die of embarrassment"',
    // "i wanted to curl up and die when i tripped", "so embarrassed i could curl up and die";
    // not the present "i want to curl up and die when i think about the future".
    /\b(?:want|wanted|could|could have) (?:to )?(?:die|curl up and die)(?: right there| on the spot)?(?: of| from) (?:embarrassment|shame|cringe)\b|\bcould (?:have )?(?:just )?curl(?:ed)? up and died?\b|\b(?:wanted|could have) to (?:just )?curl up and die(?= when i\b)|(?<=\b(?:so embarrassed|embarrassing|mortified|so ashamed)\b[^.!?]*)\b(?:want|wanted) to (?:just )?curl up and die\b|\b(?:want|wanted) to (?:just )?curl up and die\b(?=[^.!?]*\b(?:embarrass\w*|mortified|ashamed)\b)/,
  ),
  idiom(
    'killing_me_with',
    '"my carer is killing me with kindness", "killing me with his jokes"',
    /\b(?:is|are) (?:really |literally |just )?killing me with (?:(?:his|her|their|all (?:his|her|their|the)|the|those|these) )?(?:kindness|jokes|puns|questions|chatter|talking|stories|cooking|cakes|love|attention|fussing|laughter|songs|singing|noise|cuteness)\b/,
  ),
  idiom(
    'kids_killing_me',
    '"these kids are killing me"',
    /\b(?:these|those|the|my|our) (?:kids|children|grandkids|grandchildren|twins|toddlers|boys|girls|puppies|kittens|dogs|cats|neighbours|neighbors) (?:are|were) (?:really |literally |just |absolutely )?killing me\b(?![^.!?]*\b(?:hit|hits|hurt|hurts|beat|beats|starve|starves)\b)/,
  ),
  idiom(
    'shoot_me',
    '"if i have to sit through another meeting, shoot me"',
    /\bshoot me\b(?= ?[.!]|$)/,
  ),
  idiom(
    'hang_out',
    '"hang out", "hang in there"',
    // "hang on" (wait) but not "can not hang on much longer".
    /\bhang(?:ing)? (?:out|in there|on(?! (?:much |any |for much )?longer| anymore)|up|the washing|the pictures?|a picture)\b/,
  ),
];
