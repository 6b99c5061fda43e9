/**
 * The Alphabetic Index's phrases for the dictionary: main terms, first- and second-level subterms before and
 * after the main term's head word ("Pneumonia, lobar" gives "lobar pneumonia" and "pneumonia lobar"), and
 * the index's cross-references: a main term that only says "see" another ("Lithiasis - see Calculus") leads
 * where the other leads, its subterms included ("renal lithiasis" as "renal calculus"), and a "see" that
 * names a subterm ("Exotropia - see Strabismus, divergent concomitant") leads to that subterm's code, and a
 * main term that says "see also" another ("Deficit - see also Deficiency") also names the other's subterms,
 * and the other's code when it has none of its own ("Paresis - see also Paralysis": G83.9). Subterms also join
 * the main term's other head forms ("Atrophy, atrophic > kidney": "atrophic kidney"); a site word before
 * adenopathy or edema says "localized" (R59.0, R60.0); "NEC" is no word of a phrase.
 */
import type { IndexTerm } from '../../terminology/model.ts';
import type { DictionaryEntry } from './code-dictionary.ts';
import { phraseTokens, isStopword } from '../text/note-tokens.ts';
import { sameSiteWords, siteAdjectives } from './site-adjectives.ts';

export type AddPhrase = (tokens: readonly string[], entry: DictionaryEntry) => void;

export const MAX_PHRASE = 6;
// "Other" stays: "Other hypertension" (I1A) must not be reached by "hypertension" alone.
// "Enterococcus as the cause of diseases classified elsewhere" (B95.2) is named by the organism alone.
const DROP =
  /\b(unspecified|not otherwise specified|nos|(in|as the cause of) diseases classified elsewhere)\b/gi;

/**
 * The content tokens of a title or term: qualifiers and parentheses removed; [] when nothing is left, or
 * (unless `short` is allowed, for a subterm joined to its main term: "Hepatitis, C") when no word has more
 * than two letters.
 */
export function titlePhrase(title: string, short = false): string[] {
  const core = title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(DROP, ' ')
    // "Pain > neck NEC" (not elsewhere classified, 5,761 index titles) is written "neck pain".
    .replace(/\bNEC\b/g, ' ');
  const tokens = phraseTokens(core);
  // "Hepatitis A": a trailing "a" is a type letter, which the matcher cannot tell from the article.
  if (tokens.length > 1 && tokens[tokens.length - 1] === 'a') return [];
  while (tokens.length > 0 && isStopword(tokens[tokens.length - 1]!)) tokens.pop();
  while (tokens.length > 0 && isStopword(tokens[0]!)) tokens.shift();
  return tokens.length <= MAX_PHRASE && (short || tokens.some((t) => t.length > 2)) ? tokens : [];
}

/**
 * A main term's head phrases: its title and its head word (the first comma part), then the titles of the
 * main terms that only "see" it.
 */
interface MainHeads {
  readonly title: string[];
  readonly word: string[];
  /** The title's other forms of its head word ("Atrophy, atrophic": "atrophic kidney" too). */
  readonly forms: string[][];
  readonly aliases: string[][];
}
type Heads = Map<number, MainHeads>;

/** The phrases a first-level subterm joins (the title, the head word, its forms, the aliases), without repeats. */
function firstLevelHeads(h: MainHeads | undefined): string[][] {
  return h ? uniquePhrases([h.title, h.word, ...h.forms, ...h.aliases].filter((p) => p.length > 0)) : [];
}

/** The phrases a second-level subterm joins: the head word, its forms and the aliases. */
function secondLevelHeads(h: MainHeads | undefined): string[][] {
  return h ? uniquePhrases([h.word, ...h.forms, ...h.aliases].filter((p) => p.length > 0)) : [];
}

