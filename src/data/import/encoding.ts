/**
 * Bytes → text. UTF-8 with or without BOM, UTF-16 with BOM, and GBK/GB18030 (the encoding
 * Excel and WPS on Chinese Windows write CSV in): 'auto' tries strict UTF-8 first and falls
 * back to GB18030 (a superset of GBK; TextDecoder supports it in browsers and in Node with full
 * ICU, which the official Node 20 builds have).
 */
import { ImportFailure, type ImportOptions, type TextEncodingName } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array, requested: ImportOptions['encoding'] = 'auto'): DecodedText {
  let bom: TextEncodingName | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) bom = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) bom = 'utf-16be';
  const want: TextEncodingName | null = requested === 'auto' ? bom : requested === 'gbk' ? 'gb18030' : requested;
  if (want) {
    // TextDecoder drops a BOM that matches its encoding (ignoreBOM: false)
    return { text: new TextDecoder(want).decode(bytes), encoding: want, bom: bom === want };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not valid UTF-8: GBK/GB18030 decodes any byte sequence; check it yields mostly text
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  if (replacement > Math.max(3, text.length / 100)) {
    throw new ImportFailure({
      code: 'encoding',
      message: 'The file is neither UTF-8 nor GBK/GB18030 text (too many undecodable bytes). Save it as UTF-8 and try again.',
      params: {},
    });
  }
  return { text, encoding: 'gb18030', bom: false };
}
