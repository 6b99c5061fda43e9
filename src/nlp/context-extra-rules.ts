/**
 * medcode's own ConText rules, on top of the generated medspaCy / NegEx ones, for what coding needs:
 * ICD-10-CM treats "probable", "suspected", "consistent with", "versus" as uncertain (Guidelines
 * II.H, III.C, IV.H), orders and screenings as not established, and several medspaCy triggers are
 * too broad for coding ("return" would make "return to clinic for diabetes" hypothetical).
 * A sequence listed here replaces every generated rule for the same sequence.
 */
import type { ContextCategory, ContextDirection } from './context-rule.ts';

type Extra = readonly [literals: string, category: ContextCategory | 'ALL', direction: ContextDirection];

const RELATIVES =
  'mother|father|mom|dad|sister|brother|sisters|brothers|sibling|siblings|parents|aunt|uncle|' +
  'grandmother|grandfather|grandparents|cousin|son|daughter|children|maternal grandmother|' +
  'paternal grandmother|maternal grandfather|paternal grandfather|maternal aunt|paternal aunt|' +
  'maternal uncle|paternal uncle';

const backwardRelatives = RELATIVES.split('|')
  .flatMap((r) => [`in her ${r}`, `in his ${r}`, `in the ${r}`, `in a ${r}`, `in ${r}`])
  .join('|');

/** "lives with her husband", "accompanied by his mother": a relative who is not the experiencer. */
const companions = `${RELATIVES}|husband|wife|spouse|partner|boyfriend|girlfriend|family`
  .split('|')
  .flatMap((r) =>
    [
      'lives with',
      'living with',
      'accompanied by',
      'here with',
      'brought in by',
      'brought by',
      'with',
    ].flatMap((v) => [`${v} her ${r}`, `${v} his ${r}`, `${v} the ${r}`, `${v} ${r}`]),
  )
  .join('|');

/** Words that start a clause asserting something present ("..., with", "reports", "shows"). */
const PRESENT_CLAUSES =
  'positive for|significant for|notable for|remarkable for|complains of|complaining of|complained of|' +
  'reports|admits to|endorses|presents|presented|presenting|presents with|presented with|shows|showed|' +
  'revealed|reveals|she has|he has|patient has|pt has|which|who|she does have|he does have|does have|' +
  'with the exception of|, with';

/** Each entry: "|"-separated literals (tokenized like note text), category, direction. */
export const EXTRA_CONTEXT_RULES: readonly Extra[] = [
  // Conjunctions that end every kind of scope.
  ['but|however|although|though|yet|nevertheless|except|aside from|apart from|whereas', 'ALL', 'TERMINATE'],
  // Clauses that assert something present end negation and uncertainty.
  [PRESENT_CLAUSES, 'NEGATED_EXISTENCE', 'TERMINATE'],
  [PRESENT_CLAUSES, 'POSSIBLE_EXISTENCE', 'TERMINATE'],
  ['patient|pt|she|he|the patient|patient has|she has|he has', 'FAMILY', 'TERMINATE'],
  [
    'then|now|currently|presents|presenting|presented|today|which|who|complained of|complains of',
    'HISTORICAL',
    'TERMINATE',
  ],
  // Uncertainty the way coders read it.
  [
    'probable|probably|suspect|suspected|suspicion of|suspicion for|suspicious of|presumed|presumptive|' +
      'possibly|questionable|question of|query|likely|most likely|more likely|consistent with|' +
      'compatible with|concern for|concerning for|concerns for|cannot exclude|cannot rule out|' +
      'can not rule out|could not rule out|evaluate for|evaluation for|to evaluate for|evaluated for|' +
      'workup for|work up for|work-up for|test for|tested for|testing for|checked for|to exclude|' +
      'may have|might have|could have|could be|may be|differential diagnosis|differential diagnoses|' +
      'differential includes|differential diagnosis includes|indicative of|suggests|suggesting',
    'POSSIBLE_EXISTENCE',
    'FORWARD',
  ],
  [
    'cannot be excluded|can not be excluded|not excluded|cannot be ruled out|not been excluded|is suspected|' +
      'was suspected|is likely|is possible|is probable|is questionable|is favored|suspected',
    'POSSIBLE_EXISTENCE',
    'BACKWARD',
  ],
  ['versus|vs|vs.|or possibly', 'POSSIBLE_EXISTENCE', 'BIDIRECTIONAL'],
  // Negation NegEx and medspaCy miss.
  [
    'absent|not seen|not identified|not present|not noted|not found|not demonstrated',
    'NEGATED_EXISTENCE',
    'BACKWARD',
  ],
  [
    'neither|nor|no signs or symptoms of|no sign or symptom of|denied any|denies any|without evidence of',
    'NEGATED_EXISTENCE',
    'FORWARD',
  ],
  [
    'was ruled out for|is ruled out for|were ruled out for|been ruled out for|has been ruled out for|' +
      'have been ruled out for|was ruled out with|is ruled out with',
    'NEGATED_EXISTENCE',
    'FORWARD',
  ],
  ['ruled out', 'NEGATED_EXISTENCE', 'BIDIRECTIONAL'],
  ['negative|is negative|are negative|came back negative', 'NEGATED_EXISTENCE', 'BACKWARD'],
  // Hypothetical and conditional: orders, screenings, precautions, prevention.
  [
    'risks and benefits|risks including|complications including|risks such as|in case|in the event|unless|should she|should he|should the patient|watch for|monitor for|' +
      'precautions|at risk for|risk for|to prevent|prevention of|screening for|screen for|' +
      'in order to prevent|when needed|prn',
    'HYPOTHETICAL',
    'FORWARD',
  ],
  // History.
  [
    'status post|s/p|previous|previously|prior|remote history of|remote|history significant for',
    'HISTORICAL',
    'FORWARD',
  ],
  [
    'in the past|years ago|months ago|as a child|in childhood|in remote past|resolved',
    'HISTORICAL',
    'BACKWARD',
  ],
  // Family.
  [
    "maternal|paternal|fhx|family hx|family history|the family history|patient's family history|the patient's family history",
    'FAMILY',
    'FORWARD',
  ],
  [backwardRelatives, 'FAMILY', 'BACKWARD'],
  [companions, 'FAMILY', 'PSEUDO'],
  // Look like triggers, are not.
  [
    'return|return to clinic|return to the clinic|return visit|history of present illness|' +
      'history of the present illness|history and physical|social history|family practice|' +
      'family physician|family doctor|family medicine|family members|family member|no change|' +
      'no significant change|no interval change|no increase|not only|gram negative|negative pressure|not certain whether|' +
      'not necessarily|without difficulty|without complication|without complications|' +
      'likely to|free water|free air|free fluid|risk factors|if any|' +
      "not able to|not sure|no longer smokes|prior to|the child|this child|the children|patient's family|" +
      "the patient's family|or not|whether or not|" +
      'the family|with family|with the family|family was|family is|family and|family agrees|family present|' +
      'family at bedside',
    'NEGATED_EXISTENCE',
    'PSEUDO',
  ],
];
