/**
 * The deck.gl layers the map draws, assembled from the store and the filtered plan: the plan's
 * items and links, drawn areas, the timeline's growing lines, the person's own layers and the
 * selection. deck.gl's layer code loads after the base map's first frame (see map/MapView.tsx).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LayersList } from '@deck.gl/core';
import type { Polygon } from 'geojson';
import { useAppStore } from '../store';
import { layerKeyOf } from '../../model/filters';
import { railTrips, timelineStages } from '../../model/timeline';
import { drawnAreaGeometry } from '../../model/drawnArea';
import type { FilteredPlan } from '../../model/filteredPlan';
import type { DrawnItem, UserLayerInput } from '../../map/planLayers';
import type { DisplayDatum } from '../../map/displayDatum';

type AreaGeometry = { id: string; geometry: Polygon };

export function useDeckLayers(plan: FilteredPlan | null, datum: DisplayDatum): { layers: LayersList; onOverlay: () => void } {
  const data = useAppStore((s) => s.data);
  const selected = useAppStore((s) => s.selected);
  const timelineMonth = useAppStore((s) => s.timelineMonth);
  const userSelected = useAppStore((s) => s.userSelected);
  const hoveredId = useAppStore((s) => s.hover?.id ?? null);
  const theme = useAppStore((s) => s.theme);
  const warmUserPoints = useAppStore((s) => s.importStatus.state === 'running' || s.sidebarTab === 'data');
  const planUsers = plan?.users;
  const shownUserLayers = useMemo(() => (planUsers ? userLayerInputs(planUsers) : []), [planUsers]);
  const userSelectedFeature = useMemo(() => (userSelected ? (planUsers?.layers.find((l) => l.id === userSelected.layerId)?.features[userSelected.index] ?? null) : null), [userSelected, planUsers]);
  const timeline = useMemo(() => {
    if (timelineMonth === null || data.state !== 'ready') return { timelinePaths: [], timelinePlanned: undefined, timelineVersion: '' };
    const layerOf = new Map(data.items.map((it) => [it.properties.id, layerKeyOf(it)]));
    const stages = timelineStages(data.items, timelineMonth);
    const timelinePlanned = new Set([...stages].filter(([, stage]) => stage === 'planned').map(([id]) => id));
    return {
      timelinePaths: railTrips(data.items, timelineMonth).trips.map((tr) => ({ id: tr.itemId, layer: layerOf.get(tr.itemId)!, path: tr.drawnPath })),
      timelinePlanned,
      timelineVersion: [...timelinePlanned].join(','),
    };
  }, [timelineMonth, data]);
  const areaGeometries = useDrawnAreaGeometries();

  // Geometry and links change only when the data does; filters change `visible` only.
  const drawn = useMemo<DrawnItem[]>(() => {
    if (data.state !== 'ready') return [];
    return data.items.flatMap((item, index) =>
      item.geometry ? [{ type: 'Feature' as const, geometry: item.geometry, properties: { ...item.properties, index, layer: layerKeyOf(item) } }] : [],
    );
  }, [data]);
  const linkItemIndex = useMemo(() => {
    if (data.state !== 'ready') return [];
    const idx = new Map(data.items.map((it, i) => [it.properties.id, i]));
    return data.links.map((l) => idx.get(l.properties.item) ?? -1);
  }, [data]);
  const linkLayers = useMemo(() => (data.state === 'ready' ? data.items.map(layerKeyOf) : []), [data]);

  // …imported when the overlay joins the map, after the base map's first frame.
  const [deckLayers, setDeckLayers] = useState<typeof import('../../map/planLayers') | null>(null);
  const onOverlay = useCallback(() => {
    void import('../../map/planLayers').then(setDeckLayers);
  }, []);
  const layers = useMemo<LayersList>(() => {
    if (!plan || !deckLayers) return [];
    const input = { drawn, links: plan.links, linkItemIndex, linkLayers, visible: plan.visible, filterVersion: plan.version, selectedId: selected, drawnAreas: areaGeometries, ...timeline, userLayers: shownUserLayers, warmUserPoints, userSelected: userSelectedFeature, hoveredId, theme };
    return deckLayers.buildPlanLayers(datum.layerInput(input));
  }, [plan, deckLayers, drawn, linkItemIndex, linkLayers, selected, areaGeometries, timeline, shownUserLayers, warmUserPoints, userSelectedFeature, hoveredId, theme, datum]);
  return { layers, onOverlay };
}

/** The drawn areas as polygons; Turf (for a circle's polygon) loads once an area exists. */
function useDrawnAreaGeometries(): AreaGeometry[] {
  const drawnAreas = useAppStore((s) => s.drawnAreas);
  const [areaGeom, setAreaGeom] = useState<{ of: unknown; list: AreaGeometry[] }>({ of: null, list: [] });
  useEffect(() => {
    let cancelled = false;
    if (drawnAreas.length === 0) return;
    void import('../../geo/aggregate/features').then(({ circlePolygon }) => {
      if (cancelled) return;
      const circle = (c: [number, number], km: number) => circlePolygon(c, km).geometry;
      setAreaGeom({ of: drawnAreas, list: drawnAreas.map((a) => ({ id: a.id, geometry: drawnAreaGeometry(a, circle) })) });
    });
    return () => {
      cancelled = true;
    };
  }, [drawnAreas]);
  return useMemo(() => (areaGeom.of === drawnAreas ? areaGeom.list : []), [areaGeom, drawnAreas]);
}

/** The user layers that are switched on, as deck draws them: styled and filtered. */
function userLayerInputs(users: FilteredPlan['users']): UserLayerInput[] {
  return users.layers
    .filter((l) => l.visible)
    .map((l) => ({
      id: l.id,
      features: l.features,
      color: l.color,
      style: l.style,
      shown: users.filtered.byLayer.get(l.id)?.shown ?? new Uint8Array(l.features.length),
      filterVersion: users.filtered.version,
    }));
}
