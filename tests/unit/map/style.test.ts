import { describe, expect, it } from 'vitest';
import { buildBasemapStyle, bilingualLabel, FIRST_LABEL_LAYER, type BasemapUrls } from '../../../src/map/basemap/style';

const urls = Object.fromEntries(
  ['provinces', 'prefectures', 'counties', 'neighbours', 'sea', 'coastline', 'rivers', 'riversSupplement', 'lakes', 'seats', 'labels'].map((k) => [k, `http://127.0.0.1:4173/assets/${k}.geojson`]),
) as unknown as BasemapUrls;
const faces = { 'Noto Sans SC Regular': [{ url: 'http://127.0.0.1:4173/assets/a.woff2', 'unicode-range': ['U+4E00-4E0F'] }], 'Noto Sans SC Bold': [] };

describe('buildBasemapStyle', () => {
  const style = buildBasemapStyle(urls, faces);

  it('names no glyph or sprite server and draws fonts from font-faces', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style['font-faces']).toBe(faces);
  });

  it('fetches only the URLs it was given (no other origin)', () => {
    const text = JSON.stringify(style);
    const found = [...text.matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0]);
    for (const u of found) expect(u.startsWith('http://127.0.0.1:4173/')).toBe(true);
  });

  it('every layer uses a declared source and every symbol layer a bundled font', () => {
    for (const layer of style.layers) {
      if ('source' in layer && typeof layer.source === 'string') expect(style.sources).toHaveProperty(layer.source);
      if (layer.type === 'symbol') {
        const fonts = layer.layout?.['text-font'] as string[];
        for (const f of fonts) expect(Object.keys(faces)).toContain(f);
      }
    }
  });

  it('puts every label above the overlay anchor, and only labels', () => {
    const ids = style.layers.map((l) => l.id);
    const anchor = ids.indexOf(FIRST_LABEL_LAYER);
    expect(anchor).toBeGreaterThan(0);
    expect(style.layers.slice(0, anchor).some((l) => l.type === 'symbol')).toBe(false);
  });

  it('switches label language and base-map layers', () => {
    const en = buildBasemapStyle(urls, faces, { lang: 'en', counties: false, labels: false, rivers: false });
    const county = en.layers.find((l) => l.id === 'county-border')!;
    expect(county.layout?.visibility).toBe('none');
    const province = en.layers.find((l) => l.id === 'label-province')!;
    expect(province.layout?.visibility).toBe('none');
    expect(JSON.stringify((province.layout as Record<string, unknown>)['text-field'])).toContain('"name_en"');
  });
});

describe('bilingualLabel', () => {
  it('puts the label language first and the other beneath', () => {
    const zh = JSON.stringify(bilingualLabel('zh'));
    expect(zh.indexOf('"name"')).toBeLessThan(zh.indexOf('"name_en"'));
    const en = JSON.stringify(bilingualLabel('en'));
    expect(en.indexOf('"name_en"')).toBeLessThan(en.indexOf('"name"'));
  });
});
