/**
 * An import issue (src/data/import/types.ts) in the person's language: the text for its code
 * and variant (src/i18n/importIssues.ts), filled in from its params and where-fields. Falls back
 * to the issue's English `message` when there is no text for it. Plain text out: the caller
 * renders it as React text, so file names and property values never become markup.
 */
import type { ImportIssue } from '../data/import/types';
import { boundedList, boundedMessage, echo } from '../i18n/bounded';
import { groupedDigits } from './groupedDigits';

/** The part of i18next this needs (i18next's `t` and `exists`, bound to a language). */
export interface Translator {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
}

const LIST_IN_SUMMARY = 10;

/** The translation key of an issue (without its plural suffix). */
export function issueKey(issue: Pick<ImportIssue, 'code' | 'params'>): string {
  const v = issue.params?.variant;
  return `data.issues.${issue.code}${v !== undefined && v !== '' ? `_${v}` : ''}`;
}

/** "第 5 行" / "row 5" for a CSV record, "要素 #3" / "feature #3" for a feature, else null. */
export function issueWhere(issue: Pick<ImportIssue, 'row' | 'featureIndex'>, tr: Translator): string | null {
  if (issue.row !== undefined) return tr.t('data.where.row', { n: issue.row });
  if (issue.featureIndex !== undefined) return tr.t('data.where.feature', { n: issue.featureIndex + 1 });
  return null;
}

function word(tr: Translator, key: string, fallback: string, values: Record<string, unknown> = {}): string {
  return tr.exists(`data.issueWords.${key}`) ? tr.t(`data.issueWords.${key}`, values) : fallback;
}

/** Everything the texts interpolate, from an issue. */
export function issueValues(issue: ImportIssue, tr: Translator, withReason = true): Record<string, unknown> {
  const p = issue.params ?? {};
  // echoed values (file and column names, cell text, engine details) cleaned and cut
  const v: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(p)) v[k] = typeof x === 'string' && k !== 'columnList' && k !== 'columns' ? echo(x, k === 'detail' ? 200 : 120) : x;
  if (typeof p.columns === 'string') v.columns = boundedList(p.columns.split(', '), (n) => word(tr, 'moreItems', `and ${n} more`, { n }));
  if (typeof p.columnList === 'string') {
    const more = typeof p.moreColumns === 'number' && p.moreColumns > 0 ? `, ${word(tr, 'moreItems', `and ${p.moreColumns} more`, { n: p.moreColumns })}` : '';
    v.columnList = boundedMessage(p.columnList, 1200) + more;
  }
  // vertex and feature counts run to millions: grouped digits read at a glance (1,000,001, not
  // 1000001); `count` stays a number, it chooses the plural form
  for (const k of ['vertices', 'shown', 'budget', 'kept', 'total', 'dropped']) if (typeof p[k] === 'number') v[k] = groupedDigits(p[k]);
  if (issue.line !== undefined) v.line = issue.line;
  if (issue.column !== undefined) v.column = issue.column;
  if (issue.offset !== undefined) v.offset = issue.offset;
  if (issue.row !== undefined) v.row = issue.row;
  if (issue.featureIndex !== undefined) v.n = issue.featureIndex + 1;
  const where = issueWhere(issue, tr);
  if (where !== null) v.where = where;
  if (typeof p.axis === 'string') v.axisName = word(tr, `axis_${p.axis}`, p.axis);
  if (typeof p.jsType === 'string') v.jsTypeName = word(tr, `type_${p.jsType}`, p.jsType);
  if (typeof p.part === 'string') v.partName = word(tr, `part_${p.part}`, p.part);
  if (typeof p.what === 'string') v.described = word(tr, `what_${p.what}`, p.what, v);
  if (withReason && typeof p.reasonCode === 'string') v.reasonText = reasonText(issue, tr, v);
  const details = issue.details ?? [];
  if (issue.code === 'features-dropped' || issue.code === 'no-valid-features') {
    const shown = details.slice(0, LIST_IN_SUMMARY).map((d) => word(tr, 'summaryItem', '', { where: issueWhere(d, tr) ?? '', reason: reasonText(d, tr) }));
    const total = typeof p.dropped === 'number' ? p.dropped : details.length;
    const more = total > shown.length ? `${word(tr, 'listSep', ', ')}${word(tr, 'more', '…', { n: total - shown.length })}` : '';
    v.summary = shown.join(word(tr, 'listSep', ', ')) + more + word(tr, 'end', '.');
  }
  if (issue.code === 'ring-closed' && details.length > 0) {
    const shown = details.slice(0, LIST_IN_SUMMARY).map((d) => issueWhere(d, tr) ?? '');
    const total = typeof p.count === 'number' ? p.count : details.length;
    v.closedList = shown.join(word(tr, 'closedSep', ', ')) + (total > shown.length ? `${word(tr, 'closedSep', ', ')}…` : '');
  }
  return v;
}

/** Why a dropped feature was dropped (its reason only, without where), in the language. */
export function reasonText(issue: ImportIssue, tr: Translator, values?: Record<string, unknown>): string {
  const p = issue.params ?? {};
  const english = typeof p.reason === 'string' ? p.reason : issue.message;
  if (typeof p.reasonCode !== 'string') return english;
  const key = `data.issueReasons.${p.reasonCode}`;
  const v = values ?? issueValues(issue, tr, false);
  return tr.exists(key, v) ? tr.t(key, v) : english;
}

/**
 * The issue's text in the translator's language (its English message if there is none). With
 * `listed`, the per-feature details are shown one by one under it: a summary issue then says
 * its counts only, so no row is told twice.
 */
export function issueText(issue: ImportIssue, tr: Translator, opts: { listed?: boolean } = {}): string {
  const v = issueValues(issue, tr);
  const listedKey = `data.issues.${issue.code}_listed`;
  const key = opts.listed && (issue.details?.length ?? 0) > 0 && tr.exists(listedKey, v) ? listedKey : issueKey(issue);
  return boundedMessage(tr.exists(key, v) ? tr.t(key, v) : issue.message);
}
