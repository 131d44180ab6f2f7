/**
 * Which format a file is: from its extension and from its first bytes. The content wins when
 * it clearly says otherwise (a .geojson that is an HTML page, a .json that is KML).
 */
import type { ImportFormat, ImportIssue } from './types';

export type Sniffed = ImportFormat | 'html' | 'xml' | 'zip' | 'binary' | 'empty' | 'text' | 'json';

export interface DetectedFormat {
  /** the format to parse as, or null when the file cannot be imported */
  format: ImportFormat | null;
  /** lower-case extension without the dot ('' if none) */
  extension: string;
  byExtension: ImportFormat | null;
  sniffed: Sniffed;
  /** why the format is null, or a warning that the content disagrees with the name */
  issue?: ImportIssue;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  geojsonl: 'geojson',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  kml: 'kml',
  gpx: 'gpx',
};
const KNOWN_UNSUPPORTED: Record<string, string> = {
  kmz: 'KMZ (zipped KML): unzip it and import the .kml inside',
  shp: 'a Shapefile: convert it to GeoJSON first (e.g. with QGIS or ogr2ogr)',
  zip: 'a ZIP archive: unzip it and import the file inside',
  xlsx: 'an Excel workbook: save it as CSV (UTF-8) first',
  xls: 'an Excel workbook: save it as CSV (UTF-8) first',
  topojson: 'TopoJSON: convert it to GeoJSON first',
  pmtiles: 'a PMTiles archive: add it as a tile layer instead',
};

/** The translation variant of each KNOWN_UNSUPPORTED hint (issues.unsupported-format_<variant>). */
const HINT_VARIANT: Record<string, string> = { kmz: 'kmz', shp: 'shp', zip: 'zip', xlsx: 'excel', xls: 'excel', topojson: 'topojson', pmtiles: 'pmtiles' };

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** What the first bytes (a few KiB are enough) look like. */
export function sniff(firstBytes: Uint8Array): Sniffed {
  if (firstBytes.length === 0) return 'empty';
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04) return 'zip';
  let start = 0;
  let utf16 = false;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) start = 3;
  else if ((firstBytes[0] === 0xff && firstBytes[1] === 0xfe) || (firstBytes[0] === 0xfe && firstBytes[1] === 0xff)) utf16 = true;
  const sample = firstBytes.subarray(start, Math.min(firstBytes.length, start + 4096));
  let text: string;
  if (utf16) {
    text = new TextDecoder(firstBytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample);
  } else {
    let control = 0;
    for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
    if (control > 0 && control / sample.length > 0.01) return 'binary';
    // latin1 keeps ASCII markers intact whatever the real encoding
    text = new TextDecoder('latin1').decode(sample);
  }
  const t = text.replace(/^[\s\uFEFF]+/, '');
  if (t.length === 0) return 'empty';
  const head = t.slice(0, 2048).toLowerCase();
  if (t[0] === '{' || t[0] === '[') return 'json';
  if (t[0] === '<') {
    if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head)) return 'html';
    if (/<kml[\s>]/.test(head)) return 'kml';
    if (/<gpx[\s>]/.test(head)) return 'gpx';
    return 'xml';
  }
  const firstLine = t.split(/\r?\n/, 1)[0] ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  const semis = firstLine.split(';').length - 1;
  if (tabs > 0 && tabs >= commas) return 'tsv';
  if (commas > 0 || semis > 0) return 'csv';
  return 'text';
}

const LABEL: Record<ImportFormat, string> = { geojson: 'GeoJSON', csv: 'CSV', tsv: 'TSV', kml: 'KML', gpx: 'GPX' };

/**
 * Detect the format of a file from its name and its first bytes (pass at least the first
 * 4 KiB). Returns the format to parse with, or `format: null` and an error issue.
 */
