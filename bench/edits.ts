/**
 * Claim edits throughput: encounters of 10 diagnosis and 5 procedure codes checked per second on one
 * core (target >= 20,000/s). Code sets: the official releases in shared/data through the SQLite store
 * (FY2026 ICD-10-CM with its inherited tabular, FY2026 ICD-10-PCS tables, HCPCS 2025) when present, else
 * the synthetic sets of the tests. NCCI PTP/MUE: synthetic tables of 50,000 pairs (the CMS files are
 * not public domain). Peers in the same run: validating the JSON only, and the bare code-set lookups
 * (get() of the 15 codes) that any checker does.
 * Run: MEDCODE_SHARED=/work/shared npx tsx bench/edits.ts
 */
import { check } from '../src/edits/check.ts';
import { editContext } from '../src/edits/edit-context.ts';
import type { Encounter, ProcedureLine } from '../src/edits/encounter-schema.ts';
import { encounterErrors } from '../src/edits/encounter-schema.ts';
import type { MueValue, NcciTables, PtpEdit } from '../src/edits/ncci-tables.ts';
import { syntheticCm, syntheticHcpcs, syntheticPcs } from '../src/edits/synthetic-code-sets.ts';
import type { CodeSet } from '../src/terminology/code-set.ts';
import { hasSharedData } from '../test/support/shared-data.ts';
import { realStore } from '../test/support/real-store.ts';

const ENCOUNTERS = 5_000;
const SECONDS = 3;

/** Deterministic PRNG (mulberry32) so every run checks the same encounters. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function codeSets(): Promise<{ sets: CodeSet[]; label: string }> {
  if (!hasSharedData())
    return { sets: [syntheticCm(2026), syntheticPcs(), syntheticHcpcs()], label: 'synthetic' };
  const store = await realStore();
  const sets = store
    .listVersionsSync()
    .filter((v) => v.counts.codes > 0)
    .map((v) => store.openCodeSetSync(v.id));
  return { sets, label: 'official releases (SQLite store)' };
}

function ncciTables(random: () => number): NcciTables {
  const byColumn1 = new Map<string, PtpEdit[]>();
  for (let i = 0; i < 50_000; i++) {
    const column1 = String(10000 + Math.floor(random() * 2000));
    const column2 = String(10000 + Math.floor(random() * 2000));
    const edit: PtpEdit = { column1, column2, effective: '2020-01-01', modifier: random() < 0.5 ? '0' : '1' };
    byColumn1.set(column1, [...(byColumn1.get(column1) ?? []), edit]);
  }
  const values = new Map<string, MueValue>();
  for (let c = 10000; c < 12000; c++) values.set(String(c), { code: String(c), value: 2, mai: 3 });
  return {
    ptp: [{ layout: 'practitioner', file: 'synthetic', byColumn1, size: 50_000 }],
    mue: [{ layout: 'practitioner', file: 'synthetic', values }],
  };
}

function encounters(sets: CodeSet[], random: () => number): Encounter[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const billable = (system: string): string[] =>
    sets
      .filter((s) => s.info.system === system)
      .flatMap((s) => [...s.codes()].filter((c) => c.billable).map((c) => c.code))
      .filter((_, i) => i % 7 === 0);
  const dx = billable('icd10cm');
  const pcs = billable('icd10pcs');
  const hcpcs = billable('hcpcs').filter((c) => /^[A-Z]\d{4}$/.test(c));
  return Array.from({ length: ENCOUNTERS }, (_, i): Encounter => {
    const inpatient = i % 2 === 0;
    const px: ProcedureLine[] = Array.from({ length: 5 }, (_, j) =>
      inpatient
        ? { system: 'icd10pcs', code: pick(pcs) }
        : j < 3
          ? {
              system: 'cpt',
              code: String(10000 + Math.floor(random() * 2000)),
              units: 1 + Math.floor(random() * 3),
            }
          : { system: 'hcpcs', code: pick(hcpcs), modifiers: ['LT'] },
    );
    const from = inpatient ? '2026-02-01' : '2025-06-01';
    return {
      setting: inpatient ? 'inpatient' : 'professional',
      dates: inpatient ? { from, to: from, admission: from, discharge: from } : { from },
      patient: { ageYears: Math.floor(random() * 90), sex: random() < 0.5 ? 'female' : 'male' },
      diagnoses: Array.from({ length: 10 }, () =>
        inpatient ? { code: pick(dx), poa: 'Y' } : { code: pick(dx) },
      ),
      procedures: px,
    };
  });
}

/**
 * Throughput by wall clock and by CPU time of this process (process.cpuUsage): the machine is shared,
 * so the CPU-time figure is the one that says what one core does.
 */
function rate(label: string, work: (e: Encounter) => unknown, list: readonly Encounter[]): number {
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (const e of list) work(e);
    n += list.length;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perCpuSecond = (n / cpuMs) * 1000;
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(10);
  console.log(`${label.padEnd(52)} ${fmt(perCpuSecond)} /s CPU  ${fmt((n / elapsed) * 1000)} /s wall`);
  return perCpuSecond;
}

const random = rng(2026);
const { sets, label } = await codeSets();
const ctx = editContext(sets, { ncci: ncciTables(random) });
const list = encounters(sets, random);
console.log(
  `code sets: ${label}; ${list.length} encounters of 10 dx + 5 px (half inpatient/PCS, half professional/CPT+HCPCS)`,
);
const cold = performance.now();
let findings = 0;
for (const e of list) findings += check(e, ctx).length;
console.log(`first pass (caches cold): ${(performance.now() - cold).toFixed(0)} ms, ${findings} findings`);
const cm = sets.find((s) => s.info.system === 'icd10cm' && s.info.year === 2026)!;
rate('peer: validate the JSON only (encounterErrors)', (e) => encounterErrors(e), list);
rate(
  'peer: bare code-set lookups (get of the 15 codes)',
  (e) => {
    for (const d of e.diagnoses) cm.get(d.code);
    for (const p of e.procedures ?? []) cm.get(p.code);
  },
  list,
);
const r = rate('check (all edits), warm caches', (e) => check(e, ctx), list);
console.log(`target 20,000 encounters per CPU-second: ${r >= 20_000 ? 'met' : 'NOT met'}`);
