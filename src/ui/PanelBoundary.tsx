/**
 * An error boundary around one part of the page (a side-panel tab, a popup over the map): when
 * that part throws while rendering, it shows a short message naming the part and a "try again"
 * button instead, and the rest of the app stays. Without it React unmounts the whole root and
 * the page goes white, on every load if the cause is stored data.
 */
import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { boundedMessage } from '../i18n/bounded';

/** The parts with a boundary (their names are `boundary.parts.<part>`). */
export type BoundaryPart = 'layers' | 'list' | 'regions' | 'story' | 'data' | 'tooltip' | 'detail' | 'featureDetail' | 'map';

interface State {
  error: Error | null;
}

export class PanelBoundary extends Component<{ part: BoundaryPart; children: ReactNode; onError?: (error: Error) => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // for whoever opens the console; the person sees the message below
    console.warn(`part "${this.props.part}" failed to render:`, error, info.componentStack);
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <BoundaryMessage part={this.props.part} error={this.state.error} retry={() => this.setState({ error: null })} />;
  }
}

function BoundaryMessage({ part, error, retry }: { part: BoundaryPart; error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-text panel-failed" role="alert" data-testid="panel-failed" data-part={part}>
      <p>{t('boundary.failed', { part: t(`boundary.parts.${part}`), reason: boundedMessage(error.message, 200) })}</p>
      <button type="button" className="button" onClick={retry}>
        {t('boundary.retry')}
      </button>
    </div>
  );
}

/** A component wrapped in its own boundary (for parts placed by code this module cannot edit). */
export function withBoundary<P extends object>(Inner: ComponentType<P>, part: BoundaryPart): ComponentType<P> {
  const Wrapped = (props: P) => (
    <PanelBoundary part={part}>
      <Inner {...props} />
    </PanelBoundary>
  );
  Wrapped.displayName = `Boundary(${Inner.displayName ?? Inner.name})`;
  return Wrapped;
}
