/**
 * Which version each layer of a code set comes from. A year's codes always come from its own files; its
 * notes, index and definitions come from its own XML when present, otherwise from the closest earlier year
 * of the same code system that has them (the official XML is not always obtainable for every year).
 */
import type { LayerSource } from './code-set.ts';
import type { Layer, VersionInfo } from './model.ts';

/** Layers a year may borrow from an earlier year when its own files lack them. */
export const INHERITABLE_LAYERS: ReadonlySet<Layer> = new Set<Layer>([
  'tabular',
  'index',
  'eindex',
  'drug',
  'neoplasm',
  'pcs-index',
  'pcs-definitions',
]);

/** Layers a year may take from a later year: the conversion table is cumulative, the newest knows most. */
export const LATEST_WINS_LAYERS: ReadonlySet<Layer> = new Set<Layer>(['conversion']);

export function resolveLayers(
  version: VersionInfo,
  all: readonly VersionInfo[],
): Partial<Record<Layer, LayerSource>> {
  const out: Partial<Record<Layer, LayerSource>> = {};
  for (const l of version.layers) out[l.layer] = { versionId: version.id, year: version.year };
  const earlier = all
    .filter((v) => v.system === version.system && v.year < version.year)
    .sort((a, b) => b.year - a.year);
  for (const layer of INHERITABLE_LAYERS) {
    if (out[layer]) continue;
    const donor = earlier.find((v) => v.layers.some((l) => l.layer === layer));
    if (donor) out[layer] = { versionId: donor.id, year: donor.year };
  }
  const newest = all.filter((v) => v.system === version.system).sort((a, b) => b.year - a.year);
  for (const layer of LATEST_WINS_LAYERS) {
    const donor = newest.find((v) => v.layers.some((l) => l.layer === layer));
    if (donor) out[layer] = { versionId: donor.id, year: donor.year };
  }
  return out;
}
