/**
 * A remote style's sources that name a TileJSON (`url`) are read here, once, and handed to
 * MapLibre with the tiles they list, so MapLibre does not fetch each document a second time.
 * Reading them here also keeps their attribution out of MapLibre's hands: it would put the
 * document's HTML into the attribution line before the app's observer (../attribution.ts) could
 * flatten it, and an `<img>` there starts loading at once. The source's own options win over its
 * TileJSON's (as in MapLibre, which lays them over the fetched document).
 * A document that cannot be read, or lists tiles that are not https, leaves the source naming its
 * TileJSON with an empty attribution, as MapLibre would then fail on it by itself.
 * Sources with an attribution of their own (already plain, ./online.ts) are left as they are.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { attributionAsHtmlText } from '../../model/attributionText';
import { readTileJson, tileJsonTiles } from '../../model/tileJson';

/** Reads a JSON document (the caller's fetch, with its timeout and no credentials). */
export type FetchJson = (url: string) => Promise<unknown>;

/** The sources with every TileJSON read here: its tiles inlined, its attribution as plain text. */
export async function withTileJsonsRead(sources: Record<string, SourceSpecification>, fetchJson: FetchJson): Promise<Record<string, SourceSpecification>> {
  const out: Record<string, SourceSpecification> = {};
  await Promise.all(
    Object.entries(sources).map(async ([id, src]) => {
      const s = src as SourceSpecification & { url?: unknown; attribution?: unknown };
      if (typeof s.url !== 'string' || typeof s.attribution === 'string') {
        out[id] = src;
        return;
      }
      const url = s.url;
      const read = await fetchJson(url).then(
        (doc) => readTileJson(doc, url),
        () => null,
      );
      if (!read?.ok) {
        out[id] = { ...src, attribution: '' } as SourceSpecification;
        return;
      }
      const { attribution } = read.source;
      const { url: _named, ...own } = s;
      out[id] = {
        ...tileJsonTiles(read.source),
        ...own,
        attribution: attribution !== undefined ? attributionAsHtmlText(attribution) : '',
      } as SourceSpecification;
    }),
  );
  // in the style's order (MapLibre lists attributions in the order sources were added)
  return Object.fromEntries(Object.keys(sources).map((id) => [id, out[id]!]));
}
