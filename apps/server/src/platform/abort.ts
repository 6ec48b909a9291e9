/**
 * A signal that aborts after `ms` (with a `TimeoutError`) or as soon as one of `parents` aborts.
 * Built on a controller and a timer held here rather than `AbortSignal.any([…, AbortSignal.timeout()])`:
 * Node 20 keeps a composite signal's sources only weakly, so a timeout signal nothing else holds can
 * be collected and the composite then never aborts (a request hangs past its timeout). Call `done()`
 * when the work finished, to free the timer and the listeners.
 */
export function deadline(
  ms: number,
  ...parents: ReadonlyArray<AbortSignal | undefined>
): {
  readonly signal: AbortSignal;
  done(): void;
} {
  const controller = new AbortController();
  const abort = (reason: unknown) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const timer = setTimeout(() => abort(new DOMException(`no answer in ${ms} ms`, 'TimeoutError')), ms);
  const listeners: Array<() => void> = [];
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) abort(parent.reason);
    const onAbort = () => abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    listeners.push(() => parent.removeEventListener('abort', onAbort));
  }
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      for (const remove of listeners) remove();
    },
  };
}
