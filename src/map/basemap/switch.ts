/**
 * Put an online base map on the live map, watch whether it loads, and take it off again
 *. The embedded style stays the map's style throughout: the online sources and
 * layers are added under it (ids `online:…`) and the embedded ground layers are hidden by
 * MapView's options (BasemapOptions.embedded). `setStyle` is avoided because it would drop the
 * layers the app adds at run time (drawing tools, deck's interleaved layers). See ./README.md.
 *
 * Failure: a style that cannot be fetched or read, or tiles that fail before any arrives
 * (../watchTiles.ts) → `onFailed` with the reason; the caller switches back to the embedded map
 * and says so.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { watchTiles } from '../watchTiles';
import type { BaseMapSource } from '../../model/state';
import { ONLINE_PREFIX, parseStyleText, rasterBaseMapParts, StyleProblem, type OnlineStyleParts } from './online';
import { withTileJsonsRead } from './tileJsonSources';

export interface OnlineBaseMapEvents {
  onLoaded: () => void;
  /** `reason` is English, for the notice's details; `code` lets the UI word it. */
  onFailed: (failure: { code: 'fetch' | 'tiles' | 'timeout' | 'no-key' | StyleProblem['code']; reason: string }) => void;
}

export interface OnlineBaseMapOptions {
  tiandituKey?: string;
  timeoutMs?: number;
}

const fetchStyle = async (url: string, signal: AbortSignal): Promise<string> => {
  const res = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
};

/** One per map. `show` replaces whatever online base map is there; `show({kind:'embedded'})` clears. */
export class OnlineBaseMap {
  private generation = 0;
  private detach: (() => void) | null = null;
  private addedGlyphs = false;
  private addedSprite = false;
  private addedSprites: string[] = [];

  constructor(private readonly map: MaplibreMap) {}

  async show(source: BaseMapSource, events: OnlineBaseMapEvents, opts: OnlineBaseMapOptions = {}): Promise<void> {
    const gen = ++this.generation;
    this.clear();
    if (source.kind === 'embedded') return;
    let parts: OnlineStyleParts;
    if (source.kind === 'style') {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 15000);
      try {
        const text = await fetchStyle(source.url, abort.signal);
        if (gen !== this.generation) return;
        parts = parseStyleText(text, source.url);
        // the style's TileJSONs are read here, once: their tiles go to MapLibre, their attributions as plain text
        parts = { ...parts, sources: await withTileJsonsRead(parts.sources, (url) => fetchStyle(url, abort.signal).then((t) => JSON.parse(t) as unknown)) };
        if (gen !== this.generation) return;
      } catch (e) {
        if (gen !== this.generation) return;
        if (e instanceof StyleProblem) events.onFailed({ code: e.code, reason: e.message });
        else events.onFailed({ code: 'fetch', reason: abort.signal.aborted ? 'no answer in time' : e instanceof Error ? e.message : String(e) });
        return;
      } finally {
        clearTimeout(timer);
      }
    } else {
      if (source.kind === 'tianditu' && !opts.tiandituKey) {
        events.onFailed({ code: 'no-key', reason: 'Tianditu needs a key (tk).' });
        return;
      }
      parts = rasterBaseMapParts(source.kind, opts.tiandituKey);
    }
    this.add(parts, gen, events, opts.timeoutMs ?? 20000);
  }

  /** Remove every online source and layer, glyphs and sprite; the embedded map is back. */
  clear(): void {
    this.detach?.();
    this.detach = null;
    const map = this.map;
    const style = map.getStyle();
    for (const layer of style?.layers ?? []) if (layer.id.startsWith(ONLINE_PREFIX)) map.removeLayer(layer.id);
    for (const id of Object.keys(style?.sources ?? {})) if (id.startsWith(ONLINE_PREFIX)) map.removeSource(id);
    if (this.addedGlyphs) map.setGlyphs(null);
    if (this.addedSprite) map.setSprite(null);
    for (const id of this.addedSprites) map.removeSprite(id);
    this.addedGlyphs = false;
    this.addedSprite = false;
    this.addedSprites = [];
  }

  private add(parts: OnlineStyleParts, gen: number, events: OnlineBaseMapEvents, timeoutMs: number): void {
    const map = this.map;
    const bottom = map.getStyle().layers[0]?.id; // the embedded 'background': everything goes under it
    try {
      if (parts.glyphs) {
        map.setGlyphs(parts.glyphs);
        this.addedGlyphs = true;
      }
      if (typeof parts.sprite === 'string') {
        map.setSprite(parts.sprite);
        this.addedSprite = true;
      } else if (parts.sprite) {
        for (const { id, url } of parts.sprite) {
          map.addSprite(id, url);
          this.addedSprites.push(id);
        }
      }
      for (const [id, src] of Object.entries(parts.sources)) map.addSource(id, src);
      for (const layer of parts.layers) map.addLayer(layer, bottom);
    } catch (e) {
      this.clear();
      events.onFailed({ code: 'not-a-style', reason: e instanceof Error ? e.message : String(e) });
      return;
    }

    this.detach = watchTiles(map, (id) => id.startsWith(ONLINE_PREFIX), {
      onLoaded: events.onLoaded,
      onFailed: (f) => {
        if (gen !== this.generation) return;
        this.detach = null;
        this.clear();
        events.onFailed(f);
      },
    }, timeoutMs);
  }
}
