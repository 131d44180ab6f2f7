/**
 * What a click on the map means. The answer depends on the mode the person is in (a drawing
 * tool, the regions tab, exploring) and on what was under the pointer; it is decided here, as a
 * table from mode to handler, and carried out by the map controller (./useMapController.ts).
 * Pure: no store, no map.
 */
import type { SidebarTab } from '../store';

export type DrawToolName = 'polygon' | 'rectangle' | 'circle' | 'measure';

/** What the click found and where. Positions are WGS-84 (already shifted back from the display datum). */
export interface ClickInput {
  drawTool: DrawToolName | null;
  sidebarTab: SidebarTab;
  /** A user-layer feature under the pointer: its layer and index in the layer's features. */
  userFeature: { layerId: string; index: number } | null;
  /** The plan item under the pointer (a site, line, area or a link's item). */
  itemId: string | null;
  /** The deck layer that was picked, if any. */
  layerId: string | null;
  /** Anything of deck's was picked (an overlay took the click). */
  picked: boolean;
  /** Some tile layer is shown and may hold a feature under the pointer. */
  tileLayersShown: boolean;
  lngLat: [number, number];
  shiftKey: boolean;
}

export type ClickAction =
  | { kind: 'add-circle'; center: [number, number] }
  | { kind: 'select-user-feature'; layerId: string; index: number }
  | { kind: 'clear-user-feature' }
  | { kind: 'clear-tile-feature' }
  | { kind: 'query-tile-feature'; lngLat: [number, number] }
  | { kind: 'select-item'; id: string | null }
  | { kind: 'toggle-region-at'; lngLat: [number, number]; add: boolean };

export type ClickMode = 'draw-circle' | 'draw-editor' | 'regions' | 'explore';

export function clickModeOf(input: Pick<ClickInput, 'drawTool' | 'sidebarTab'>): ClickMode {
  if (input.drawTool === 'circle') return 'draw-circle';
  if (input.drawTool) return 'draw-editor';
  return input.sidebarTab === 'regions' ? 'regions' : 'explore';
}

/** Only sites and lines take a click in the regions tab; areas and arcs let it through to the region. */
const SITES_AND_LINES = 'plan-lines-sites';

/**
 * Whether what was picked (its deck layer) takes the pointer in this mode. In the regions tab only
 * sites and lines do: a plan area (often a whole district or county) or a link lying over the
 * region lets the pointer through to the region, so the hover outlines what a click would select.
 */
export function takesPointer(mode: ClickMode, layerId: string | null): boolean {
  return mode !== 'regions' || layerId === SITES_AND_LINES;
}

const HANDLERS: Record<ClickMode, (c: ClickInput) => ClickAction[]> = {
  'draw-circle': (c) => [{ kind: 'add-circle', center: c.lngLat }],
  // terra-draw has the clicks
  'draw-editor': () => [],
  explore: (c) => {
    // one of the person's own features: its properties are shown
    if (c.userFeature) return [{ kind: 'select-item', id: null }, { kind: 'select-user-feature', ...c.userFeature }];
    // …a tile layer's feature is found by a rendered-feature query where deck found nothing
    const tiles: ClickAction[] = !c.picked && c.tileLayersShown ? [{ kind: 'query-tile-feature', lngLat: c.lngLat }] : [];
    return [{ kind: 'clear-user-feature' }, { kind: 'clear-tile-feature' }, ...tiles, { kind: 'select-item', id: c.itemId }];
  },
  regions: (c) => {
    const base: ClickAction[] = [{ kind: 'clear-user-feature' }, { kind: 'clear-tile-feature' }];
    if (c.itemId && takesPointer('regions', c.layerId)) return [...base, { kind: 'select-item', id: c.itemId }];
    return [...base, { kind: 'toggle-region-at', lngLat: c.lngLat, add: c.shiftKey }];
  },
};

/** The actions a click stands for, in the order they are carried out. */
export function routeClick(input: ClickInput): ClickAction[] {
  return HANDLERS[clickModeOf(input)](input);
}
