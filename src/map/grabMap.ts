/**
 * The map as an image at 1×, 2× or 4× its CSS size, for the image export (recipe and limits:
 * ./exportImage.ts). Renders one frame at the export's pixel ratio and copies it in the same task
 * (the WebGL buffer is not preserved between frames), then restores the screen's ratio.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { maxExportScale, type ExportScale } from './exportImage';

export function maxTextureSize(map: MaplibreMap): number {
  const gl = map.getCanvas().getContext('webgl2');
  return gl ? Math.min(Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)), Number(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE))) : 4096;
}

/** The scale that will really be used for a requested one in this window (null: not even 1×). */
export function exportScaleFor(map: MaplibreMap, wanted: ExportScale): ExportScale | null {
  const c = map.getCanvas();
  const max = maxExportScale(c.clientWidth, c.clientHeight, maxTextureSize(map));
  if (max === null) return null;
  return (Math.min(wanted, max) as ExportScale);
}

/**
 * deck.gl's interleaved overlay draws into maplibre's buffer but maps CSS px to device px with
 * its own canvas context, which keeps the drawing-buffer size it last observed; maplibre's
 * setPixelRatio resizes the buffer without a CSS resize, so luma never notices. The export
 * tells deck's canvas context the new buffer size (a private path of deck 9.4 / luma 9:
 * `_deck.device.getDefaultCanvasContext().setDrawingBufferSize`), and restores it after.
 */
interface CanvasContextLike {
  setDrawingBufferSize: (width: number, height: number) => void;
}
export interface PixelRatioFollower {
  _deck?: { device?: { getDefaultCanvasContext?: () => CanvasContextLike } } | null;
}

function deckCanvasContext(overlay: PixelRatioFollower | null | undefined): CanvasContextLike | null {
  try {
    return overlay?._deck?.device?.getDefaultCanvasContext?.() ?? null;
  } catch {
    return null;
  }
}

export async function grabMap(map: MaplibreMap, scale: ExportScale, overlay?: PixelRatioFollower | null): Promise<HTMLCanvasElement> {
  const previous = map.getPixelRatio();
  try {
    map.setPixelRatio(scale);
    deckCanvasContext(overlay)?.setDrawingBufferSize(map.getCanvas().width, map.getCanvas().height);
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    const canvas = map.getCanvas();
    map.redraw();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return copy;
  } finally {
    map.setPixelRatio(previous);
    deckCanvasContext(overlay)?.setDrawingBufferSize(map.getCanvas().width, map.getCanvas().height);
    map.triggerRepaint();
  }
}
