/**
 * Keeping a story safe while it is edited: the toast that undoes a chapter's deletion, and
 * "reset to the plan's story" behind a confirmation (it replaces the story and its saved edits).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../model/story/schema';
import './provenance.css';

export interface RemovedChapter {
  /** The story before the deletion (undo puts it back whole). */
  before: Story;
  /** The chapter shown before the deletion. */
  index: number;
  title: string;
}

/** How long the undo stays offered. */
const UNDO_MS = 10_000;

export function ChapterUndoToast({ removed, onUndo, onClose }: { removed: RemovedChapter; onUndo: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  // offered for a while after each deletion, not restarted by other renders
  useEffect(() => {
    const timer = window.setTimeout(() => close.current(), UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [removed]);
  return (
    <div className="story-toast" role="status" data-testid="undo-toast">
      <span>{t('storyKept.removed', { title: removed.title })}</span>
      <button type="button" className="toast-action" onClick={onUndo} data-testid="undo-remove">
        {t('storyKept.undo')}
      </button>
    </div>
  );
}

export function ResetToPlanStory({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)} data-testid="reset-story">
        {t('storyKept.reset')}
      </button>
    );
  return (
    <div className="reset-confirm" role="alertdialog" aria-label={t('storyKept.reset')} data-testid="reset-confirm">
      <p>{t('storyKept.resetConfirm')}</p>
      <div className="detail-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setAsking(false);
            onReset();
          }}
          data-testid="reset-story-yes"
        >
          {t('storyKept.resetYes')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t('storyKept.cancel')}
        </button>
      </div>
    </div>
  );
}
