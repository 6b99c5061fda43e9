/** The vocabulary of ConText rules (Harkema et al. 2009; medspaCy's context_rules.json). */

export const ContextCategories = [
  'NEGATED_EXISTENCE',
  'POSSIBLE_EXISTENCE',
  'HISTORICAL',
  'HYPOTHETICAL',
  'FAMILY',
] as const;
export type ContextCategory = (typeof ContextCategories)[number];

/**
 * FORWARD / BACKWARD / BIDIRECTIONAL modifiers scope over the words after / before / around them;
 * TERMINATE ends the scope of modifiers of its category; PSEUDO matches a phrase that looks like a
 * trigger but is not one ("no increase", "gram negative") so that the shorter trigger is not used.
 */
export const ContextDirections = ['FORWARD', 'BACKWARD', 'BIDIRECTIONAL', 'TERMINATE', 'PSEUDO'] as const;
export type ContextDirection = (typeof ContextDirections)[number];

export const ContextRuleSources = ['medspacy', 'negex', 'medcode'] as const;
export type ContextRuleSource = (typeof ContextRuleSources)[number];

/** A compiled rule: the token norms it matches (space-separated), category, direction, origin. */
export type ContextRuleData = readonly [
  tokens: string,
  category: ContextCategory,
  direction: ContextDirection,
  source: ContextRuleSource,
];
