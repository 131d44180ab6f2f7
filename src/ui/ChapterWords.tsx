/**
 * A chapter's caption and quote as shown in the presentation. Only a quote verified as whole
 * clauses of the release (src/model/story/verify.ts) gets the plan's quote style; any other quote,
 * and every caption of an outside story, is shown as the author's words with a label saying so.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { Chapter } from '../model/story/schema';
import { localized } from '../i18n/language';
import './provenance.css';

export function ChapterWords({ chapter }: { chapter: Chapter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const outside = useAppStore((s) => s.storyOrigin !== 'plan');
  const verified = useAppStore((s) => chapter.quote !== undefined && s.verifiedQuotes.has(chapter.quote));
  const caption = localized(chapter, 'caption', lang);
  return (
    <>
      {outside ? (
        <div className="author-words" data-testid="author-caption">
          <span className="author-words-label">{t('provenance.authorWords')}</span>
          <p>{caption}</p>
        </div>
      ) : (
        <p>{caption}</p>
      )}
      {chapter.quote !== undefined &&
        (verified ? (
          <blockquote lang="zh-CN" className="source-quote" data-testid="verified-quote">
            {outside && <span className="quote-label">{t('provenance.verifiedQuote')}</span>}
            {chapter.quote}
          </blockquote>
        ) : (
          <div className="author-words" lang="zh-CN" data-testid="unverified-quote">
            <span className="author-words-label">{t('provenance.unverifiedQuote')}</span>
            <p>「{chapter.quote}」</p>
          </div>
        ))}
    </>
  );
}
