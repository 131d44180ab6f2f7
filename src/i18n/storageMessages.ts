/**
 * What the person is told about stored data at start: layers set aside as damaged, layers left
 * half-written by an earlier page and removed, tile layers dropped, a storage that failed or did
 * not answer. Each list of names is bounded ("and N more" / "等另外 N 条"). Pure: the texts come
 * from the caller's `t` (src/i18n/locales/, `storage.*`).
 */
import { boundedList } from './bounded';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

export interface StorageReport {
  storage: 'ok' | 'unavailable' | 'timeout';
  /** 'failed': the background worker that stores layers could not start (the page does its work) */
  worker?: 'ok' | 'failed';
  setAside: { name: string }[];
  removedIncomplete: string[];
}

export interface StorageNotice {
  kind: 'warning' | 'error';
  text: string;
}

function names(list: readonly string[], t: Translate): string {
  return boundedList(list, (n) => t('app.andMore', { n }), { sep: '”, “', maxItems: 5 });
}

export function storageNotices(report: StorageReport, t: Translate, timeoutMs: number): StorageNotice[] {
  const out: StorageNotice[] = [];
  if (report.storage === 'timeout') out.push({ kind: 'error', text: t('storage.timeout', { s: Math.round(timeoutMs / 1000) }) });
  else if (report.storage === 'unavailable') out.push({ kind: 'warning', text: t('storage.unavailable') });
  if (report.worker === 'failed') out.push({ kind: 'warning', text: t('storage.workerFailed') });
  if (report.removedIncomplete.length > 0) out.push({ kind: 'warning', text: t('storage.removedIncomplete', { names: names(report.removedIncomplete, t) }) });
  if (report.setAside.length > 0) out.push({ kind: 'warning', text: t('storage.setAside', { names: names(report.setAside.map((l) => l.name), t) }) });
  return out;
}

export function tileLayerNotice(setAside: readonly string[], t: Translate): StorageNotice | null {
  return setAside.length > 0 ? { kind: 'warning', text: t('storage.tileSetAside', { names: names(setAside, t) }) } : null;
}
