/**
 * Suicidal ideation: direct and indirect statements, means and plans. Text is normalized
 * before matching (see screen/normalize.ts): write "do not", "i am", "can not", lower case.
 * Negation, past tense, third parties, fiction, jokes and imminence are handled by the screener
 * for every rule, so a rule names only the statement itself.
 *
 * Levels: high = the person says they want to die or end their life, or says it indirectly in
 * a way clinicians treat the same ("everyone would be better off without me"); moderate =
 * hopelessness that may hide ideation ("i can not go on"); low = distress worth a careful reply.
 */
import { ruleMaker, type RiskRule } from './types.js';

const rule = ruleMaker('suicidal_ideation', 'suicidal');
const reflexive = '(?:myself|himself|herself|themselves|themself|yourself)';

// Where a person jumps from to die, so that "the price will jump" and "i will jump off at the
// next stop" are no risk: a height or a vehicle must be named.
const heights =
  '(?:a |the |that |this |my |his |her |our |their )?(?:tall |high |top of (?:a |the )?)?(?:bridge|building|roof|cliff|balcony|window|tower|car park|multi-storey|ledge|block of flats|flats|top floor|viaduct)';
const vehicles = '(?:a |the )?(?:train|bus|car|lorry|truck|traffic|tube)';
const jumpWhere = `(?: (?:off|from) ${heights}\\b| in front of ${vehicles}\\b)`;
// A bare "she will jump" is risk only when the clause puts the person at a height first:
// "my friend is on the bridge and says she will jump".
const atHeightBefore =
  '(?<=\\b(?:on|at|near|over|onto|up on|standing on|sitting on|climbed onto|climbing onto|on top of) (?:the|a|his|her|my|their|our) (?:\\w+ )?(?:bridge|roof|ledge|balcony|cliff|edge|platform|tracks|railing|parapet|car park)\\b[^.!?]*)';
// A waiting or physical hold named with "can not hold on much longer": the bus, tired arms.
const physicalHold =
  '(?:arms?|hands?|fingers?|grip|legs?|bus|train|taxi|queue|wait|waiting|toilet|loo|bladder|wee|rope|ladder|shelf|bags?|shopping|phone|hold music|handle|rail|branch|kettle|lift|appointment|delivery|post|plumber|results)';

