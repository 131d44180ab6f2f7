// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { askBeforeLeaving } from '../../../src/app/storage/leaveGuard';

/** Whether leaving the page now would ask first: a beforeunload event whose default is prevented. */
function wouldAsk(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('askBeforeLeaving', () => {
  it('asks while a save is pending and not before or after', () => {
    expect(wouldAsk()).toBe(false);
    const done = askBeforeLeaving();
    expect(wouldAsk()).toBe(true);
    done();
    expect(wouldAsk()).toBe(false);
  });

  it('keeps asking until the last of overlapping saves is done; a second release changes nothing', () => {
    const first = askBeforeLeaving();
    const second = askBeforeLeaving();
    first();
    first();
    expect(wouldAsk()).toBe(true);
    second();
    expect(wouldAsk()).toBe(false);
  });
});
