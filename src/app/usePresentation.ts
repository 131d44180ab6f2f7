/**
 * Presenting: loads the plan's default story (or one from a `#story=` link), applies
 * the current chapter — camera, layers and filters, highlight — and exports images.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapHandle } from '../map/MapView';
import { useAppStore } from './store';
import { chapterFilters } from '../model/story/chapter';
import type { ExportScale } from '../map/exportImage';
import { BASEMAP_ATTRIBUTION } from '../map/attribution';
import type { StoryContext } from '../model/story/io';
import planTextUrl from '../../geodata/plan/source/plan-2019.zh.txt?url';
import type { PixelRatioFollower } from '../map/grabMap';
import type { DisplayDatum } from '../map/displayDatum';
import type { FilteredPlan } from '../model/filteredPlan';
import { buildLegend, legendMarks } from '../model/legend';
import { withRegionCentred } from './regionCentred';
import { printMap, type Paper } from './printMap';
import { downloadBlob } from './download';
import { localized } from '../i18n/language';
import type { Story } from '../model/story/schema';
import { verifiedQuotes } from '../model/story/verify';
import type { StoryOrigin } from './store/slices/story';
import { clearStoredStory, onStoredStoryChange, readStoredStory, writeStoredStory } from './storage/storyStore';
import { chapterCamera } from './presentationFraming';
import { showCallout } from '../map/callout';
import { prefersReducedMotion } from '../map/motion';
import type { Geometry } from 'geojson';
import { restoreSnapshot, takeSnapshot, type ExplorerSnapshot } from './presentationMode';

let planText: Promise<string> | null = null;
/** The plan's Chinese text (for checking that story quotes are verbatim), fetched once. */
function loadPlanText(): Promise<string> {
  planText ??= fetch(planTextUrl).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`plan text: HTTP ${r.status}`))));
  return planText;
}

/**
 * `users` are the person's layers as filtered (their legend entries follow the plan's in an
 * exported image). `datum` is the datum the base map is drawn in: chapter cameras are WGS-84 (like every position
 * the app keeps), so over a GCJ-02 base map (AMap) they are shifted for the flight, and a view
 * added to a story is shifted back.
 */
export interface StoryActions {
  /** The current camera (centre, zoom, bearing, pitch), for "add the current view". */
  currentCamera: () => { lon: number; lat: number; zoom: number; bearing: number; pitch: number } | null;
  exportImage: (scale: ExportScale) => Promise<void>;
  /** Print the map on A4 or A3 (./printMap.ts). */
  printMap: (paper: Paper) => Promise<void>;
  storyContext: () => Promise<StoryContext>;
  resetStory: () => void;
  /** Show a story the person opened from a file (an outside author's). */
  openStory: (story: Story, ctx: StoryContext) => void;
}

