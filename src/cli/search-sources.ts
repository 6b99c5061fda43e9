/**
 * The search indexes a CLI search needs: for each system asked for, the version covering the date (the
 * newest without one), built once and then read from the store's artifact cache.
 */
import { cachedSearchIndex } from '../search/search-index-cache.ts';
import type { SearchOptions, SearchSource } from '../search/search.ts';
import { CODE_SYSTEMS } from '../terminology/code-system.ts';
import { versionForDate } from '../terminology/version-selection.ts';
import type { CliContext } from './cli-context.ts';

export async function searchSourcesFor(ctx: CliContext, options: SearchOptions): Promise<SearchSource[]> {
  const versions = await ctx.versions();
  const systems = options.system === undefined || options.system === 'all' ? CODE_SYSTEMS : [options.system];
  const loaded = systems.filter((s) => versions.some((v) => v.system === s && v.counts.codes > 0));
  // A system whose releases do not cover the date is still searched at its newest version when it is the
  // only one asked for, so that the error says why; with --system all it is left out.
  const picked = loaded.flatMap((system) => {
    try {
      return [versionForDate(versions, system, options.date)];
    } catch (e) {
      if (systems.length === 1) throw e;
      return [];
    }
  });
  return Promise.all(picked.map((v) => cachedSearchIndex(ctx.store(), ctx.codeSet(v.id))));
}
