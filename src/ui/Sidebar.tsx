import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type SidebarTab } from '../app/store';
import { BasemapPanel, LayerPanel } from './LayerPanel';
import { FilterPanel } from './FilterPanel';
import { ItemList } from './ItemList';
import { RegionPanel } from './RegionPanel';
import type { RegionAnalysis } from '../app/useRegionAnalysis';
import type { ChoroplethLegend } from '../app/useChoropleth';
import { StoryPanel } from './StoryPanel';
import type { StoryActions } from '../app/usePresentation';
import { PanelBoundary } from './PanelBoundary';
import { usePlanOrNull } from '../app/planContext';

// The data tab loads on first use.
const DataPanel = lazy(() => import('./DataPanel').then((m) => ({ default: m.DataPanel })));

/** The side panel: layers & filters, or the list. Collapsible; on a narrow screen it overlays the map. */
export function Sidebar({ analysis, legend, storyActions }: { analysis: RegionAnalysis; legend: ChoroplethLegend | null; storyActions: StoryActions }) {
  const plan = usePlanOrNull();
  const { t } = useTranslation();
  const tab = useAppStore((s) => s.sidebarTab);
  const setTab = useAppStore((s) => s.setSidebarTab);
  const open = useAppStore((s) => s.sidebarOpen);
  const data = useAppStore((s) => s.data);
  if (!open) return null;
  const tabs: SidebarTab[] = ['layers', 'list', 'regions', 'story', 'data'];
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')} data-testid="sidebar">
      <div className="tabs" role="tablist" aria-label={t('sidebar.label')}>
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`tabpanel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => setTab(k)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = tabs[(tabs.indexOf(k) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(`sidebar.${k}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {data.state === 'loading' && <p className="fine-print">{t('app.dataLoading')}</p>}
        {data.state === 'failed' && (
          <p className="error-text" role="alert">
            {t('app.dataFailed', { reason: data.reason })}
          </p>
        )}
        {/* each tab has its own boundary (keyed by tab so switching tabs clears a failure) */}
        {plan && tab === 'layers' && (
          <PanelBoundary key={tab} part="layers">
            <LayerPanel />
            <FilterPanel />
            <BasemapPanel />
          </PanelBoundary>
        )}
        {plan && tab === 'list' && (
          <PanelBoundary key={tab} part="list">
            <ItemList />
          </PanelBoundary>
        )}
        {plan && tab === 'regions' && (
          <PanelBoundary key={tab} part="regions">
            <RegionPanel analysis={analysis} legend={legend} />
          </PanelBoundary>
        )}
        {plan && tab === 'story' && (
          <PanelBoundary key={tab} part="story">
            <StoryPanel actions={storyActions} />
          </PanelBoundary>
        )}
        {tab === 'data' && (
          <PanelBoundary key={tab} part="data">
            <Suspense fallback={<p className="fine-print">…</p>}>
              <DataPanel />
            </Suspense>
          </PanelBoundary>
        )}
      </div>
    </nav>
  );
}