export function usePresentation(handle: React.RefObject<MapHandle | null>, datum: React.RefObject<DisplayDatum>, plan: FilteredPlan | null): StoryActions {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const story = useAppStore((s) => s.story);
  const index = useAppStore((s) => s.chapterIndex);
  const presenting = useAppStore((s) => s.presenting);
  const mapReady = useAppStore((s) => s.mapStatus.state === 'ready');
  const applied = useRef<string | null>(null);
  const wasPresenting = useRef(false);
  const presentSeq = useRef(0);
  const snapshot = useRef<ExplorerSnapshot | null>(null);
  const wanted = useAppStore((s) => s.sidebarTab === 'story' || s.presenting);
  // A story in the link (`#story=…`), taken from the URL at start (main.tsx) before URL sync rewrites it.
  const storyLink = useAppStore((s) => s.storyLinkParam);

  /** What a story is checked against: the items, the regions and the plan's text (for quotes). */
  const storyContext = useCallback(async (): Promise<StoryContext> => {
    const d = useAppStore.getState().data;
    const planText = await loadPlanText();
    return d.state === 'ready'
      ? { itemIds: new Set(d.items.map((i) => i.properties.id)), regionCodes: new Set(d.regions.keys()), planText }
      : { itemIds: new Set<string>(), regionCodes: new Set<string>(), planText };
  }, []);

  /**
   * Whether the story shown is this browser's saved one (or the plan's, when none is saved), which
   * another tab's saves replace. A story opened here from a link or a file is not, until it is
   * edited here (its edits are then what is saved): another tab's edit must not take it away.
   */
  const showsSavedStory = useRef(true);

  /** Load a story as shown: its quotes that are whole clauses of the release are marked verified. */
  const load = useCallback((story: Story, origin: StoryOrigin, ctx: StoryContext, fromOutside = false) => {
    showsSavedStory.current = !fromOutside;
    useAppStore.getState().loadStory(story, origin, verifiedQuotes(story.chapters.map((c) => c.quote), ctx.planText ?? ''));
  }, []);

  /**
   * The plan's own story. `firstChapter` (the person asked for it: reset, back to the plan's story)
   * forgets the saved edits and starts again at chapter 1; loading it at start keeps the chapter a
   * link asked for (`ch=`).
   */
  const loadPlanStory = useCallback(
    (firstChapter: boolean) => {
      if (firstChapter) clearStoredStory();
      void Promise.all([import('./defaultStory'), storyContext()]).then(([{ loadDefaultStory }, ctx]) =>
        loadDefaultStory(undefined, undefined, ctx).then((r) => {
          if (r.ok) {
            load(r.story, 'plan', ctx);
            if (firstChapter) useAppStore.getState().goToChapter(0);
          } else useAppStore.getState().notify('error', r.error);
        }),
      );
    },
    [storyContext, load],
  );
  /** Back to the plan's own story: the saved edits are forgotten. */
  const resetStory = useCallback(() => loadPlanStory(true), [loadPlanStory]);

  // The story: from the link if there is one, else the one saved in this browser, else the default.
  useEffect(() => {
    if (data.state !== 'ready' || useAppStore.getState().story) return;
    // The default story is loaded when someone is about to present, not at start.
    if (!storyLink && !wanted) return;
    if (storyLink) {
      void Promise.all([import('../model/story/io'), storyContext()]).then(([{ storyFromLink }, ctx]) => {
        const r = storyFromLink(storyLink, ctx);
        if (r.ok) {
          load(r.story, 'link', ctx, true);
          useAppStore.getState().setSidebarTab('story');
        } else {
          useAppStore.getState().notify('error', t('story.badLink', { error: r.error }));
          resetStory();
        }
      });
      return;
    }
    const saved = readStoredStory();
    if (saved.state === 'ok') {
      void Promise.all([import('../model/story/io'), storyContext()]).then(([{ parseStory }, ctx]) => {
        // checked again against the data: the plan's items may have changed since it was saved
        const r = parseStory(saved.story, ctx);
        if (r.ok) load(r.story, saved.origin, ctx);
        else {
          useAppStore.getState().notify('warning', t('storyKept.savedBroken', { reason: r.error }));
          resetStory();
        }
      });
      return;
    }
    if (saved.state === 'invalid') useAppStore.getState().notify('warning', t('storyKept.savedBroken', { reason: saved.reason }));
    loadPlanStory(false);
  }, [data, storyContext, resetStory, loadPlanStory, load, t, wanted, storyLink]);

  // Edits are saved as they are made (with the story's origin, so an outside story stays labelled).
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.storyEdits === prev.storyEdits || !s.story) return;
        if (writeStoredStory(s.story, s.storyOrigin)) showsSavedStory.current = true;
        else s.notify('warning', t('storyKept.notSaved'));
      }),
    [t],
  );

  // Another tab saved or reset the story: a tab showing the saved story shows the new one (loading
  // is not an edit, so nothing is written back and the tabs do not echo each other); a tab showing
  // a story opened from a link or a file keeps it.
  useEffect(
    () =>
      onStoredStoryChange(() => {
        if (!useAppStore.getState().story || !showsSavedStory.current) return;
        const saved = readStoredStory();
        if (saved.state === 'none') return loadPlanStory(false);
        if (saved.state !== 'ok') return;
        void Promise.all([import('../model/story/io'), storyContext()]).then(([{ parseStory }, ctx]) => {
          const r = parseStory(saved.story, ctx);
          if (r.ok) load(r.story, saved.origin, ctx);
        });
      }),
    [storyContext, load, loadPlanStory],
  );

  // Apply a chapter when it becomes the current one (not when its caption is edited). The
  // explorer's state is kept before the first chapter is applied and put back when presenting
  // ends, or when the person leaves the story tab after previewing chapters (./presentationMode.ts).
  useEffect(() => {
    const map = handle.current?.map;
    if (!map || !mapReady) return;
    const left = wasPresenting.current && !presenting;
    if (presenting && !wasPresenting.current) presentSeq.current += 1;
    wasPresenting.current = presenting;
    if (left) {
      if (snapshot.current) restoreSnapshot(map, snapshot.current);
      snapshot.current = null;
      return;
    }
    const chapter = story?.chapters[index];
    if (!chapter) return;
    const key = `${chapter.id}|${presentSeq.current}`;
    if (applied.current === key) return;
    const first = applied.current === null;
    applied.current = key;
    if (first && !presenting) return; // opening the tab does not move the map
    snapshot.current ??= takeSnapshot(map);
    // Presentation mode lays the map out beside its panel in this same render: size the map to
    // its new container before framing, or the flight ends where the old size would have put it.
    map.resize();
    const st = useAppStore.getState();
    st.setFilters(chapterFilters(chapter));
    st.setRegionSelection(chapter.highlight?.region ? [chapter.highlight.region] : []);
    st.select(chapter.highlight?.item ?? null);
    const d = st.data;
    const { center, zoom } = d.state === 'ready' ? chapterCamera(map, chapter, d.items, d.regions, datum.current) : { center: datum.current.toDisplay([chapter.camera.center[0], chapter.camera.center[1]]) as [number, number], zoom: chapter.camera.zoom };
    const reduced = prefersReducedMotion();
    map.flyTo({
      center,
      zoom,
      bearing: chapter.camera.bearing,
      pitch: chapter.camera.pitch,
      duration: reduced ? 0 : 2200,
      essential: true,
    });
  }, [story, index, presenting, mapReady, handle, datum]);

  // A window resized while presenting (a projector plugged in, a phone turned) frames the
  // chapter again in the new layout.
  useEffect(() => {
    const map = handle.current?.map;
    if (!presenting || !map) return;
    let timer = 0;
    const onResize = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const st = useAppStore.getState();
        const chapter = st.story?.chapters[st.chapterIndex];
        if (!chapter || st.data.state !== 'ready' || map.isMoving()) return;
        map.resize();
        map.jumpTo({ ...chapterCamera(map, chapter, st.data.items, st.data.regions, datum.current), bearing: chapter.camera.bearing, pitch: chapter.camera.pitch });
      }, 200);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, [presenting, handle, datum]);

  // Leaving the story tab after previewing chapters puts the explorer back (the new tab stays).
  // Only whether the story tab is open is read: the app root, which holds this hook, then does
  // not render again at every switch between the other tabs.
  const onStoryTab = useAppStore((s) => s.sidebarTab === 'story');
  useEffect(() => {
    const map = handle.current?.map;
    if (presenting || onStoryTab || !map || !snapshot.current) return;
    restoreSnapshot(map, snapshot.current, true);
    snapshot.current = null;
  }, [onStoryTab, presenting, handle]);

  // The highlighted place's name beside it, while a chapter is shown (a point is never an unlabelled dot).
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    const map = handle.current?.map;
    const chapter = story?.chapters[index];
    const id = chapter?.highlight?.item;
    if (!map || !mapReady || !id || data.state !== 'ready' || !(presenting || (onStoryTab && snapshot.current))) return;
    const item = data.items.find((i) => i.properties.id === id);
    const at = item ? calloutPlace(item.geometry) : null;
    if (!item || !at) return;
    return showCallout(map, datum.current.toDisplay(at), localized(item.properties, 'name', lang));
  }, [story, index, presenting, onStoryTab, mapReady, data, lang, handle, datum]);

  const currentCamera = () => {
    const map = handle.current?.map;
    if (!map) return null;
    const c = map.getCenter();
    const [lon, lat] = datum.current.fromDisplay([c.lng, c.lat]);
    return { lon, lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  };

  const exportImage = async (wanted: ExportScale) => {
      const map = handle.current?.map;
      if (!map) return;
      const st = useAppStore.getState();
      try {
        const [{ grabMap, exportScaleFor }, { composeMapImage, scaleBarOnMap }] = await Promise.all([import('../map/grabMap'), import('../map/exportImage')]);
        const scale = exportScaleFor(map, wanted);
        if (scale === null) throw new Error('the window is too large for an image on this device');
        if (scale !== wanted) st.notify('warning', t('story.exportCapped', { want: wanted, got: scale }));
        // An overview is exported centred on the region (map/camera.ts regionFrame), then put back.
        const image = await withRegionCentred(map, () => grabMap(map, scale, handle.current?.overlay as unknown as PixelRatioFollower | null));
        const canvas = map.getCanvas();
        // the plan's layers, then the person's own as shown (name, or name · class)
        const legend = plan ? buildLegend(plan, st.filters.layers, t, legendMarks(st, plan)) : [];
        const chapter = st.presenting ? st.story?.chapters[st.chapterIndex] : undefined;
        const blob = await composeMapImage({
          mapCanvas: image,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          scale,
          title: chapter ? localized(chapter, 'title', st.lang) : t('app.title'),
          subtitle: t('app.subtitle'),
          legend,
          scaleBar: scaleBarOnMap(map),
          bearing: map.getBearing(),
          date: new Date().toISOString().slice(0, 10),
          attribution: BASEMAP_ATTRIBUTION.join(' · '),
          font: "'Noto Sans SC', sans-serif",
          theme: st.theme,
        });
        downloadBlob(blob, `jjj-atlas-${scale}x.png`);
        st.notify('info', t('story.exported', { w: canvas.clientWidth * scale, h: canvas.clientHeight * scale }));
        (window as Window & { __lastExport?: Blob }).__lastExport = blob; // for the e2e test to look at
      } catch (e) {
        st.notify('error', t('story.exportFailed', { error: e instanceof Error ? e.message : String(e) }));
      }
  };

  const print = async (paper: Paper) => {
    const map = handle.current?.map;
    if (!map) return;
    try {
      await printMap(map, (handle.current?.overlay as unknown as PixelRatioFollower | null) ?? null, paper, t);
    } catch (e) {
      useAppStore.getState().notify('error', t('story.exportFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const openStory = (story: Story, ctx: StoryContext) => {
    load(story, 'file', ctx, true);
    useAppStore.getState().goToChapter(0);
  };

  return { currentCamera, exportImage, printMap: print, storyContext, resetStory, openStory };
}

/** Where a highlighted item's name goes: its point, or the middle of its line; areas are named by the map. */
function calloutPlace(g: Geometry | null): [number, number] | null {
  if (g?.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  const line = g?.type === 'LineString' ? g.coordinates : g?.type === 'MultiLineString' ? g.coordinates[0] : undefined;
  const p = line?.[Math.floor(line.length / 2)];
  return p ? [p[0]!, p[1]!] : null;
}
