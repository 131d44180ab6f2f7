/**
 * A source that names a TileJSON (`url`) takes its attribution from that document when MapLibre
 * fetches it, and MapLibre puts it into the attribution line as HTML before the app's observer
 * (../attribution.ts) can flatten it: an `<img>` there starts loading at once. A source's own
 * `attribution` wins over its TileJSON's in MapLibre (its options are laid over the fetched
 * document), so the app reads each TileJSON of a remote style itself and hands MapLibre the
 * attribution as plain text, or an empty one when there is none or the document cannot be read.
 * Sources with an attribution of their own (already plain, ./online.ts) are left as they are.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { attributionAsHtmlText } from '../../model/attributionText';

/** Reads a JSON document (the caller's fetch, with its timeout and no credentials). */
export type FetchJson = (url: string) => Promise<unknown>;

function tileJsonAttribution(doc: unknown): string {
  const a = doc && typeof doc === 'object' ? (doc as { attribution?: unknown }).attribution : undefined;
  return typeof a === 'string' ? attributionAsHtmlText(a) : '';
}

/** The sources with every TileJSON's attribution read here and given as plain text. */
export async function withPlainTileJsonAttributions(sources: Record<string, SourceSpecification>, fetchJson: FetchJson): Promise<Record<string, SourceSpecification>> {
  const out: Record<string, SourceSpecification> = {};
  await Promise.all(
    Object.entries(sources).map(async ([id, src]) => {
      const s = src as SourceSpecification & { url?: unknown; attribution?: unknown };
      if (typeof s.url !== 'string' || typeof s.attribution === 'string') {
        out[id] = src;
        return;
      }
      const attribution = await fetchJson(s.url).then(tileJsonAttribution, () => '');
      out[id] = { ...src, attribution } as SourceSpecification;
    }),
  );
  // in the style's order (MapLibre lists attributions in the order sources were added)
  return Object.fromEntries(Object.keys(sources).map((id) => [id, out[id]!]));
}
