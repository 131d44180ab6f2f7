/**
 * Drawing on the map with terra-draw and its MapLibre adapter (loaded on first use): polygon
 * and rectangle for areas, a line for measuring. A finished area is handed to the app and
 * removed from terra-draw's store (the app keeps and draws its areas itself); a measured line
 * stays until the tool changes. Circles need no editor: the app takes the clicked centre.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

export type DrawTool = 'polygon' | 'rectangle' | 'measure';

export interface DrawCallbacks {
  /** A closed outer ring [lon, lat][] of a finished polygon or rectangle. */
  onArea: (ring: [number, number][]) => void;
  /** The measured line so far (and whether it is finished). */
  onMeasure: (line: [number, number][], finished: boolean) => void;
}

export interface DrawSession {
  setTool: (tool: DrawTool | null) => void;
  /** Show a measured line (display coordinates), as a finished measurement (from a link). */
  showMeasured: (line: [number, number][]) => void;
  destroy: () => void;
}

const MODE: Record<DrawTool, string> = { polygon: 'polygon', rectangle: 'rectangle', measure: 'linestring' };

export async function startDrawing(map: MaplibreMap, cb: DrawCallbacks): Promise<DrawSession> {
  const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawRectangleMode, TerraDrawLineStringMode, TerraDrawRenderMode }, { TerraDrawMapLibreGLAdapter }] =
    await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPolygonMode({ styles: { fillColor: '#d9480f', fillOpacity: 0.15, outlineColor: '#d9480f', outlineWidth: 2 } }),
      new TerraDrawRectangleMode({ styles: { fillColor: '#d9480f', fillOpacity: 0.15, outlineColor: '#d9480f', outlineWidth: 2 } }),
      new TerraDrawLineStringMode({ styles: { lineStringColor: '#1f4e79', lineStringWidth: 3 } }),
      new TerraDrawRenderMode({ modeName: 'idle', styles: {} }),
    ],
  });
  draw.start();
  draw.setMode('idle');
  let tool: DrawTool | null = null;

  const lineOf = (id: string | number): [number, number][] => {
    const f = draw.getSnapshotFeature(id);
    return f && f.geometry.type === 'LineString' ? (f.geometry.coordinates as [number, number][]) : [];
  };
  draw.on('change', (ids) => {
    if (tool !== 'measure') return;
    // The change may name terra-draw's helper points too: measure the line among them.
    for (const id of ids) {
      const line = lineOf(id);
      if (line.length >= 2) {
        cb.onMeasure(line, false);
        return;
      }
    }
  });
  draw.on('finish', (id) => {
    const f = draw.getSnapshotFeature(id);
    if (!f) return;
    if (f.geometry.type === 'Polygon') {
      cb.onArea(f.geometry.coordinates[0] as [number, number][]);
      draw.removeFeatures([id]);
    } else if (f.geometry.type === 'LineString') {
      cb.onMeasure(f.geometry.coordinates as [number, number][], true);
    }
  });

  return {
    setTool(next) {
      if (next === tool) return;
      draw.clear();
      tool = next;
      draw.setMode(next ? MODE[next] : 'idle');
    },
    showMeasured(line) {
      if (tool !== 'measure' || line.length < 2) return;
      draw.addFeatures([{ type: 'Feature', geometry: { type: 'LineString', coordinates: line }, properties: { mode: MODE.measure } }]);
    },
    destroy() {
      draw.clear();
      draw.stop();
    },
  };
}
