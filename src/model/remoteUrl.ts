/**
 * Whether a person may point the app at an address: an absolute https URL. The page's CSP
 * (scripts/vite-plugins.ts) allows no other remote scheme, so anything else would only fail later
 * with a CSP violation instead of a clear message. Used for style URLs and tile-layer URLs.
 */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
