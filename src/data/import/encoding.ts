/**
 * Bytes → text. UTF-8 with or without BOM, UTF-16 with BOM, and GBK/GB18030 (the encoding
 * Excel and WPS on Chinese Windows write CSV in): 'auto' tries strict UTF-8 first and falls
 * back to GB18030 (a superset of GBK; TextDecoder supports it in browsers and in Node with full
 * ICU, which the official Node 20 builds have). Nothing is guessed in silence: a file that mixes
 * UTF-8 and GBK lines, or holds bytes valid in neither, is refused with the lines named, because
 * either reading would garble or drop part of its text.
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
  const mixed = mixedLines(bytes);
  if (mixed) {
    // GB18030 would garble the UTF-8 lines (名称 → 鍚嶇О) without a word: say so instead
    throw new ImportFailure({
      code: 'encoding',
      message: `The file mixes two encodings: line ${mixed.utf8Line} is UTF-8, line ${mixed.gbkLine} is GBK/GB18030. Read either way, part of its text would come out garbled. Save the whole file as UTF-8 and try again.`,
      params: { variant: 'mixed', ...mixed },
    });
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
  if (replacement > 0) {
    // a few bytes valid in neither encoding would become U+FFFD and be lost without a word: name the lines
    const lines = linesWith(text, '\uFFFD');
    throw new ImportFailure({
      code: 'encoding',
      message: `${lines.count} line(s) of the file, the first line ${lines.first}, hold bytes that are neither UTF-8 nor GBK/GB18030 text; read as it is, that text would be lost. Correct those lines or save the file as UTF-8 and try again.`,
      params: { variant: 'lines', line: lines.first, count: lines.count },
    });
  }
  return { text, encoding: 'gb18030', bom: false };
}

/** How many lines of `text` hold `mark`, and the first of them (1-based). */
function linesWith(text: string, mark: string): { first: number; count: number } {
  let first = 0;
  let count = 0;
  let line = 1;
  let counted = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === mark && counted !== line) {
      counted = line;
      count++;
      first ||= line;
    }
  }
  return { first, count };
}

/**
 * In a file that is not valid UTF-8 as a whole: the first line that is valid UTF-8 with
 * Chinese text and the first that is not (1-based), when there are both. GBK text almost never
 * forms valid UTF-8 sequences over a whole line, so such a pair means two encodings in one file
 * (rows pasted from another export). Stops at the first pair; only runs after UTF-8 failed.
 */
export function mixedLines(bytes: Uint8Array): { utf8Line: number; gbkLine: number } | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let utf8Line = 0;
  let gbkLine = 0;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    let high = false;
    for (let k = start; k < i && !high; k++) high = bytes[k]! >= 0x80;
    if (high) {
      let text: string | null = null;
      try {
        text = strict.decode(bytes.subarray(start, i));
      } catch {
        // not UTF-8
      }
      // a line of GBK can happen to be valid UTF-8 (小 is D0 A1, Cyrillic С as UTF-8), hardly ever as Chinese
      if (text === null) gbkLine ||= line;
      else if (/[\u4e00-\u9fff]/.test(text)) utf8Line ||= line;
      if (utf8Line && gbkLine) return { utf8Line, gbkLine };
    }
    line++;
    start = i + 1;
  }
  return null;
}
