/**
 * The story editor, the 2019 timeline, image export, print and theme, in the side
 * panel's "Present" tab. A story opens from a file or a link; a bad one gets a message and
 * changes nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { Story } from '../model/story/schema';
import { cameraFromView, moveChapter, newChapter, removeChapter } from '../model/story/chapter';
import { parseStory, serializeStory, storyToLink } from '../model/story/io';
import { milestonesUpTo, yearOnlyMilestones } from '../model/timeline';
import type { StoryActions } from '../app/usePresentation';
import { downloadBlob } from '../app/download';
import type { ExportScale } from '../map/exportImage';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';
import { OutsideStoryBanner } from './OutsideStoryBanner';
import { ChapterUndoToast, ResetToPlanStory, type RemovedChapter } from './StoryKeeping';


export function StoryPanel({ actions }: { actions: StoryActions }) {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const story = useAppStore((s) => s.story);
  const setStory = useAppStore((s) => s.setStory);
  const index = useAppStore((s) => s.chapterIndex);
  const go = useAppStore((s) => s.goToChapter);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const notify = useAppStore((s) => s.notify);
  const month = useAppStore((s) => s.timelineMonth);
  const setMonth = useAppStore((s) => s.setTimelineMonth);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const [scale, setScale] = useState<ExportScale>(2);
  const [paper, setPaper] = useState<'a4' | 'a3'>('a4');
  const [busy, setBusy] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [removed, setRemoved] = useState<RemovedChapter | null>(null);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const m = useAppStore.getState().timelineMonth ?? 0;
      if (m >= 12) {
        setPlaying(false);
        return;
      }
      useAppStore.getState().setTimelineMonth(m + 1);
    }, 1200);
    return () => window.clearInterval(timer);
  }, [playing]);

  if (!story) return <p className="fine-print">{t('story.loading')}</p>;
  const update = (next: Story) => setStory(next);
  const chapter = story.chapters[index];

  const openFile = async (file: File) => {
    const text = await file.text();
    const result = parseStory(text, await actions.storyContext());
    if (!result.ok) {
      setError(t('story.bad', { error: result.error }));
      return;
    }
    setError(null);
    actions.openStory(result.story, await actions.storyContext());
  };
  const revealed = month ? milestonesUpTo(plan.items, month) : [];
  // Dated to 2019 with no month: listed apart, never placed in December.
  const yearOnly = month ? yearOnlyMilestones(plan.items) : [];

  return (
    <>
      <section className="panel-section" aria-labelledby="story-heading">
        <h2 id="story-heading" className="section-heading">
          {t('story.heading')}
        </h2>
        <OutsideStoryBanner onBackToPlan={actions.resetStory} />
        <div className="detail-actions">
          <button type="button" className="button button-primary" onClick={() => { go(0); setPresenting(true); }} data-testid="start-presentation">
            {t('story.present')}
          </button>
          <button type="button" className="button" onClick={() => setPresenting(true)}>
            {t('story.presentFrom')}
          </button>
        </div>
        <p className="fine-print">{t('story.keys')}</p>
        {error && (
          <p className="error-text" role="alert" data-testid="story-error">
            {error}
          </p>
        )}
        <h3 className="subheading">{t('story.chapters')}</h3>
        <ol className="chapter-list" data-testid="chapter-list">
          {story.chapters.map((c, i) => (
            <li key={c.id} className={i === index ? 'current' : undefined}>
              <button type="button" className="link-button chapter-link" onClick={() => go(i)} aria-current={i === index ? 'step' : undefined}>
                {localized(c, 'title', lang)}
              </button>
              <span className="chapter-tools">
                <button type="button" className="icon-button" disabled={i === 0} onClick={() => update(moveChapter(story, i, i - 1))} aria-label={`${t('story.up')}: ${localized(c, 'title', lang)}`}>
                  ↑
                </button>
                <button type="button" className="icon-button" disabled={i === story.chapters.length - 1} onClick={() => update(moveChapter(story, i, i + 1))} aria-label={`${t('story.down')}: ${localized(c, 'title', lang)}`}>
                  ↓
                </button>
                <button type="button" className="icon-button" disabled={story.chapters.length === 1} onClick={() => {
                    // deleting is immediate; the toast offers to put the chapter back
                    setRemoved({ before: story, index: index, title: localized(c, 'title', lang) });
                    update(removeChapter(story, i));
                  }} aria-label={`${t('story.remove')}: ${localized(c, 'title', lang)}`}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button"
          data-testid="add-chapter"
          onClick={() => {
            const cam = actions.currentCamera();
            if (!cam) return;
            const ch = newChapter(story, cameraFromView(cam), useAppStore.getState().filters);
            update({ ...story, chapters: [...story.chapters.slice(0, index + 1), ch, ...story.chapters.slice(index + 1)] });
            go(index + 1);
          }}
        >
          {t('story.addView')}
        </button>
        {chapter && (
          <div className="chapter-editor">
            {(['title_zh', 'title_en'] as const).map((k) => (
              <label key={k}>
                {t(k === 'title_zh' ? 'story.titleZh' : 'story.titleEn')}
                <input type="text" value={chapter[k]} onChange={(e) => update({ ...story, chapters: story.chapters.map((c, i) => (i === index ? { ...c, [k]: e.target.value } : c)) })} />
              </label>
            ))}
            {(['caption_zh', 'caption_en'] as const).map((k) => (
              <label key={k}>
                {t(k === 'caption_zh' ? 'story.captionZh' : 'story.captionEn')}
                <textarea rows={3} value={chapter[k]} onChange={(e) => update({ ...story, chapters: story.chapters.map((c, i) => (i === index ? { ...c, [k]: e.target.value } : c)) })} />
              </label>
            ))}
          </div>
        )}
        <div className="detail-actions">
          <button type="button" className="button" onClick={() => downloadBlob(new Blob([serializeStory(story)], { type: 'application/json' }), 'jjj-atlas-story.json')} data-testid="save-story">
            {t('story.save')}
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('story.open')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label={t('story.open')}
            data-testid="open-story"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
              e.target.value = '';
            }}
          />
          <button
            type="button"
            className="button"
            data-testid="copy-story-link"
            onClick={() => {
              const url = `${location.origin}${location.pathname}#story=${storyToLink(story)}`;
              void navigator.clipboard.writeText(url).then(
                () => notify('info', t('story.linkCopied')),
                () => window.history.replaceState(null, '', url),
              );
            }}
          >
            {t('story.copyLink')}
          </button>
        </div>
        <p className="fine-print">{t('storyKept.saved')}</p>
        <ResetToPlanStory onReset={actions.resetStory} />
        {removed && (
          <ChapterUndoToast
            removed={removed}
            onUndo={() => {
              const cur = useAppStore.getState().story;
              // put back the story as it was, unless it has been replaced meanwhile
              if (cur && cur.title_zh === removed.before.title_zh) {
                update(removed.before);
                go(removed.index);
              }
              setRemoved(null);
            }}
            onClose={() => setRemoved(null)}
          />
        )}
      </section>

      <section className="panel-section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="section-heading">
          {t('story.timeline')}
        </h2>
        <label className="inline-check">
          <input type="checkbox" checked={month !== null} onChange={(e) => setMonth(e.target.checked ? 1 : null)} data-testid="timeline-toggle" />
          {t('story.timelineOn')}
        </label>
        {month !== null && (
          <>
            <div className="timeline-row">
              <button type="button" className="button" onClick={() => { if (month >= 12) setMonth(1); setPlaying(!playing); }}>
                {playing ? t('story.pause') : t('story.play')}
              </button>
              <input
                type="range"
                min={1}
                max={12}
                step={1}
                value={month}
                onChange={(e) => setMonth(Number(e.target.value))}
                aria-label={t('story.timeline')}
                aria-valuetext={t('story.month', { m: month })}
                data-testid="timeline-month"
              />
              <span>{t('story.month', { m: month })}</span>
            </div>
            <h3 className="subheading">{t('story.milestonesShown', { m: month })}</h3>
            {revealed.length === 0 ? (
              <p className="fine-print">{t('story.noMilestones')}</p>
            ) : (
              <ol className="milestone-list" data-testid="timeline-milestones">
                {revealed.map((m) => (
                  <li key={`${m.itemId}-${m.date}`} data-item={m.itemId}>
                    <time dateTime={m.date}>{m.date}</time> {t('slideMaps.milestoneOf', { name: localized(m, 'name', lang), label: localized(m, 'label', lang) })}
                  </li>
                ))}
              </ol>
            )}
            {yearOnly.length > 0 && (
              <>
                <h3 className="subheading">{t('story.yearOnly')}</h3>
                <ul className="milestone-list" data-testid="timeline-year-milestones">
                  {yearOnly.map((m) => (
                    <li key={`${m.itemId}-${m.index}`} data-year-item={m.itemId}>
                      <time dateTime={m.year}>{m.year}</time> {localized(m, 'label', lang)} ({plan.items.find((i) => i.properties.id === m.itemId)?.properties[`name_${lang}`]})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      <section className="panel-section" aria-labelledby="export-heading">
        <h2 id="export-heading" className="section-heading">
          {t('story.exportHeading')}
        </h2>
        <div className="detail-actions">
          <label>
            {t('story.scale')}{' '}
            <select value={scale} onChange={(e) => setScale(Number(e.target.value) as ExportScale)} data-testid="export-scale">
              <option value={1}>1×</option>
              <option value={2}>2×</option>
              <option value={4}>4×</option>
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="export-image"
            onClick={() => {
              setBusy(true);
              void actions.exportImage(scale).finally(() => setBusy(false));
            }}
          >
            {busy ? t('story.exporting') : t('story.exportImage')}
          </button>
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'a3' ? 'a3' : 'a4')} aria-label={t('slideMaps.paper')} data-testid="print-paper">
            <option value="a4">A4</option>
            <option value="a3">A3</option>
          </select>
          <button type="button" className="button" data-testid="print-map" onClick={() => void actions.printMap(paper)}>
            {t('story.print')}
          </button>
        </div>
        <fieldset className="filter-field">
          <legend>{t('story.theme')}</legend>
          <div className="chip-toggles">
            {(['light', 'dark'] as const).map((k) => (
              <label key={k} className="chip-toggle">
                <input type="radio" name="theme" checked={theme === k} onChange={() => setTheme(k)} data-testid={`theme-${k}`} />
                <span>{t(`story.themes.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>
    </>
  );
}
