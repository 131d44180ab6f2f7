/**
 * KML and GPX with @tmcw/togeojson on @xmldom/xmldom (a pure-JS XML DOM: DOMParser does not
 * exist in Web Workers, and this way the same code runs in the worker, in Node and in tests).
 */
import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import { ImportFailure } from './types';
import type { RawSource } from './raw';

export function parseXmlFormat(text: string, format: 'kml' | 'gpx', name: string): RawSource {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line:?\s*(\d+)[^\d]+col(?:umn)?:?\s*(\d+)/i.exec(message);
    throw new ImportFailure({
      code: 'xml-syntax',
      message: `The ${format.toUpperCase()} in "${name}" is not well-formed XML${lc ? ` at line ${lc[1]}, column ${lc[2]}` : ''}: ${(/caused (?:\w*Error: )?(.*)/.exec(message)?.[1] ?? message).split('\n')[0]}`,
      ...(lc ? { line: Number(lc[1]), column: Number(lc[2]) } : {}),
    });
  }
  const root = doc.documentElement?.nodeName.toLowerCase().replace(/^.*:/, '');
  if (root !== format) {
    throw new ImportFailure({ code: 'wrong-type', message: `"${name}" is XML whose root element is <${root ?? '?'}>, not <${format}>.` });
  }
  const fc = format === 'kml' ? kml(doc) : gpx(doc);
  if (fc.features.length === 0) {
    throw new ImportFailure({
      code: 'no-features',
      message: format === 'gpx' ? `"${name}" has no tracks, routes or waypoints.` : `"${name}" has no placemarks.`,
    });
  }
  return {
    features: fc.features.map((f, index) =>
      f.geometry
        ? { index, geometry: f.geometry, properties: f.properties }
        : { index, properties: f.properties, error: `no usable geometry (missing or bad coordinates${nameOf(f.properties)})` },
    ),
    fileIssues: [],
  };
}

function nameOf(p: unknown): string {
  const n = p && typeof p === 'object' ? (p as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n ? ` in "${n}"` : '';
}
