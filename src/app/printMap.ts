/**
 * Printing the map on A4 or A3 (landscape, src/ui/print.css). A live WebGL canvas prints stretched
 * or cropped when the print layout resizes it, so the map is rendered for the page first: the map
 * is sized to the page's map box for one frame, the camera fits what was on screen — the whole
 * region when it was all in view — into that box, and the frame is composed with a north arrow,
 * a scale bar and the sources (map/exportImage.ts) into an image that the print shows in place of
 * the canvas. The legend and the item list are the page's own HTML (ui/PrintSheet.tsx).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { TFunction } from 'i18next';
import { useAppStore } from './store';
import { BASEMAP_ATTRIBUTION } from '../map/attribution';
import type { PixelRatioFollower } from '../map/grabMap';
import { regionFrame } from '../map/camera';

export type Paper = 'a4' | 'a3';

/** The map box on the page, in mm: the page less its margins, and the height print.css gives it. */
const MAP_BOX_MM: Record<Paper, { w: number; h: number }> = { a4: { w: 277, h: 150 }, a3: { w: 396, h: 215 } };
const PX_PER_MM = 96 / 25.4;

export async function printMap(map: MaplibreMap, overlay: PixelRatioFollower | null, paper: Paper, t: TFunction): Promise<void> {
  const [{ grabMap }, { composeMapImage, scaleBarOnMap }] = await Promise.all([import('../map/grabMap'), import('../map/exportImage')]);
  const width = Math.round(MAP_BOX_MM[paper].w * PX_PER_MM);
  const height = Math.round(MAP_BOX_MM[paper].h * PX_PER_MM);
  const container = map.getContainer();
  const before = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const shown = regionFrame(map) ?? map.getBounds().toArray();
  const style = container.style.cssText;
  let blob: Blob;
  try {
    container.style.cssText = `${style};position:absolute;inset:auto;left:0;top:0;width:${width}px;height:${height}px`;
    map.resize();
    const camera = map.cameraForBounds(shown as [[number, number], [number, number]], { padding: 24, bearing: before.bearing });
    if (camera) map.jumpTo({ ...camera, pitch: 0 });
    const image = await grabMap(map, 2, overlay);
    const st = useAppStore.getState();
    blob = await composeMapImage({
      mapCanvas: image,
      width,
      height,
      scale: 2,
      title: t('app.title'),
      subtitle: t('app.subtitle'),
      legend: [], // the page's legend, with counts, is printed under the map
      scaleBar: scaleBarOnMap(map),
      bearing: map.getBearing(),
      date: new Date().toISOString().slice(0, 10),
      attribution: BASEMAP_ATTRIBUTION.join(' · '),
      font: "'Noto Sans SC', sans-serif",
      theme: st.theme === 'dark' ? 'dark' : 'light',
    });
  } finally {
    container.style.cssText = style;
    map.resize();
    map.jumpTo(before);
  }
  const img = document.createElement('img');
  img.className = 'print-only print-map-image';
  img.alt = '';
  img.dataset.testid = 'print-map-image';
  img.src = URL.createObjectURL(blob);
  await img.decode().catch(() => undefined);
  const wrap = container.closest('.map-wrap') ?? container.parentElement!;
  wrap.querySelectorAll('.print-map-image').forEach((old) => old.remove());
  wrap.appendChild(img);
  const root = document.documentElement;
  root.classList.toggle('print-a3', paper === 'a3');
  root.classList.add('printing-map');
  const done = () => {
    root.classList.remove('printing-map');
    URL.revokeObjectURL(img.src);
    img.remove();
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
