/**
 * Whether a chapter's quote is the release's own words: it must be one or more WHOLE sentences
 * or clauses of the release text (plan-2019.zh.txt), starting and ending where the text's own
 * punctuation or a line break does. A bare substring check would pass 「京」, 「雄安新区」 or any
 * fragment that changes meaning once cut out ("暂停" inside a longer clause), so a link's author
 * could dress their own words as a quote. Pure; the UI shows only verified quotes in the quote
 * style and everything else as the author's words.
 *
 * Clause marks are the ones the release uses between clauses: ，,。；;！!？?：: and line breaks.
 * The enumeration comma 、 is not one: 「天津」 out of 「北京、天津、河北」 is a list item, not a clause.
 */
const CLAUSE_MARKS = new Set([...'，,。；;！!？?：:\n\r']);

const isMark = (ch: string | undefined) => ch === undefined || CLAUSE_MARKS.has(ch);

/** The quote without surrounding blanks and without a trailing clause mark. */
function core(quote: string): string {
  let q = quote.trim();
  while (q.length > 0 && CLAUSE_MARKS.has(q[q.length - 1]!)) q = q.slice(0, -1).trimEnd();
  return q;
}

/**
 * True when `quote` occurs in `releaseText` as whole clauses: the character before it is a clause
 * mark (or blank, or the start), and the character after it is a clause mark (or the end).
 */
export function isReleaseClause(quote: string, releaseText: string): boolean {
  const q = core(quote);
  if (q === '' || isMark(q[0])) return false;
  for (let at = releaseText.indexOf(q); at !== -1; at = releaseText.indexOf(q, at + 1)) {
    const before = at === 0 ? undefined : releaseText[at - 1];
    const after = releaseText[at + q.length];
    if ((isMark(before) || /\s/.test(before!)) && isMark(after)) return true;
  }
  return false;
}

/** The quotes of a story that pass `isReleaseClause` (to show in the quote style). */
export function verifiedQuotes(quotes: Iterable<string | undefined>, releaseText: string): Set<string> {
  const out = new Set<string>();
  for (const q of quotes) if (q !== undefined && isReleaseClause(q, releaseText)) out.add(q);
  return out;
}
