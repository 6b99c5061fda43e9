/**
 * The default engine factory: code sets from the release files in the shared data folder
 * (options.sharedData), the trained model (options.model, default the committed one).
 */
import { createCodingEngine } from '../coding-engine.ts';
import type { CodingEngine } from '../coding-engine.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../eval/load-code-sets.ts';
import { loadCodingModel } from '../io/load-coding-model.ts';
import type { EngineSpec } from './engine-factory.ts';

export async function createEngine(spec: EngineSpec): Promise<CodingEngine> {
  const sharedData = spec.options['sharedData'];
  if (!sharedData) throw new Error('dev engine factory needs options.sharedData');
  const sets = await loadDevCodeSets(defaultCodeSetFiles(sharedData));
  const model = loadCodingModel(spec.options['model']);
  return createCodingEngine({
    cm: sets.cm,
    ...(sets.pcs ? { pcs: sets.pcs } : {}),
    ...(sets.hcpcs ? { hcpcs: sets.hcpcs } : {}),
    model,
    profile: spec.profile,
  });
}
