// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../../src/pwa/UpdatePrompt';
import type { PresentingSource } from '../../../src/pwa/presenting';
import { pwaStrings } from '../../../src/i18n/pwa';

function presentingFlag(initial: boolean): PresentingSource & { set: (v: boolean) => void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    set: (v) => {
      value = v;
      listeners.forEach((cb) => cb());
    },
  };
}

async function i18n(lng: 'zh' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { zh: { translation: { pwa: pwaStrings.zh } }, en: { translation: { pwa: pwaStrings.en } } } });
  return i;
}

afterEach(cleanup);

describe('UpdatePrompt', () => {
  it('offers the update in the UI language and follows a language switch', async () => {
    const t = await i18n('zh');
    render(<UpdatePrompt presenting={presentingFlag(false)} i18n={t} onReload={() => {}} onLater={() => {}} />);
    expect(screen.getByTestId('pwa-update').textContent).toContain(pwaStrings.zh.updateAvailable);
    await act(() => t.changeLanguage('en'));
    expect(screen.getByTestId('pwa-update').textContent).toContain(pwaStrings.en.updateAvailable);
    expect(screen.getByRole('button', { name: pwaStrings.en.reload })).toBeTruthy();
  });

  it('steps aside while a presentation runs and comes back after it', async () => {
    const flag = presentingFlag(true);
    render(<UpdatePrompt presenting={flag} i18n={await i18n('en')} onReload={() => {}} onLater={() => {}} />);
    expect(screen.queryByTestId('pwa-update')).toBeNull();
    act(() => flag.set(false));
    expect(screen.getByTestId('pwa-update')).toBeTruthy();
    act(() => flag.set(true));
    expect(screen.queryByTestId('pwa-update')).toBeNull();
  });

  it('reloads only when asked', async () => {
    const onReload = vi.fn();
    const onLater = vi.fn();
    render(<UpdatePrompt presenting={presentingFlag(false)} i18n={await i18n('en')} onReload={onReload} onLater={onLater} />);
    expect(onReload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: pwaStrings.en.laterLabel }));
    expect(onLater).toHaveBeenCalledTimes(1);
    expect(onReload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('pwa-update-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