export const suicidalIdeationRules: readonly RiskRule[] = [
  // Direct statements.
  rule(
    'kill_self',
    'high',
    'subject',
    'killing oneself',
    new RegExp(`\\b(?:kill|killing|killed|kills|off|top|topping) ${reflexive}\\b`),
  ),
  rule(
    'end_life',
    'high',
    'subject',
    'ending one’s life',
    /\b(?:end|ending|ended|take|taking|took) (?:my|his|her|their|your) (?:own )?life\b/,
  ),
  rule(
    'suicidal',
    'high',
    'subject',
    'feeling suicidal',
    /\b(?:am|feel|feels|feeling|felt|been|get|gets|getting|was|is|are) (?:so |really |very |quite |a bit |kind of |a little |pretty )?suicidal\b/,
  ),
  rule(
    'suicidal_thoughts',
    'high',
    'subject',
    'suicidal thoughts',
    /\bsuicidal (?:thoughts|feelings|ideas|urges|again)\b/,
  ),
  rule(
    'think_suicide',
    'high',
    'subject',
    'thinking about suicide or ending it',
    /\b(?:thinking|thought|think|thoughts|considering|considered) (?:about |of )?(?:suicide|ending it all|ending it|ending my life|ending things|taking my (?:own )?life|not being here)\b/,
  ),
  rule(
    'commit_suicide',
    'high',
    'subject',
    'suicide or an attempt',
    /\b(?:commit|committing|committed|attempt|attempting|attempted|tried) (?:suicide|to end it)\b/,
  ),
  rule(
    'tried_to_kill',
    'high',
    'subject',
    'a suicide attempt',
    new RegExp(`\\b(?:tried|try|trying) to (?:kill|hang|drown) ${reflexive}\\b`),
  ),
  rule(
    'want_die',
    'high',
    'subject',
    'a wish to die',
    /\b(?:want|wanted|wanting|wants|wish|wished|wishing|long|longing|going|need|needed) to (?:die|be dead|not exist|stop existing|not be alive|disappear forever|never wake up|not wake up)\b/,
  ),
  rule(
    'wish_dead',
    'high',
    'subject',
    'wishing to be dead or never born',
    /\bwish(?:ed)? (?:i|he|she|they) (?:was|were|had been|would be|could be) (?:dead|never born|gone for good|gone forever)\b/,
  ),
  rule('better_off_dead', 'high', 'subject', 'better off dead', /\bbetter off dead\b/),
  rule(
    'better_off_without',
    'high',
    'subject',
    'others better off without them',
    /\b(?:better off|happier|better) without me\b/,
  ),
  rule(
    'end_it_all',
    'high',
    'subject',
    'ending it all',
    /\b(?:end|ending|finish|finishing) it all\b/,
  ),
  rule(
    'end_it',
    'high',
    'subject',
    'wanting to end it',
    /\b(?:want|going|ready|plan|planning|decided|about) to end (?:it|things|everything)(?! with| for| off| early| there| now and| on)\b/,
  ),
  rule(
    'not_alive',
    'high',
    'subject',
    'not wanting to live',
    /\b(?:do not|does not|no longer|never) want to (?:be alive|exist|live(?! (?:in|with|near|there|here|alone|on|abroad|by|at|like that))|wake up(?! (?:early|at|before|so|yet))|go on living|keep living)\b/,
  ),
  rule(
    'not_here_anymore',
    'high',
    'subject',
    'not wanting to be here any more',
    /\b(?:do not|does not|no longer) want to be (?:here|around|alive)(?: any ?more| any longer| now)\b/,
  ),
  rule(
    'not_here',
    'moderate',
    'subject',
    'not wanting to be here',
    /\b(?:do not|does not|no longer) want to be (?:here|around)\b(?! (?:at|in|with|for|on|today|tonight|this|when|if|while|right now|tomorrow|alone))/,
  ),
  rule(
    'no_reason_to_live',
    'high',
    'subject',
    'no reason to live',
    /\b(?:no|nothing|not any|not a|no good) (?:reason|point|purpose) (?:to|in|for) (?:live|living|go on|going on|carry on|carrying on|stay alive|staying alive|be alive|being alive|be here|being here)\b/,
  ),
  rule(
    'nothing_to_live_for',
    'high',
    'subject',
    'nothing to live for',
    /\b(?:nothing|nobody|no one|not much) (?:left )?to live for\b/,
  ),
  rule(
    'point_of_living',
    'high',
    'subject',
    'asking what the point of living is',
    /\bwhat is the (?:point|use) (?:of|in) (?:living|going on|being alive|carrying on|staying alive)\b/,
  ),
  rule(
    'not_worth_living',
    'high',
    'subject',
    'life not worth living',
    /\blife (?:is|is just|just is|feels) not worth (?:living|it)\b|\bnot worth living\b/,
  ),
  rule(
    'tired_of_living',
    'high',
    'subject',
    'tired of living',
    // "living in this flat", "living with the noise" are about a place or a thing, not life.
    /\b(?:tired|sick|weary)(?: to death| and tired)? of (?:living(?! (?:in|with|on|at|near|next to|alone|here|there|out of|under|beside|opposite|like a)\b)|being alive|existing)\b/,
  ),
  rule(
    'tired_of_living_with',
    'moderate',
    'subject',
    'worn down by living with pain or illness',
    // Chronic pain or illness distress: a careful reply, not ideation.
    /\b(?:tired|sick|weary)(?: to death| and tired)? of (?:living|life) with (?:this |the |my |all this |all the |constant |chronic |such )?(?:pain|illness|depression|grief|loneliness|heartache|anxiety|condition|arthritis|cancer)\b/,
  ),
  rule(
    'sleep_forever',
    'high',
    'subject',
    'wanting to sleep and never wake',
    /\b(?:sleep forever|(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up|wish i (?:could|would) (?:not|never) wake up|hope i (?:do not|never) wake up)\b/,
  ),
  rule(
    'nobody_would_miss',
    'high',
    'subject',
    'nobody would miss them',
    /\b(?:nobody|no one|noone|not one person) (?:would|will|is going to) (?:miss|notice|care|even notice)(?: about)?(?: me| if i)\b/,
  ),
  rule(
    'not_have_to_worry',
    'high',
    'subject',
    'others will not have to worry about them soon',
    /\b(?:you|they|nobody|no one|everyone) (?:will not|would not|will never) have to (?:worry about|deal with|look after|put up with) me (?:soon|much longer|any ?more|for long|after)/,
  ),
  rule(
    'giving_away',
    'high',
    'subject',
    'giving belongings away',
    /\b(?:giving|gave|give|given) (?:away )?(?:all )?(?:of )?(?:my|his|her|their) (?:things|stuff|belongings|possessions|treasures)(?: away)?\b/,
  ),
  rule(
    'goodbye_letters',
    'high',
    'subject',
    'a suicide note or goodbye letters',
    /\b(?:suicide note|goodbye (?:letter|letters|note|notes)|wrote (?:a|my) (?:last )?letters? to (?:everyone|my family|my kids|my children))\b/,
  ),
  rule(
    'saying_goodbye',
    'high',
    'subject',
    'saying goodbye to everyone',
    /\b(?:saying|said|say|to say) (?:my )?(?:final |last )?goodbyes?(?: to (?:everyone|everybody|you all|the world))?(?= for good| for the last time| forever|$|[.!?])|\b(?:saying|said|say) goodbye to (?:everyone|everybody)\b/,
  ),
  rule(
    'this_is_goodbye',
    'high',
    'subject',
    'a farewell',
    /\bthis is (?:my )?(?:goodbye|the end|my last message)\b/,
  ),
  rule(
    'pills_saved',
    'high',
    'subject',
    'saving up pills',
    /\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|stashing|stashed|hiding|hidden|storing|stored|keeping) (?:up )?(?:my |the |all my |all the |some |a lot of |loads of )?(?:pills|tablets|medication|meds|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|paracetamol)\b|\b(?:pills|tablets|medication|meds|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids) (?:saved|stockpiled|hoarded|stashed|hidden|stored)(?: up)?\b/,
  ),
  rule(
    'enough_pills',
    'high',
    'subject',
    'enough pills to die',
    /\benough (?:pills|tablets|medication|meds|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|paracetamol|insulin) to\b/,
  ),
  rule(
    'means_at_hand',
    'imminent',
    'subject',
    'means of suicide at hand',
    /\b(?:have|got|holding|bought|brought) (?:the|enough|all the|all my|a|some) (?:pills|tablets|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|rope|noose|gun|razor|blades?)(?: ready)? (?:here|ready|with me|in my hand|in front of me|next to me|on the table|lined up)\b/,
  ),
  rule(
    'took_all_pills',
    'imminent',
    'subject',
    'took all their pills',
    /\b(?:took|have taken|taken|swallowed|just took|have swallowed) (?:all (?:of )?(?:my|the)|a (?:whole )?(?:bottle|box|packet|pack|load|handful) of|loads of|a lot of|all) (?:pills|tablets|painkillers|paracetamol|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|medication|meds)\b/,
  ),
  rule(
    'overdose',
    'high',
    'subject',
    'an overdose',
    /\b(?:take|taking|took|taken|have taken|do|planning) an? overdose\b|\b(?:want|going|plan|planning) to (?:overdose|od)\b/,
  ),
  rule(
    'hang',
    'high',
    'subject',
    'hanging oneself',
    new RegExp(`\\b(?:hang|hanging|hanged) ${reflexive}\\b|\\bnoose\\b`),
  ),
  rule(
    'jump',
    'high',
    'subject',
    'jumping to die',
    // Off or from a height; in front of, under or onto traffic. Not "jump off the bus at the
    // shops".
    /\b(?:jump|jumping|throw myself|throwing myself|step|stepping) (?:(?:off|from) (?:a|the) (?:bridge|building|roof|cliff|balcony|window|tower|motorway bridge|ledge|platform)|(?:in front of|under|onto) (?:a|the) (?:train|tracks|car|bus|lorry|truck|motorway|traffic))\b/,
  ),
  rule(
    'slit_wrists',
    'high',
    'subject',
    'cutting one’s wrists',
    /\b(?:slit|slash|slashing|slitting|cut|cutting|open|opening) (?:my|his|her|their) wrists?\b/,
  ),
  rule(
    'method_seeking',
    'high',
    'subject',
    'asking about a way or dose to die',
    /\b(?:lethal|fatal|deadly) dose\b|\b(?:painless|easiest|quickest|best|surest|quiet) way to (?:die|kill myself|end it|end my life|go)\b|\bhow (?:many|much) (?:pills|tablets|paracetamol|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|painkillers|insulin) (?:would it take|does it take|to) (?:to )?(?:die|kill|end it|overdose)\b/,
  ),
  rule(
    'know_how',
    'high',
    'subject',
    'knows how they would do it',
    /\b(?:know|worked out|figured out|planned|planning|decided) (?:exactly )?(?:how|when|where) (?:i|i am going to|to) (?:would |will |could )?(?:do it|die|end it|kill myself)\b/,
  ),
  // Hopelessness that may hide ideation.
  rule(
    'can_not_go_on',
    'moderate',
    'subject',
    'cannot go on',
    /\b(?:can not|could not|do not think i can|not sure i can|unable to) (?:go on|carry on|keep going)(?= any ?more| any longer| like this| much longer|$|[.,!?])/,
  ),
  rule(
    'can_not_take_it',
    'moderate',
    'subject',
    'cannot take it any more',
    /\bcan not (?:do|take|handle|bear|stand|cope with|face) (?:this|it|life|anything)(?: any ?more| any longer)\b|\bcan not cope any ?more\b/,
  ),
  rule(
    'not_sure_want_to_live',
    'high',
    'subject',
    'unsure they want to live',
    /\b(?:not sure|do not know) (?:if |whether |that )?i (?:want|even want) to (?:live|be alive|be here|go on|keep going|wake up)\b/,
  ),
  rule(
    'want_it_to_end',
    'moderate',
    'subject',
    'wanting it all to stop',
    /\b(?:want|wish|need) (?:it all|everything|all of this|this all|this life|life) to (?:end|stop|be over)\b/,
  ),
  rule(
    'disappear',
    'moderate',
    'subject',
    'wanting to disappear',
    /\b(?:want|wish|wanted) (?:to|i could) (?:disappear|vanish|fade away|go away forever|just go away|not be here|cease to exist)\b/,
  ),
  rule(
    'burden',
    'moderate',
    'subject',
    'feeling a burden',
    /\b(?:i am|i feel|i feel like|i have become|i was) (?:just |such |nothing but |only |a real )?(?:a|such a) burden\b|\b(?:burden|waste of space|waste of oxygen) (?:to|on) (?:everyone|everybody|my family|them|you|the world)\b/,
  ),
  rule(
    'no_way_out',
    'moderate',
    'subject',
    'seeing no way out',
    /\b(?:no way out|no way forward|no hope left|no future for me|nothing will ever get better|never going to get better|it will never get better|there is no hope)\b/,
  ),
  rule(
    'tired_of_life',
    'moderate',
    'subject',
    'tired of life',
    /\b(?:tired|sick|weary) of (?:life|it all|everything)\b/,
  ),
  rule(
    'point_of_anything',
    'moderate',
    'subject',
    'asking what the point is',
    /\bwhat is the (?:point|use) (?:of|in) (?:life|anything|it all|trying|me)\b/,
  ),
  rule(
    'ready_to_die',
    'moderate',
    'subject',
    'ready to die',
    /\b(?:am|feel) ready to die\b|\bready for death\b/,
  ),
  rule(
    'join_late',
    'moderate',
    'subject',
    'longing to join someone who died',
    /\b(?:want|wish|long|longing|ready) to (?:be with|join|go to) (?:my late \w+|him in heaven|her in heaven|them in heaven|my (?:husband|wife|son|daughter|partner|mother|mum|father|dad) in heaven)\b/,
  ),
  rule(
    'hopeless',
    'low',
    'subject',
    'hopelessness or worthlessness',
    /\b(?:i|i just|i really) (?:feel|am|have been|have felt|feel so|am so|feel completely|am completely|feel totally|am totally|feel really|am really|feel utterly) (?:hopeless|worthless|useless|empty inside|like a failure|trapped|numb inside)\b/,
  ),
  rule(
    'hate_life',
    'low',
    'subject',
    'hating one’s life or self',
    /\b(?:hate|hating|loathe) (?:my life|myself|being alive)\b/,
  ),
  rule(
    'not_around_long',
    'low',
    'subject',
    'not being around much longer',
    /\b(?:will not|would not) be (?:around|here) (?:much longer|for long|any ?more|to see)\b/,
  ),
  // Added after the first held-out check (README, "How well it does").
  rule(
    'easier_if_gone',
    'high',
    'subject',
    'things easier if they were gone',
    /\b(?:easier|better|simpler|happier|lighter)\b[^.!?]{0,40}\bif i (?:just |simply |only )?(?:died|was dead|were dead|was gone|were gone|disappeared|was not (?:around|here|alive)|were not (?:around|here|alive)|did not exist|was never born)\b/,
  ),
  rule(
    'should_die',
    'high',
    'subject',
    'saying they should die',
    /\bi (?:should|might as well|may as well|ought to|deserve to) (?:just )?(?:die|be dead|kill myself|end it|not be here|not exist)\b/,
  ),
  rule(
    'do_not_care_if_die',
    'high',
    'subject',
    'not caring whether they live',
    /\b(?:do not|does not|no longer|nobody|no one) (?:care|cares|would care|will care) (?:if|whether) i (?:live or die|die|wake up|live|am dead|am alive)\b/,
  ),
  rule(
    'never_born',
    'high',
    'subject',
    'wishing never to have been born',
    /\bwish (?:i|he|she|they) (?:had|would|was|were|would have) never (?:been )?born\b/,
  ),
  rule(
    'take_all_pills',
    'high',
    'subject',
    'thinking of taking all their pills',
    /\b(?:take|taking|swallow|swallowing) (?:all (?:of )?(?:my|the|those)|a (?:whole )?(?:bottle|box|packet|pack) of|the whole (?:bottle|box|packet|pack) of) (?:pills|tablets|painkillers|paracetamol|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|medication|meds)\b/,
  ),
  rule(
    'car_crash',
    'high',
    'subject',
    'crashing a car on purpose',
    /\b(?:drive|driving|drove|crash|crashing|steer|steering) (?:my|the|his|her) car (?:into|off|in front of)\b/,
  ),
  rule(
    'no_point_anything',
    'moderate',
    'subject',
    'seeing no point in anything',
    /\b(?:do not|can not|no longer) see (?:the|any) point (?:in|of|to) (?:anything|life|it all|trying|getting up|any of it)\b/,
  ),
  rule(
    'no_point_living',
    'high',
    'subject',
    'seeing no point in living',
    /\b(?:do not|can not|no longer) see (?:the|any) point (?:in|of|to) (?:living|going on|carrying on|being alive|being here)\b/,
  ),
  rule(
    'no_future',
    'moderate',
    'subject',
    'seeing no future',
    /\b(?:can not|do not) see (?:a|any) future\b|\b(?:do not|will not) have (?:a|any) future\b/,
  ),
  rule(
    'want_it_over',
    'moderate',
    'subject',
    'wanting it to be over',
    /\b(?:want|need|wish) (?:it|this|everything|it all|life) to be over\b/,
  ),
  // Added after the second held-out check.
  rule(
    'done_with_life',
    'high',
    'subject',
    'done with life',
    /\b(?:done|finished|through) with (?:life|living|being alive|it all|this life)\b/,
  ),
  rule(
    'gone_by_then',
    'high',
    'subject',
    'saying they will not be here by a near date',
    /\b(?:will not|would not|may not|might not|will no longer|not going to|do not think i will|do not think i would|doubt i will|doubt i would) (?:still )?(?:be here|be around|be alive|make it) (?:next (?:week|month)|by (?:tomorrow|the weekend|next week|christmas|then)|after (?:tonight|today|this week)|tomorrow|this time next week)\b/,
  ),
  rule(
    'the_night_high',
    'high',
    'subject',
    'a night or day chosen',
    /\b(?:tonight|today|tomorrow|this weekend) is the (?:night|day)\b/,
  ),
  rule(
    'the_night',
    'moderate',
    'subject',
    'a night or day to "do it"',
    /\b(?:finally|going to|gonna) (?:just )?do it\b/,
  ),
  rule(
    'letters_after',
    'high',
    'subject',
    'letters to be read after they are gone',
    /\b(?:letters?|notes?|messages?|videos?) (?:to|for) [^.!?]{0,40}\b(?:after|when) i am (?:gone|dead|no longer here)\b/,
  ),
  rule(
    'about_to_jump',
    'high',
    'subject',
    'about to jump from a height',
    // A height named, or a person saying it bare ("i am going to jump"): not "rates are going
    // to jump".
    new RegExp(
      `\\b(?:going|want|wanted|wants|about|ready|tempted) to jump${jumpWhere}|\\b(?:i|he|she|they)(?: am| is| are| was| were)?(?: so| really| just)? (?:going|want|wanted|wants|about|ready|tempted) to jump(?= ?$| ?[.!?,]| now| tonight| today)`,
    ),
  ),
  rule(
    'pointless',
    'moderate',
    'subject',
    'life feels pointless',
    /\b(?:life|living|my life|everything|existence) (?:is|feels|seems) (?:so |just |completely |totally )?(?:pointless|meaningless|not worth it|empty|over)\b/,
  ),
  rule(
    'rather_dead',
    'high',
    'subject',
    'would rather be dead',
    /\b(?:rather|prefer to) (?:be dead|die|not be alive|not exist)\b(?! than)/,
  ),
  rule(
    'rather_dead_than',
    'moderate',
    'subject',
    'would rather be dead than something',
    /\b(?:rather|prefer to) (?:be dead|die|not be alive|not exist) than\b/,
  ),
  rule(
    'own_funeral',
    'moderate',
    'subject',
    'imagining their own funeral',
    /\b(?:imagine|imagining|picture|picturing|dream about|dreaming about|think about|thinking about) my (?:own )?funeral\b/,
  ),
  // Added after the third held-out check, and from the behaviours the Columbia scale asks about.
  rule(
    'world_without_me',
    'high',
    'subject',
    'the world going on fine without them',
    /\b(?:world|everyone|everybody|they|my family|people|life) (?:would|will) (?:keep (?:spinning|going|turning)|go on|carry on|be (?:fine|okay|ok|better))\b[^.!?]{0,20}\bwithout me\b/,
  ),
  rule(
    'sick_of_waking',
    'moderate',
    'subject',
    'tired of waking up',
    /\b(?:sick|tired|weary) of waking up\b/,
  ),
  rule(
    'something_stupid',
    'moderate',
    'subject',
    'afraid of doing something drastic',
    /\b(?:do|doing|did) something (?:stupid|silly|drastic|i will regret|to myself)\b/,
  ),
  rule(
    'waste_of_space',
    'moderate',
    'subject',
    'calling themselves a waste of space',
    /\bi am (?:just |only |nothing but )?(?:a )?waste of (?:space|oxygen|air|a life|skin)\b/,
  ),
  rule(
    'at_the_edge',
    'moderate',
    'subject',
    'lingering at tracks, a bridge or an edge',
    /\b(?:looked|looking|stared|staring|stood|standing|sat|sitting|waited|waiting) (?:at|by|near|on|over) the (?:train )?(?:tracks|railway line|railway|edge|bridge|cliff|cliff edge|platform edge)\b/,
  ),
  rule(
    'can_not_keep_living',
    'high',
    'subject',
    'cannot keep living like this',
    /\bcan not (?:keep|go on|carry on) (?:living|being alive|existing)\b/,
  ),
  rule(
    'not_carry_on',
    'high',
    'subject',
    'not wanting to carry on',
    /\b(?:do not|does not|no longer) want to (?:go on|carry on|keep going)(?= any ?more| any longer| like this| living|$|[.,!?])/,
  ),
  rule(
    'nobody_notice_if_died',
    'high',
    'subject',
    'nobody would notice if they died',
    /\bif i (?:died|was gone|were gone|disappeared|was dead|were dead)\b[^.!?]{0,30}\b(?:nobody|no one|would anyone)\b|\b(?:nobody|no one) would (?:even |ever )?(?:notice|care)\b[^.!?]{0,10}\bif i (?:died|was gone|were gone|disappeared|was dead)\b/,
  ),
  rule(
    'pain_end_forever',
    'high',
    'subject',
    'wanting the pain to end for good',
    /\b(?:want|need|wish) (?:the|this|my|all the) pain to (?:end|stop|go away) (?:permanently|forever|for good|for ever)\b/,
  ),
  rule(
    'pills_laid_out',
    'imminent',
    'subject',
    'pills laid out',
    /\b(?:all|enough|a pile of|a handful of|all of) (?:my |the |of my )?(?:pills|tablets|painkillers|paracetamol|sleeping pills|antidepressants) (?:on the (?:table|bed|counter|side)|in front of me|lined up|laid out|counted out|ready)\b/,
  ),
  rule(
    'rehearsal',
    'imminent',
    'subject',
    'rehearsing: a weapon or rope held to oneself',
    /\b(?:held|hold|holding|put|had|pressed) (?:a|the|my) (?:gun|knife|rope|blade|belt|cord) (?:to|against|around|round) my (?:head|neck|throat|wrists?|chest)\b/,
  ),
  rule(
    'pills_out_but',
    'high',
    'subject',
    'took the pills out but stopped',
    /\b(?:took|counted|got|poured) out (?:the|my|all my|all the) (?:pills|tablets|painkillers)\b/,
  ),
  rule(
    'researching_ways',
    'high',
    'subject',
    'researching ways to die',
    /\b(?:researching|researched|searching|searched|googling|googled|looking up|looked up) (?:ways|methods|how) to (?:die|end it|end my life|kill myself|overdose)\b/,
  ),
  // Audit of phrasings hidden by idioms (hang on, curl up and die, x is killing me) and of
  // someone saying they will jump.
  rule(
    'can_not_hold_on',
    'high',
    'subject',
    'cannot hold on much longer',
    // Not when a physical hold or a wait is named: "my arms are tired", "for the bus".
    new RegExp(
      `(?<!\\b${physicalHold}\\b[^.!?]*)\\b(?:(?:can not|could not|not able to|unable to) (?:hang|hold) on (?:much |any |for much )?(?:longer|more)\\b|(?:can not|could not) (?:hang|hold) on anymore\\b)(?![^.!?]*\\b${physicalHold}\\b)`,
    ),
  ),
  rule(
    'curl_up_and_die',
    'moderate',
    'subject',
    'wanting to curl up and die',
    // Embarrassment ("when i tripped", "so embarrassed") is an idiom: idiom.want_to_die_embarrassed.
    /\b(?:want|wanted|wish i could|would like) to (?:just )?curl up and die\b/,
  ),
  rule(
    'living_is_killing_me',
    'moderate',
    'subject',
    'life itself hurting them',
    /\b(?:living|life|being alive|existing|my life) (?:is|is slowly|is just) killing me\b/,
  ),
  rule(
    'will_jump',
    'high',
    'subject',
    'saying they will jump from a height',
    // A height or vehicle named after it, or a person at a height before a bare "will jump", or
    // a threat to jump. Not "the price will jump" nor "i will jump off at the next stop".
    new RegExp(
      `\\b(?:will|would|might|is going to|are going to|am going to) jump${jumpWhere}|${atHeightBefore}\\b(?:i|he|she|they) (?:will|would|might|is going to|am going to|are going to) jump(?= ?$| ?[.!?,])|\\b(?:threatening|threatens|threatened) to jump\\b`,
    ),
  ),
];
