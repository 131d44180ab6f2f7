/**
 * Presentation mode: full screen, panels hidden; the chapter's title and caption
 * (with its quote from the plan), the legend of what is shown, a progress indicator, and
 * keyboard / clicker control: → Space PageDown forward, ← PageUp back, Home End, Esc leaves.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { MapLegend } from './MapLegend';
import { localized } from '../i18n/language';
import { usePlanOrNull } from '../app/planContext';
import { ChapterWords } from './ChapterWords';
import { OutsideStoryBanner } from './OutsideStoryBanner';

const AUTOPLAY_CHOICES = [5, 10, 20, 30];

export function Presentation({ onBackToPlan }: { onBackToPlan: () => void }) {
  const plan = usePlanOrNull();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const presenting = useAppStore((s) => s.presenting);
  const story = useAppStore((s) => s.story);
  const index = useAppStore((s) => s.chapterIndex);
  const go = useAppStore((s) => s.goToChapter);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const autoplay = useAppStore((s) => s.autoplaySec);
  const setAutoplay = useAppStore((s) => s.setAutoplaySec);
  const outside = useAppStore((s) => s.storyOrigin !== 'plan');

  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      const st = useAppStore.getState();
      const n = st.story?.chapters.length ?? 0;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          st.goToChapter(st.chapterIndex + 1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          st.goToChapter(st.chapterIndex - 1);
          break;
        case 'Home':
          st.goToChapter(0);
          break;
        case 'End':
          st.goToChapter(n - 1);
          break;
        case 'Escape':
          st.setPresenting(false);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);

  useEffect(() => {
    if (!presenting || !autoplay) return;
    const timer = window.setInterval(() => {
      const st = useAppStore.getState();
      const n = st.story?.chapters.length ?? 0;
      st.goToChapter(st.chapterIndex + 1 >= n ? 0 : st.chapterIndex + 1);
    }, autoplay * 1000);
    return () => window.clearInterval(timer);
  }, [presenting, autoplay]);

  // Full screen follows presentation mode; leaving full screen (Esc in the browser) leaves it too.
  useEffect(() => {
    if (!presenting) return;
    const el = document.documentElement;
    if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
    const onChange = () => {
      if (!document.fullscreenElement) useAppStore.getState().setPresenting(false);
    };
    const tid = window.setTimeout(() => document.addEventListener('fullscreenchange', onChange), 500);
    return () => {
      window.clearTimeout(tid);
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting]);

  if (!presenting || !story) return null;
  const chapter = story.chapters[index];
  if (!chapter) return null;
  const total = story.chapters.length;
  return (
    <div className="presentation" data-testid="presentation">
      {/* The sidecar (a sheet under the map on a phone): the map is laid out beside it, never under it. */}
      <div className="present-panel" data-testid="present-panel">
        <div className="present-text">
          <div className="present-title">
            {/* an outside story's title is not presented as the plan's own */}
            <h1>
              {outside && <span className="outside-label">{t('provenance.outsideTitle')}</span>}
              {localized(story, 'title', lang)}
            </h1>
            <OutsideStoryBanner onBackToPlan={onBackToPlan} className="present-banner" />
          </div>
          <section className="present-caption" aria-live="polite" data-testid="chapter-caption" data-chapter={chapter.id}>
            <h2>{localized(chapter, 'title', lang)}</h2>
            <ChapterWords chapter={chapter} />
          </section>
          <aside className="present-legend" aria-label={t('story.legend')}>
            {plan && <MapLegend plan={plan} />}
          </aside>
        </div>
        <nav className="present-controls" aria-label={t('story.heading')}>
          <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0} aria-label={t('story.prev')}>
            ←
          </button>
          <span className="present-progress" data-testid="chapter-progress" aria-label={t('story.progress', { n: index + 1, total })}>
            {story.chapters.map((c, i) => (
              <span key={c.id} className={`dot${i === index ? ' current' : ''}${i < index ? ' done' : ''}`} aria-hidden="true" />
            ))}
            <span className="present-count">
              {index + 1} / {total}
            </span>
          </span>
          <button type="button" className="button" onClick={() => go(index + 1)} disabled={index === total - 1} aria-label={t('story.next')}>
            →
          </button>
          <label className="present-autoplay">
            {t('story.autoplay')}{' '}
            <select value={autoplay ?? ''} onChange={(e) => setAutoplay(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('story.autoplayOff')}</option>
              {AUTOPLAY_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {t('story.seconds', { n })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={() => setPresenting(false)} data-testid="exit-presentation">
            {t('story.exit')}
          </button>
        </nav>
      </div>
    </div>
  );
}
