/**
 * The persistent label of a story that is not the plan's own: opened from a link or a file, it
 * was written by that link's or file's author, and its captions are their words. Shown in the
 * presentation and in the story editor (placed by each), with a way back to the plan's story.
 * Renders nothing for the plan's own story.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import './provenance.css';

export function OutsideStoryBanner({ onBackToPlan, className }: { onBackToPlan: () => void; className?: string }) {
  const { t } = useTranslation();
  const origin = useAppStore((s) => s.storyOrigin);
  const hasStory = useAppStore((s) => s.story !== null);
  if (!hasStory || origin === 'plan') return null;
  return (
    <div className={`outside-banner${className ? ` ${className}` : ''}`} role="note" data-testid="outside-story-banner" data-origin={origin}>
      <p>{t('provenance.banner', { from: t(origin === 'link' ? 'provenance.fromLink' : 'provenance.fromFile') })}</p>
      <button type="button" className="button" onClick={onBackToPlan} data-testid="back-to-plan-story">
        {t('provenance.backToPlan')}
      </button>
    </div>
  );
}
