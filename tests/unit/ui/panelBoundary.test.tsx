// @vitest-environment happy-dom
/** One part that throws while rendering shows a message; its siblings stay. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../support/i18nResources';
import { PanelBoundary, withBoundary } from '../../../src/ui/PanelBoundary';

await i18next.use(initReactI18next).init({ resources, lng: 'zh', interpolation: { escapeValue: false } });

function Bad({ value }: { value: unknown }): React.ReactNode {
  // what a stored layer with an object for a name did: an object as a React child throws
  return <span>{value as string}</span>;
}

describe('PanelBoundary', () => {
  it('names the failed part, keeps the rest, and strips bidi overrides from the reason', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const Wrapped = withBoundary(Bad, 'featureDetail');
    render(
      <div>
        <PanelBoundary part="data">
          <Bad value={{ evil: '\u202E1' }} />
        </PanelBoundary>
        <Wrapped value={{ also: 1 }} />
        <p>still here</p>
      </div>,
    );
    const alerts = screen.getAllByTestId('panel-failed');
    expect(alerts.map((a) => a.getAttribute('data-part'))).toEqual(['data', 'featureDetail']);
    expect(alerts[0]!.textContent).toMatch(/^“数据”部分出错，未能显示（.+）。应用的其他部分仍可使用。重试$/);
    expect(alerts[0]!.textContent).not.toMatch(/\u202E/);
    expect(screen.getByText('still here')).toBeTruthy();
  });
});
