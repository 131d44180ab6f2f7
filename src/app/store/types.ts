/** The shapes the store's slices hold that the panels and controllers read. */
import type { PlanItem, PlanLink, PlanMeta } from '../../data/plan/schema';
import type { Region } from '../../data/regions/regions';
import type { ImportIssue, ImportOptions, ImportProgress, ImportedFeature } from '../../data/import/types';
import type { BaseMapSource, SidebarTabKey } from '../../model/state';

export type MapStatus = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; kind: 'no-webgl' | 'error'; reason: string };

export type DataStatus =
  | { state: 'loading' }
  | { state: 'ready'; meta: PlanMeta; items: PlanItem[]; links: PlanLink[]; regions: Map<string, Region> }
  | { state: 'failed'; reason: string };

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** Technical detail (an engine's error text), shown behind a disclosure. */
  detail?: string;
}

export interface Hover {
  id: string;
  x: number;
  y: number;
}

/** The side panel's tabs (declared with the link's state, which names the open one). */
export type SidebarTab = SidebarTabKey;

/** The feature of a user layer under the pointer. */
export interface UserHover {
  layerId: string;
  feature: ImportedFeature;
  x: number;
  y: number;
}

/** The import in progress or the last one's outcome, shown in the data tab. */
export type ImportStatus =
  | { state: 'idle' }
  | { state: 'running'; fileName: string; progress: ImportProgress | null }
  | {
      state: 'done';
      fileName: string;
      /** kept so that a suggested fix or another CRS / columns can import it again */
      file: File;
      opts: ImportOptions;
      result: { ok: true; layerId: string; kept: number; total: number; warnings: ImportIssue[] } | { ok: false; error: ImportIssue; warnings: ImportIssue[] };
    };

/** How the chosen online base map is doing; 'failed' has already switched back to the embedded map. */
export type BaseMapStatus = { state: 'idle' } | { state: 'loading'; kind: BaseMapSource['kind'] } | { state: 'ready'; kind: BaseMapSource['kind'] };
