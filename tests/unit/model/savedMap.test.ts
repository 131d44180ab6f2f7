import { describe, expect, it } from 'vitest';
import { fillViewerTemplate, jsonForScriptElement, rangesUsed, SAVED_MAP_SLOT, type SavedMap } from '../../../src/model/savedMap';

const template = `<script type="application/json" id="atlas-saved-map">${SAVED_MAP_SLOT}</script><script>run()</script>`;

describe('the saved map in its template', () => {
  it('cannot close its script element, whatever the text', () => {
    const hostile = '</script><script>alert(1)</script><!-- \u2028';
    const out = jsonForScriptElement({ note: hostile });
    expect(out).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(out)).toEqual({ note: hostile });
  });

  it('goes into the one slot, and `$` patterns in the state are not read as replacements', () => {
    const state = { texts: { a: "$& $' $`" } } as unknown as SavedMap;
    const html = fillViewerTemplate(template, state);
    expect(html).not.toContain(SAVED_MAP_SLOT);
    const json = /id="atlas-saved-map">(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual(state);
    expect(html.endsWith('<script>run()</script>')).toBe(true);
  });

  it('refuses a template without exactly one slot', () => {
    expect(() => fillViewerTemplate('<html></html>', {} as SavedMap)).toThrow(/slot/);
    expect(() => fillViewerTemplate(template + template, {} as SavedMap)).toThrow(/slot/);
  });
});

describe('font subsets for the saved text', () => {
  it('keeps the subsets that cover a character, and only those', () => {
    const latin = ['U+0000-00FF', 'U+0131'];
    const bei = ['U+5317']; // 北
    const jing = ['U+4EAC']; // 京
    const wild = ['U+4E0?']; // 一…丏
    expect(rangesUsed([latin, bei, jing, wild], '北 A')).toEqual([true, true, false, false]);
    expect(rangesUsed([wild], '一')).toEqual([true]);
    expect(rangesUsed([bei], '')).toEqual([false]);
  });
});
