import { describe, expect, it } from 'vitest';
import { attributionAsHtmlText, MAX_ATTRIBUTION_TEXT, plainAttribution } from '../../../src/model/attributionText';

describe('plainAttribution', () => {
  it('keeps a link’s words and names its host', () => {
    expect(plainAttribution('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')).toBe('© OpenStreetMap (www.openstreetmap.org) contributors');
  });
  it('drops images, scripts and other tags (a phishing link shows where it goes)', () => {
    const hostile = '<a href="https://evil.example/login" target=_blank>Click to keep your map</a><img src="https://evil.example/big.png" width=256><script>alert(1)</script><b>Tiles</b>';
    expect(plainAttribution(hostile)).toBe('Click to keep your map (evil.example) Tiles');
  });
  it('decodes entities and removes bidi overrides', () => {
    expect(plainAttribution('A &amp; B &copy; &#x4EAC; \u202Eevil')).toBe('A & B © 京 evil');
  });
  it('is bounded', () => {
    expect(plainAttribution('x'.repeat(10_000))).toHaveLength(MAX_ATTRIBUTION_TEXT);
  });
  it('escapes the text for MapLibre’s HTML control', () => {
    expect(attributionAsHtmlText('<a href="https://a.example">1 &lt; 2</a>')).toBe('1 &lt; 2 (a.example)');
  });
});