/** Adds the index's phrases (main terms, subterms to level 2, cross-references) through `add`. */
export function addIndexPhrases(add: AddPhrase, terms: readonly IndexTerm[]): void {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const heads: Heads = new Map();
  for (const t of terms) {
    if (t.level !== 0) continue;
    const forms = t.title.includes(',') ? commaParts(t.title, 5).forms.slice(1) : [];
    heads.set(t.id, {
      title: titlePhrase(t.title),
      word: titlePhrase(t.title.split(',')[0]!),
      forms: forms.map((f) => titlePhrase(f)),
      aliases: [],
    });
  }
  addCrossReferences(add, terms, heads);
  for (const raw of terms) {
    // A trailing "-" in the index means "more characters needed"; specificity rules complete the code.
    const term = raw.code?.endsWith('-') ? { ...raw, code: raw.code.slice(0, -1) } : raw;
    if (!term.code || term.level > 2) continue;
    if (term.level === 0) addMainTerm(add, term);
    else if (term.level === 1) {
      addFirstLevel(add, term, firstLevelHeads(heads.get(term.parent!)), byId);
      addLocalized(add, term, byId.get(term.parent!), terms, heads);
    } else {
      const up = term.parent === undefined ? undefined : byId.get(term.parent);
      const main = up?.parent === undefined ? undefined : byId.get(up.parent);
      if (up && main) addSecondLevel(add, main, up, term, secondLevelHeads(heads.get(main.id)));
    }
  }
}

