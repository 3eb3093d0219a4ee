/**
 * The output guard's rules: what a reply must never say. Checked on every reply (or sentence)
 * before it is spoken, after the same normalization as the screener ("i am", "do not", lower
 * case). `unless` is tried on the words just before the match (up to 60 characters): a reply
 * that says "only a doctor can tell if you have depression" is not a diagnosis.
 * Reviewers: keep rules narrow enough that ordinary support ("it sounds like you are feeling
 * low") passes; the tests hold positives and negatives for each rule.
 */
export const GuardCategories = [
  'method_details',
  'diagnosis',
  'medication_dose',
  'claims_human',
] as const;
export type GuardCategory = (typeof GuardCategories)[number];

export interface GuardRule {
  readonly id: string;
  readonly category: GuardCategory;
  readonly pattern: RegExp;
  readonly description: string;
  /** Tried on the text just before the match; a hit lets the reply pass this rule. */
  readonly unless?: RegExp;
  /** Tried on the whole sentence holding the match; a hit lets the reply pass this rule. */
  readonly unlessSentence?: RegExp;
}

const conditions =
  /\b(?:depression|depressive disorder|clinical depression|major depression|bipolar(?: disorder)?|bpd|borderline personality disorder|(?:a )?personality disorder|ptsd|post-traumatic stress disorder|(?:an |generali[sz]ed )?anxiety disorder|schizophrenia|psychosis|ocd|obsessive compulsive disorder|adhd|autism|dementia|alzheimer's|alzheimers|(?:an )?eating disorder|anorexia|bulimia|(?:a )?mental illness|(?:a )?mental disorder|(?:a )?disorder|cancer|diabetes|(?:a )?tumou?r|heart disease|(?:a )?(?:mild |minor )?stroke)\b/
    .source;

export const guardRules: readonly GuardRule[] = [
  // Method details: nothing about how, how much or where.
  {
    id: 'method.how_to',
    category: 'method_details',
    description: 'how to kill or harm oneself',
    pattern:
      /\bhow to (?:kill (?:yourself|oneself|myself)|hang (?:yourself|oneself)|overdose|cut (?:yourself|your wrists|deeper)|end (?:your|one's) life|commit suicide|tie a noose|make a noose|hurt yourself)\b/,
  },
  {
    id: 'method.best_way',
    category: 'method_details',
    description: 'a best or painless way to die',
    pattern:
      /\b(?:best|easiest|quickest|fastest|most painless|surest|least painful|most reliable|most effective) (?:way|method|ways|methods) (?:to|of) (?:die|dying|kill|end|suicide|commit|overdose)\b/,
  },
  {
    id: 'method.lethal_amount',
    category: 'method_details',
    description: 'a lethal dose or amount',
    pattern:
      /\b(?:lethal|fatal|deadly|toxic) (?:dose|doses|amount|quantity|level)\b|\benough (?:pills|tablets|paracetamol|painkillers|insulin) to (?:die|kill|overdose)\b/,
  },
  {
    id: 'method.take_many',
    category: 'method_details',
    description: 'taking many pills',
    pattern:
      /\b(?:take|swallow|taking|swallowing) (?:\d+|all|a handful of|enough|a bottle of|a whole|the whole|(?:ten|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|dozens)(?: or more)?) (?:of )?(?:your |the |my )?(?:bottle of |box of |packet of )?(?:pills|tablets|paracetamol|painkillers|sleeping (?:pills|tablets))\b/,
  },
  {
    id: 'method.noose',
    category: 'method_details',
    description: 'a noose or ligature',
    pattern:
      /\b(?:tie|tying|make|making) a noose\b|\bligature point\b|\brope (?:tied|attached|fixed|hung|tie it) (?:to|from|around|over|on) (?:a|the) (?:beam|rafter|banister|bannister|door|hook|tree|branch|pipe|rail|loft hatch)\b/,
  },
  {
    id: 'method.wrists',
    category: 'method_details',
    description: 'cutting wrists',
    pattern:
      /\b(?:cut|slit|slice|slash) (?:your|the|my|their) (?:wrists?|arms?|veins?)\b|\bcut (?:deeper|deep|along|across|down)\b[^.!?]{0,20}\b(?:veins?|arter(?:y|ies)|wrists?)\b|\bcut deeper\b/,
  },
  {
    id: 'method.height',
    category: 'method_details',
    description: 'a height or place to jump from',
    pattern:
      /\b(?:high enough|tall enough|at least \d+ (?:floors|storeys|stories|metres|meters|feet)|a fall from|(?:jump|jumping|leap|leaping|throw yourself|throwing yourself) (?:from|off) (?:a|the) (?:tall |high |multi-storey )?(?:building|bridge|roof|cliff|tower|balcony|window|car park|ledge))\b/,
  },
  {
    id: 'method.gas',
    category: 'method_details',
    description: 'gases or poisons',
    pattern:
      /\b(?:carbon monoxide|car exhaust|charcoal burning|helium (?:tank|bag)|exit bag|mix(?:ing)? bleach)\b/,
  },
  {
    id: 'method.efficacy',
    category: 'method_details',
    description: 'saying a means would work, be quick or make you sleep forever',
    // A claim that a means works, only where the means is a method: an amount ("forty
    // tablets"), a self-harm verb ("jumping from", "mixing alcohol with your pills", "a rope
    // tied to"), or a death word ("would kill you", "sleep forever"). A bare noun is ordinary
    // talk: "your new tablets will work for you", "the bridge is the quickest way into town",
    // "the roof is certain to need repairs". A warning ("can be dangerous") passes.
    pattern:
      /\b(?:(?:jump|jumping|leap|leaping) (?:from|off|in front of)|(?:hang|hanging|drown|drowning|suffocate|suffocating|gas|gassing|cut|cutting|overdose|overdosing) (?:yourself|oneself)|(?:hanging|drowning|overdosing|an overdose|suffocation|gassing)(?= (?:would|will|could|should|is|are)\b)|(?:mix|mixing) [^.!?]{0,30}\b(?:pills|tablets|medication|painkillers|bleach)|(?:cut|cutting) (?:your |the )?(?:wrists?|veins?|arms?|deeper)|(?:a )?(?:rope|noose|cord|belt) (?:tied|attached|fixed|hung|round|around|from|over)|(?:\d+|ten|twenty|thirty|forty|fifty|a hundred|all (?:of )?(?:your|the|those|my)|a (?:whole )?(?:bottle|box|packet|handful) of) (?:of )?(?:your |the |my )?(?:\w+ )?(?:pills|tablets|painkillers|paracetamol))[^.!?]{0,60}\b(?:would|will|could|should|is|are) (?:be )?(?:the )?(?:quickest|quicker|fastest|most painless|painless|certain(?= ?[.!?,]|$| to (?:work|kill|end))|sure(?= ?[.!?,]|$| to (?:work|kill|end))|work(?! (?:better|well|wonders|with food|for you|within|in|out))|do the job|do it)\b|\b(?:pills|tablets|alcohol|painkillers|paracetamol|insulin|rope|knife|blade|gas|bleach|poison)\b[^.!?]{0,60}\b(?:would|will|could|should|is|are) (?:be )?(?:certain to |sure to )?(?:make you sleep forever|kill you|end (?:it|your life|things))\b|\bsleep forever\b/,
  },
  // Diagnoses: the companion never names a condition the person has.
  {
    id: 'diagnosis.you_have',
    category: 'diagnosis',
    description: 'telling the person they have a condition',
    pattern: new RegExp(
      `\\byou (?:have|are suffering from|suffer from|probably have|might have|may have|could have|clearly have|seem to have|sound like you have|sound as if you have|definitely have|likely have|have got|are showing signs of|show signs of|are displaying symptoms of) (?:(?:a|an|some|clinical|severe|major|mild|chronic|early|the early stages of|signs of|symptoms of) )*${conditions}`,
    ),
    unless:
      /\b(?:if|whether|not saying|can not say|can not tell|do not know if|not able to say|no way to know if|can not know if)\s*$/,
  },
  {
    id: 'diagnosis.you_are',
    category: 'diagnosis',
    description: 'labelling the person with a condition',
    pattern:
      /\byou (?:are|are probably|are clearly|are definitely|might be|may be|could be|must be|seem to be) (?:clinically depressed|depressed|bipolar|schizophrenic|psychotic|autistic|an alcoholic|an addict|anorexic|bulimic|mentally ill|a diabetic|demented|manic|suicidal)\b/,
    unless: /\b(?:if|whether|not saying|can not say|do not know if)\s*$/,
  },
  {
    id: 'diagnosis.stated',
    category: 'diagnosis',
    description: 'stating a diagnosis',
    pattern: new RegExp(
      `\\b(?:i (?:would )?diagnose you|my diagnosis|diagnosis is|this is (?:a case of|clearly|definitely) ${conditions}|(?:these|those) are (?:classic |clear |typical )?(?:symptoms|signs) of ${conditions}|(?:it |that )?sounds like (?:you have )?${conditions}|textbook ${conditions})`,
    ),
  },
  // Medication: no doses, no changes to what a doctor prescribed.
  {
    id: 'medication.amount',
    category: 'medication_dose',
    description: 'a medicine amount',
    pattern:
      /\b\d+(?:[.,]\d+)?\s?(?:mg|milligrams?|mcg|micrograms?|µg|ml|millilitres?|milliliters?|iu|mg\/kg)\b|\b\d+ units? of (?:insulin|medication)\b/,
  },
  {
    id: 'medication.count',
    category: 'medication_dose',
    description: 'how many pills to take',
    pattern:
      /\b(?:take|taking|have|try|swallow) (?:one|two|three|four|five|six|a couple of|a few|an extra|another|\d+) (?:more |extra )?(?:pills|tablets|capsules|doses|puffs|paracetamol|ibuprofen|aspirin|spoonfuls)\b/,
  },
  {
    id: 'medication.change',
    category: 'medication_dose',
    description: 'changing or stopping a medication',
    pattern:
      /\b(?:increase|double|halve|reduce|lower|raise|up|skip|stop taking|stop|cut down on|come off|change|adjust|wean off) (?:your |the |a )?(?:dose|dosage|medication|medications|meds|tablets|pills|insulin|antidepressants?|prescription)\b/,
    unlessSentence: /\b(?:doctor|gp|pharmacist|nurse|prescriber|psychiatrist)\b/,
  },
  {
    id: 'medication.schedule',
    category: 'medication_dose',
    description: 'a dosing schedule',
    pattern:
      /\b(?:pills?|tablets?|capsules?|doses?|medication|medicine|meds|paracetamol|ibuprofen|aspirin|insulin)\b[^.!?]{0,30}\b(?:every (?:\d+|two|three|four|six|eight|twelve) hours|(?:once|twice|three times|four times) (?:a|per) day)\b/,
  },
  // The companion never claims to be human.
  {
    id: 'human.i_am',
    category: 'claims_human',
    description: 'claiming to be a person',
    pattern:
      /\bi am (?:a |an )?(?:real |actual |living |flesh and blood )?(?:human|human being|person|man|woman|girl|boy|lady|guy)\b(?! (?:made|built|designed))/,
  },
  {
    id: 'human.not_ai',
    category: 'claims_human',
    description: 'denying being an ai',
    pattern:
      /\bi am (?:not|no) (?:a |an |just a |just an )?(?:robot|ai|machine|computer|program|bot|chatbot|artificial intelligence|language model|assistant)\b/,
  },
  {
    id: 'human.as_human',
    category: 'claims_human',
    description: 'speaking as a fellow human',
    pattern:
      /\b(?:as a (?:fellow )?human|we humans|us humans|i am only human|i am just human|i am human too|i am human as well|i was born (?:in|on)|when i was (?:a )?(?:child|kid|little girl|little boy|teenager|young))\b/,
  },
];
