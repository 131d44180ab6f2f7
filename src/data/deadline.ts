/**
 * A network step a person started (reading a PMTiles header, fetching a TileJSON) with a time
 * limit and a Cancel: whichever comes first — the answer, the time limit, the person's Cancel —
 * settles it, and the step's own requests are aborted through the signal it is given. A step
 * that ignores the signal is still settled on time (its late answer is dropped). Pure, no React.
 */

/** The step did not answer within `ms`. */
export class StepTimeout extends Error {
  constructor(
    readonly step: string,
    readonly ms: number,
  ) {
    super(`${step}: no answer within ${Math.round(ms / 1000)} s`);
    this.name = 'StepTimeout';
  }
}

/** The person cancelled the step. */
export class StepCancelled extends Error {
  constructor(readonly step: string) {
    super(`${step}: cancelled`);
    this.name = 'StepCancelled';
  }
}

export async function withDeadline<T>(step: string, ms: number, run: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const fail = (e: Error) => {
    controller.abort(e);
    stop(e);
  };
  if (outer?.aborted) throw new StepCancelled(step);
  const onCancel = () => fail(new StepCancelled(step));
  outer?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => fail(new StepTimeout(step, ms)), ms);
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } catch (e) {
    // a request aborted by our signal rejects with an AbortError: report why it was aborted
    if (controller.signal.aborted && controller.signal.reason instanceof Error) throw controller.signal.reason;
    throw e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onCancel);
  }
}