export function detectFormat(name: string, firstBytes: Uint8Array): DetectedFormat {
  const extension = extensionOf(name);
  const byExtension = EXTENSIONS[extension] ?? null;
  const sniffed = sniff(firstBytes);
  const base = { extension, byExtension, sniffed };
  const shown = extension ? `.${extension}` : 'without an extension';
  if (sniffed === 'empty') {
    return { ...base, format: null, issue: { code: 'empty-file', message: `The file "${name}" is empty (0 bytes or only whitespace).`, params: { file: name } } };
  }
  if (sniffed === 'html') {
    return {
      ...base,
      format: null,
      issue: {
        code: 'html-not-data',
        message: `The file "${name}" is an HTML web page, not ${byExtension ? LABEL[byExtension] : 'map data'} (a page saved from the browser, or an error page downloaded instead of the data?).`,
        params: byExtension ? { file: name, format: LABEL[byExtension] } : { variant: 'any', file: name },
      },
    };
  }
  if (sniffed === 'zip' || sniffed === 'binary') {
    const hint = KNOWN_UNSUPPORTED[extension];
    return {
      ...base,
      format: null,
      issue: hint
        ? { code: 'unsupported-format', message: `The file "${name}" is ${hint}.`, params: { variant: HINT_VARIANT[extension]!, file: name, extension } }
        : {
            code: 'binary-file',
            message: `The file "${name}" is a binary file${sniffed === 'zip' ? ' (a ZIP archive)' : ''}, not GeoJSON, CSV, TSV, KML or GPX.`,
            params: sniffed === 'zip' ? { variant: 'zip', file: name } : { file: name },
          },
    };
  }
  const hint = KNOWN_UNSUPPORTED[extension];
  if (hint && !(sniffed === 'json' && extension === 'topojson')) {
    return { ...base, format: null, issue: { code: 'unsupported-format', message: `The file "${name}" is ${hint}.`, params: { variant: HINT_VARIANT[extension]!, file: name, extension } } };
  }
  const content: ImportFormat | null =
    sniffed === 'json' ? 'geojson' : sniffed === 'kml' || sniffed === 'gpx' || sniffed === 'csv' || sniffed === 'tsv' ? sniffed : null;

  if (byExtension) {
    // Delimited text is only a guess from the content: trust the extension unless the content
    // is clearly JSON or XML.
    const clearlyOther = content === 'geojson' || content === 'kml' || content === 'gpx' || sniffed === 'xml';
    if (clearlyOther && content !== byExtension && !(byExtension === 'geojson' && content === null)) {
      if (!content) {
        return {
          ...base,
          format: null,
          issue: { code: 'format-mismatch', message: `The file "${name}" is named ${shown} but contains XML that is neither KML nor GPX.`, params: { variant: 'xml', file: name, extension } },
        };
      }
      return {
        ...base,
        format: content,
        issue: {
          code: 'format-mismatch',
          message: `The file "${name}" is named ${shown} but contains ${LABEL[content]}; read as ${LABEL[content]}.`,
          params: { variant: 'read-as', file: name, extension, format: LABEL[content] },
        },
      };
    }
    if (byExtension === 'geojson' && sniffed !== 'json') {
      const start = firstChars(firstBytes);
      return {
        ...base,
        format: null,
        issue: { code: 'format-mismatch', message: `The file "${name}" is named ${shown} but does not contain JSON (it starts with "${start}").`, params: { variant: 'not-json', file: name, extension, start } },
      };
    }
    if ((byExtension === 'kml' || byExtension === 'gpx') && sniffed !== 'xml' && content !== byExtension) {
      const start = firstChars(firstBytes);
      return {
        ...base,
        format: null,
        issue: {
          code: 'format-mismatch',
          message: `The file "${name}" is named ${shown} but is not ${LABEL[byExtension]} (XML); it starts with "${start}".`,
          params: { variant: 'not-xml', file: name, extension, format: LABEL[byExtension], start },
        },
      };
    }
    return { ...base, format: byExtension };
  }
  if (content && (extension === 'txt' || extension === '')) return { ...base, format: content };
  if (content) {
    return {
      ...base,
      format: content,
      issue: {
        code: 'format-mismatch',
        message: `The extension ${shown} of "${name}" is not one JJJ Atlas knows; the content looks like ${LABEL[content]}, read as that.`,
        params: { variant: 'unknown-ext', file: name, extension, format: LABEL[content] },
      },
    };
  }
  return {
    ...base,
    format: null,
    issue: {
      code: 'unsupported-format',
      message: `The file "${name}" (${shown}) is not a format JJJ Atlas can import: use GeoJSON, CSV, TSV, KML or GPX.`,
      params: { variant: extension ? 'unknown' : 'no-extension', file: name, extension },
    },
  };
}

function firstChars(bytes: Uint8Array): string {
  const s = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trim();
  return (s.length > 24 ? s.slice(0, 24) + '…' : s).replace(/\s+/g, ' ');
}
