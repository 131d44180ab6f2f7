/**
 * Attributions from outside (a remote style's sources, a TileJSON, a PMTiles archive) are HTML
 * written by whoever serves them: MapLibre would show their links and images as they are, so a
 * hostile style could put a phishing link or a large picture over the map. Here they become plain
 * text: a link keeps its words and shows the host it points to, everything else is dropped to its
 * text. Pure (string in, string out), no DOM.
 */

/** Longest attribution kept (characters of text); the rest is cut with "…". */
export const MAX_ATTRIBUTION_TEXT = 300;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function hostOf(href: string): string | null {
  try {
    const u = new URL(decodeEntities(href));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.host : null;
  } catch {
    return null;
  }
}

/** The attribution's text: links as "words (host)", no tags, control characters removed, bounded. */
export function plainAttribution(html: string): string {
  let s = html.replace(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, h1?: string, h2?: string, h3?: string, inner = '') => {
    const words = inner.replace(/<[^>]*>/g, '').trim();
    const host = hostOf(h1 ?? h2 ?? h3 ?? '');
    return host && !words.includes(host) ? `${words} (${host})` : words;
  });
  s = s.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>?/g, ' ');
  // eslint-disable-next-line no-control-regex -- control and bidi-override characters are what is removed
  s = decodeEntities(s).replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return s.length > MAX_ATTRIBUTION_TEXT ? `${s.slice(0, MAX_ATTRIBUTION_TEXT - 1)}…` : s;
}

/** The plain text, escaped for a place that reads HTML (MapLibre's attribution control). */
export function attributionAsHtmlText(html: string): string {
  return plainAttribution(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