function uniquePhrases(phrases: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => {
    const key = p.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function addMainTerm(add: AddPhrase, term: IndexTerm): void {
  const own = titlePhrase(term.title);
  // "Diabetes, diabetic (mellitus)": "mellitus" before the title, and before and after the head word
  // ("diabetes mellitus", "arterial hypertension").
  const word = term.title.split(',')[0]!;
  const withNemod =
    term.nemod?.flatMap((m) => [
      titlePhrase(`${m} ${term.title}`),
      titlePhrase(`${m} ${word}`),
      titlePhrase(`${word} ${m}`),
    ]) ?? [];
  // "Hypertension, hypertensive": the head form and its variants (same stem) lead too, but not the listed
  // alternatives ("Klippel-Feil deficiency, disease, or syndrome" must not give "disease").
  const forms = term.title.includes(',') ? commaParts(term.title, 5).forms.map((p) => titlePhrase(p)) : [];
  for (const p of [own, ...withNemod, ...forms])
    add(p, { code: term.code!, source: 'index', path: term.title });
}

/** "Fracture, traumatic > wrist": the subterm before and after each head of the main term ("wrist fracture"). */
function addFirstLevel(
  add: AddPhrase,
  term: IndexTerm,
  mainHeads: readonly string[][],
  byId: ReadonlyMap<number, IndexTerm>,
): void {
  const main = byId.get(term.parent!);
  if (!main) return;
  const entry = { code: term.code!, source: 'index', path: `${main.title} > ${term.title}` } as const;
  // "Infection > urinary (tract)": "urinary tract infection" too.
  const withNemod = term.nemod?.map((m) => titlePhrase(`${term.title} ${m}`, true)) ?? [];
  addAroundHeads(
    add,
    [...subtermForms(term.title), ...withNemod.filter((p) => p.length > 0)],
    mainHeads,
    entry,
  );
}

/** Each of a subterm's phrases before and after each head of its main term, within the phrase length limit. */
function addAroundHeads(
  add: AddPhrase,
  phrases: readonly string[][],
  heads: readonly string[][],
  entry: DictionaryEntry,
): void {
  for (const own of phrases) {
    for (const head of heads) {
      if (own.length + head.length > MAX_PHRASE) continue;
      add([...own, ...head], entry);
      add([...head, ...own], entry);
    }
  }
}

/**
 * A subterm's phrases: "genital, genitalis" lists forms of one word (each a phrase); otherwise the title is
 * one phrase ("with coma, hepatic" keeps its words together).
 */
export function subtermForms(title: string): string[][] {
  const { forms, rest } = commaParts(title);
  return (forms.length > 1 && rest === undefined ? forms : [title])
    .map((f) => titlePhrase(f, true))
    .filter((p) => p.length > 0);
}

/**
 * A title's comma parts: `forms`, the first part and the parts that are forms of its word (they start with its
 * first `stem` letters: "Hypertension, hypertensive"), and `rest`, all the parts after the first joined, when
 * some part is not such a form: the title is then inverted ("Mellitus, diabetes"; "lingula, lung").
 */
export function commaParts(title: string, stem = 4): { first: string; forms: string[]; rest?: string } {
  const parts = title.split(',').map((p) => p.trim());
  const first = parts[0]!;
  const head = first.slice(0, stem).toLowerCase();
  const forms = parts.filter((p, i) => i === 0 || p.toLowerCase().startsWith(head));
  return forms.length === parts.length ? { first, forms } : { first, forms, rest: parts.slice(1).join(' ') };
}

/** A subterm of one character, a type letter ("Hepatitis > C", "Deficiency > vitamin > D") or number. */
function isTypeLetter(phrase: readonly string[]): boolean {
  return phrase.length === 1 && phrase[0]!.length === 1;
}

/**
 * "Fracture, traumatic > tibia > upper end": the subterms before and after the main term's head word ("upper
 * end tibia fracture", "fracture tibia upper end"), within the phrase length limit.
 */
function addSecondLevel(
  add: AddPhrase,
  main: IndexTerm,
  sub: IndexTerm,
  term: IndexTerm,
  mainHeads: readonly string[][],
): void {
  const entry = {
    code: term.code!,
    source: 'index',
    path: `${main.title} > ${sub.title} > ${term.title}`,
  } as const;
  for (const mid of subtermForms(sub.title)) {
    for (const own of subtermForms(term.title)) {
      for (const head of mainHeads) {
        if (head.length + mid.length + own.length > MAX_PHRASE) continue;
        add([...own, ...mid, ...head], entry);
        add([...head, ...mid, ...own], entry);
        // A type letter stays with the word it types: "chronic hepatitis C", "vitamin D deficiency".
        if (isTypeLetter(mid)) add([...own, ...head, ...mid], entry);
        if (isTypeLetter(own)) add([...mid, ...own, ...head], entry);
      }
    }
  }
}

/**
 * Main terms that only "see" another: a main-term target lends them its phrases (they become one of its
 * heads); a subterm target gives them its code. "see condition" (anatomical sites) leads nowhere.
 */
function addCrossReferences(add: AddPhrase, terms: readonly IndexTerm[], heads: Heads): void {
  const mains = new Map<string, IndexTerm>();
  const children = new Map<number, IndexTerm[]>();
  for (const t of terms) {
    if (t.level === 0) {
      if (!mains.has(bareTitle(t.title))) mains.set(bareTitle(t.title), t);
    } else if (t.parent !== undefined) {
      const list = children.get(t.parent) ?? [];
      list.push(t);
      children.set(t.parent, list);
    }
  }
  // "see Calculus" names "Calculus, calculi, calculous" by its head word; "see Complications, vaccination"
  // names "Complication(s)" by its plural (the parser keeps the "(s)" apart, as a nonessential modifier).
  for (const t of terms) {
    if (t.level !== 0) continue;
    const word = bareTitle(t.title.split(',')[0]!);
    if (!mains.has(word)) mains.set(word, t);
    const ending = t.nemod?.find((m) => m === 's' || m === 'es');
    const plural = ending && bareTitle(t.title) + ending;
    if (plural && !mains.has(plural)) mains.set(plural, t);
  }
  for (const t of terms) {
    // "Deficit - see also Deficiency": its own subterms, and Deficiency's under its name.
    if (t.level === 0 && t.seeAlso) {
      const target = resolveSee(t.seeAlso, mains, children);
      const own = heads.get(t.id);
      if (target?.level === 0 && target !== t && own) heads.get(target.id)?.aliases.push(own.word);
      // "Paresis - see also Paralysis" with no code of its own: the coder finds the bare term's code there.
      const code = codeOf(target);
      if (!t.code && code && target !== t && !NOT_LENT.has(bareTitle(t.title.split(',')[0]!))) {
        const path = `${t.title} (see also ${t.seeAlso})`;
        for (const p of seeTermNames(t.title)) add(p, { code, source: 'index', path });
      }
    }
    if (t.level === 1 && !t.code && t.see) {
      const code = diabetesSeeCode(t.see) ?? codeOf(resolveSee(t.see, mains, children));
      addSubtermSee(add, t, code, heads);
    }
    if (t.level !== 0 || t.code || !t.see) continue;
    const target = resolveSee(t.see, mains, children);
    const phrases = seeTermNames(t.title);
    if (target?.level === 0) heads.get(target.id)?.aliases.push(...phrases);
    const code = diabetesSeeCode(t.see) ?? codeOf(target);
    if (!code) continue;
    const path = `${t.title} (see ${t.see})`;
    for (const p of phrases) add(p, { code, source: 'index', path });
  }
}

/**
 * Main terms that are words of ordinary English, whose "see also" target is one sense of many: "deficit" is
 * mostly neurological, not a deficiency (E63.9); "abnormal" is not a congenital anomaly (Q89.9); "sinus" is
 * mostly sinus rhythm, not a fistula; "contact", "admission", "sensitive" name no condition alone. They keep
 * their subterms and the target's subterms, not the target's code. Read off the 197 main terms the rule
 * reaches in the FY2023 index.
 */
const NOT_LENT: ReadonlySet<string> = new Set([
  'abnormal',
  'admission',
  'bacillus',
  'blind',
  'clot',
  'contact',
  'deficit',
  'gestation',
  'immaturity',
  'mole',
  'neonatal',
  'sensitive',
  'sinus',
  'surveillance',
  'triplet',
  'tubercle',
  'twin',
  'unequal length',
  'worm',
]);

/**
 * The names a main term that "see"s another stands for: its title, and the title's comma parts as forms of one
 * word ("Ureterolith, ureterolithiasis") or, when they are not, inverted ("Mellitus, diabetes" is "diabetes
 * mellitus", never "mellitus" alone).
 */
function seeTermNames(title: string): string[][] {
  const { first, forms, rest } = commaParts(title);
  const names = rest === undefined ? forms : [`${rest} ${first}`];
  return uniquePhrases([titlePhrase(title), ...names.map((n) => titlePhrase(n))].filter((p) => p.length > 0));
}

/**
 * "Hemorrhage > subarachnoid - see Hemorrhage, intracranial, subarachnoid": the subterm with its main term's
 * heads leads to the target's code.
 */
function addSubtermSee(add: AddPhrase, t: IndexTerm, code: string | undefined, heads: Heads): void {
  if (!code || t.parent === undefined) return;
  const entry = { code, source: 'index', path: `${t.title} (see ${t.see})` } as const;
  addAroundHeads(add, subtermForms(t.title), firstLevelHeads(heads.get(t.parent)), entry);
}

/** A term's code without the index's trailing "-" (a category whose children the tabular lists). */
function codeOf(term: IndexTerm | undefined): string | undefined {
  return term?.code?.replace(/-$/, '');
}

/**
 * "Nephropathy, diabetic - see E08-E13 with .21": the category of the diabetes the note states, which the
 * phrase does not; diabetes of no stated type is E11 (Guidelines I.C.4.a.2), so E11.21. "with .3-" names the
 * subcategory E11.3.
 */
function diabetesSeeCode(see: string): string | undefined {
  const m = /^E08-E13 with\s+\.(\d+)-?$/.exec(see.trim());
  return m ? `E11${m[1]}` : undefined;
}

/** A title without nonessential modifiers and "NEC", lower case, for finding a "see" target. */
export function bareTitle(title: string): string {
  return (
    title
      .replace(/\([^)]*\)/g, ' ')
      // "see Dependence, drug, nicotine" names the subterm "drug NEC".
      .replace(/\bNEC\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
  );
}

/**
 * "Strabismus, divergent concomitant": the main term, then each subterm below it by title. A subterm the term
 * lists under "with" may be named without it, as the index's own references do ("Retinopathy, diabetic - see
 * Diabetes, retinopathy": Diabetes > with > retinopathy, E11.319).
 */
function resolveSee(
  see: string,
  mains: ReadonlyMap<string, IndexTerm>,
  children: ReadonlyMap<number, readonly IndexTerm[]>,
): IndexTerm | undefined {
  const parts = see.split(',').map(bareTitle);
  const child = (term: IndexTerm, title: string): IndexTerm | undefined => {
    const list = children.get(term.id);
    const own = list?.find((c) => bareTitle(c.title) === title);
    if (own || title === 'with') return own;
    const withTerm = list?.find((c) => bareTitle(c.title) === 'with');
    return withTerm && children.get(withTerm.id)?.find((c) => bareTitle(c.title) === title);
  };
  // Some main terms hold a comma themselves ("Urethra, urethral"): take the longest main-term prefix.
  for (let n = parts.length; n > 0; n--) {
    let term = mains.get(parts.slice(0, n).join(', '));
    for (let i = n; term && i < parts.length; i++) term = child(term, parts[i]!);
    if (term) return term;
  }
  return undefined;
}

/**
 * Conditions the index divides into localized and generalized, where a note says "localized" by naming the
 * site: "inguinal lymphadenopathy", "retroperitoneal adenopathies" (Adenopathy > localized, R59.0), "genital
 * edema" (Edema > localized, R60.0). Only these heads: for most main terms a site is no sign of "localized"
 * ("spinal osteoporosis" is not Lequesne's localized osteoporosis, M81.6).
 */
const LOCALIZED_BY_SITE: ReadonlySet<string> = new Set(['adenopathy', 'lymphadenopathy', 'edema']);

/** Regions of lymph nodes and swelling not in the site-adjective table (folded tokens). */
const REGIONS = [
  'cervical',
  'laterocervical',
  'supraclavicular',
  'submandibular',
  'submental',
  'occipital',
  'preauricular',
  'axillary',
  'hilar',
  'perihilar',
  'paratracheal',
  'subcarinal',
  'paraaortic',
  'periaortic',
  'mesenteric',
  'iliac',
  'celiac',
  'periportal',
  'peripancreatic',
  'intraabdominal',
  'popliteal',
  'epitrochlear',
  'genital',
  'periorbital',
  'pretibial',
];

/**
 * "Edema > localized": the main term's head after each site word and before it (translated Spanish keeps
 * "adenopathies retroperitoneal"), except the sites the main term has a subterm of its own for ("pulmonary
 * edema" is Edema > lung, J81.-).
 */
function addLocalized(
  add: AddPhrase,
  term: IndexTerm,
  main: IndexTerm | undefined,
  terms: readonly IndexTerm[],
  heads: Heads,
): void {
  const head = main && heads.get(main.id)?.word;
  if (!main || !head || head.length !== 1 || !LOCALIZED_BY_SITE.has(head[0]!)) return;
  if (term.nemod || bareTitle(term.title) !== 'localized') return;
  const own = new Set<string>();
  for (const t of terms) {
    if (t.parent !== main.id) continue;
    for (const w of titlePhrase(t.title, true)) for (const same of sameSiteWords(w)) own.add(same);
  }
  const entry = { code: term.code!, source: 'index', path: `${main.title} > ${term.title}` } as const;
  for (const site of new Set([...siteAdjectives(), ...REGIONS])) {
    if (own.has(site)) continue;
    add([site, head[0]!], entry);
    add([head[0]!, site], entry);
  }
}
