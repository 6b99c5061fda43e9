/**
 * Compiles the ConText rules into a token trie and finds the modifiers of one sentence in one pass
 * (longest match first, left to right: "no evidence of" wins over "no", a PSEUDO phrase such as
 * "no increase" consumes its tokens without modifying anything).
 */
import type {
  ContextCategory,
  ContextDirection,
  ContextRuleData,
  ContextRuleSource,
} from './context-rule.ts';
import { CONTEXT_RULE_DATA } from './context-rule-data.ts';
import { EXTRA_CONTEXT_RULES } from './context-extra-rules.ts';
import type { Token } from './tokenize.ts';
import { tokenize } from './tokenize.ts';

/** One rule compiled for matching. `category` 'ALL' only on TERMINATE rules that end every scope. */
export interface CompiledContextRule {
  readonly key: string;
  readonly category: ContextCategory | 'ALL';
  readonly direction: ContextDirection;
  readonly source: ContextRuleSource;
  /** "ruled out", "was ruled out", "rules him out for": a negation that says the condition was excluded. */
  readonly ruledOut: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  rules: CompiledContextRule[] | undefined;
}

/** A rule occurrence in a sentence: tokens [tokStart, tokEnd) and its scope [scopeStart, scopeEnd). */
export interface Modifier {
  readonly rule: CompiledContextRule;
  readonly tokStart: number;
  readonly tokEnd: number;
  scopeStart: number;
  scopeEnd: number;
}

const RULED_OUT = /\brule[sd]?\b.*\bout\b/;

function compileRule(
  key: string,
  category: ContextCategory | 'ALL',
  direction: ContextDirection,
  source: ContextRuleSource,
): CompiledContextRule {
  const ruledOut = category === 'NEGATED_EXISTENCE' && direction !== 'TERMINATE' && RULED_OUT.test(key);
  return { key, category, direction, source, ruledOut };
}

/** All rules by token key: the generated ones, then medcode's extras replacing same-key rules. */
function collectRules(): Map<string, CompiledContextRule[]> {
  const byKey = new Map<string, CompiledContextRule[]>();
  for (const [key, category, direction, source] of CONTEXT_RULE_DATA as readonly ContextRuleData[]) {
    const list = byKey.get(key) ?? [];
    list.push(compileRule(key, category, direction, source));
    byKey.set(key, list);
  }
  const replaced = new Set<string>();
  for (const [literals, category, direction] of EXTRA_CONTEXT_RULES) {
    for (const literal of literals.split('|')) {
      const key = tokenize(literal)
        .map((t) => t.norm)
        .join(' ');
      if (!key) continue;
      if (!replaced.has(key)) byKey.set(key, []);
      replaced.add(key);
      byKey.get(key)!.push(compileRule(key, category, direction, 'medcode'));
    }
  }
  return byKey;
}

function buildTrie(byKey: Map<string, CompiledContextRule[]>): Map<string, TrieNode> {
  const root = new Map<string, TrieNode>();
  for (const [key, rules] of byKey) {
    let level = root;
    let node: TrieNode | undefined;
    for (const part of key.split(' ')) {
      node = level.get(part);
      if (!node) {
        node = { children: undefined, rules: undefined };
        level.set(part, node);
      }
      node.children ??= new Map();
      level = node.children;
    }
    if (node) node.rules = rules;
  }
  return root;
}

const TRIE = buildTrie(collectRules());

/** Longest rule match starting at token i (before `end`): its rules and end token, or undefined. */
function longestMatch(
  tokens: readonly Token[],
  i: number,
  end: number,
): { rules: CompiledContextRule[]; end: number } | undefined {
  let level: Map<string, TrieNode> | undefined = TRIE;
  let best: { rules: CompiledContextRule[]; end: number } | undefined;
  for (let j = i; j < end && level; j++) {
    const node: TrieNode | undefined = level.get(tokens[j]!.norm);
    if (!node) break;
    if (node.rules && node.rules.length > 0) best = { rules: node.rules, end: j + 1 };
    level = node.children;
  }
  return best;
}

/**
 * Longest forward / backward reach of a modifier, in tokens, so that scope stays local. Negation
 * reaches furthest because negated lists are long ("negative for fever, chills, night sweats, ...").
 */
const MAX_FORWARD: Readonly<Record<ContextCategory | 'ALL', number>> = {
  NEGATED_EXISTENCE: 24,
  POSSIBLE_EXISTENCE: 10,
  HYPOTHETICAL: 12,
  HISTORICAL: 10,
  FAMILY: 12,
  ALL: 0,
};
const MAX_BACKWARD = 12;

function isClauseBreak(t: Token): boolean {
  return t.norm === ';' || t.norm === ':';
}

function terminates(t: Modifier, m: Modifier): boolean {
  return (
    t.rule.direction === 'TERMINATE' && (t.rule.category === 'ALL' || t.rule.category === m.rule.category)
  );
}

function setScopes(tokens: readonly Token[], mods: Modifier[], start: number, end: number): void {
  for (const m of mods) {
    if (m.rule.direction === 'TERMINATE') continue;
    if (m.rule.direction !== 'BACKWARD') {
      let e = Math.min(end, m.tokEnd + MAX_FORWARD[m.rule.category]);
      for (let k = m.tokEnd; k < e; k++) if (isClauseBreak(tokens[k]!)) e = k;
      for (const t of mods) if (t.tokStart >= m.tokEnd && t.tokStart < e && terminates(t, m)) e = t.tokStart;
      m.scopeEnd = e;
    }
    if (m.rule.direction !== 'FORWARD') {
      let s = Math.max(start, m.tokStart - MAX_BACKWARD);
      for (let k = m.tokStart - 1; k >= s; k--) if (isClauseBreak(tokens[k]!)) s = k + 1;
      for (const t of mods) if (t.tokEnd <= m.tokStart && t.tokEnd > s && terminates(t, m)) s = t.tokEnd;
      m.scopeStart = s;
    }
  }
}

/** The ConText modifiers of tokens [start, end) (one sentence), with their scopes. */
export function findModifiers(tokens: readonly Token[], start: number, end: number): Modifier[] {
  const mods: Modifier[] = [];
  let i = start;
  while (i < end) {
    const match = longestMatch(tokens, i, end);
    if (!match) {
      i++;
      continue;
    }
    for (const rule of match.rules) {
      if (rule.direction === 'PSEUDO') continue;
      mods.push({ rule, tokStart: i, tokEnd: match.end, scopeStart: match.end, scopeEnd: i });
    }
    i = match.end;
  }
  setScopes(tokens, mods, start, end);
  return mods;
}
