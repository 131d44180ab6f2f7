/**
 * Do the dropped rows of an import look written latitude first? A file that is swapped
 * throughout is refused before any row is checked (importData's 'lonlat-swapped', fixed by
 * swapping the whole file); a mostly good file with a few swapped rows only shows them among the
 * dropped ones, as "latitude 116.4 out of range". Such a row's latitude is out of range but would
 * be a valid longitude (|value| ≤ 180), and its longitude passed (the range checks test longitude
 * first), so it fits in range once swapped. The fix swaps those rows only, so the good rows stay
 * as they are. Pure: it reads the per-row issues the report lists.
 */
import type { ImportIssue, ImportOptions } from '../data/import/types';

/** The features (0-based indexes) among the dropped ones that look swapped. */
export function swappedFeatures(dropped: readonly ImportIssue[]): number[] {
  const out: number[] = [];
  for (const d of dropped) {
    const v = d.params?.value;
    if (d.params?.reasonCode === 'lat-range' && typeof v === 'number' && Math.abs(v) <= 180 && d.featureIndex !== undefined) out.push(d.featureIndex);
  }
  return out;
}

/**
 * The fix to offer for the dropped rows (swap just these, on top of the rows an earlier fix
 * swapped), or null when none looks swapped.
 */
export function swapRowsFix(dropped: readonly ImportIssue[], opts: Pick<ImportOptions, 'swapFeatures' | 'swapLonLat'>): Pick<ImportOptions, 'swapFeatures'> | null {
  if (opts.swapLonLat === true) return null;
  const rows = swappedFeatures(dropped);
  if (rows.length === 0) return null;
  return { swapFeatures: [...new Set([...(opts.swapFeatures ?? []), ...rows])].sort((a, b) => a - b) };
}
