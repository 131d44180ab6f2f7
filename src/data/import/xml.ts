/**
 * KML and GPX with @tmcw/togeojson on @xmldom/xmldom (a pure-JS XML DOM: DOMParser does not
 * exist in Web Workers, and this way the same code runs in the worker, in Node and in tests).
 */
import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import { ImportFailure, type FeatureProblem } from './types';
import { eachOf, type RawFeature, type RawSource } from './raw';

export function parseXmlFormat(text: string, format: 'kml' | 'gpx', name: string): RawSource {
  let doc;
  // where the parser was when it failed (xmldom's messages do not say; its locator does)
  let at: { line: number; column: number } | null = null;
  try {
    doc = new DOMParser({
      onError: (level, msg, context: unknown) => {
        if (level === 'warning') return;
        const loc = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        if (loc?.lineNumber) at = { line: loc.lineNumber, column: loc.columnNumber ?? 1 };
        throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line:?\s*(\d+)[^\d]+col(?:umn)?:?\s*(\d+)/i.exec(message);
    const where: { line: number; column: number } | null = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : at;
    const detail = (/caused (?:\w*Error: )?(.*)/.exec(message)?.[1] ?? message).split('\n')[0]!;
    throw new ImportFailure({
      code: 'xml-syntax',
      message: `The ${format.toUpperCase()} in "${name}" is not well-formed XML${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${detail}`,
      ...(where ?? {}),
      params: { file: name, format: format.toUpperCase(), detail, ...(where ? {} : { variant: 'nowhere' }) },
    });
  }
  const root = doc.documentElement?.nodeName.toLowerCase().replace(/^.*:/, '');
  if (root !== format) {
    throw new ImportFailure({
      code: 'wrong-type',
      message: `"${name}" is XML whose root element is <${root ?? '?'}>, not <${format}>.`,
      params: { variant: 'xml-root', file: name, root: root ?? '?', expected: format },
    });
  }
  const fc = format === 'kml' ? kml(doc) : gpx(doc);
  if (fc.features.length === 0) {
    throw new ImportFailure({
      code: 'no-features',
      message: format === 'gpx' ? `"${name}" has no tracks, routes or waypoints.` : `"${name}" has no placemarks.`,
      params: { variant: format, file: name },
    });
  }
  const feature = (f: (typeof fc.features)[number], index: number): RawFeature =>
    f.geometry ? { index, geometry: f.geometry, properties: f.properties } : { index, properties: f.properties, error: noGeometry(f.properties) };
  return { each: eachOf(fc.features, feature), fileIssues: [] };
}

function noGeometry(p: unknown): FeatureProblem {
  const n = p && typeof p === 'object' ? (p as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n
    ? { reason: `no usable geometry (missing or bad coordinates in "${n}")`, code: 'xml-no-geometry-named', params: { placemark: n } }
    : { reason: 'no usable geometry (missing or bad coordinates)', code: 'xml-no-geometry' };
}
