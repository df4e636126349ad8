import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../api.ts';

export type Load<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown; message: string; notFound: boolean; data?: T };

/** Dutch text for a failed request. */
export function foutTekst(err: unknown): string {
  if (err instanceof NetworkError) return 'Regie is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.';
  if (err instanceof ApiError) {
    if (err.status === 404) return 'Dit onderdeel bestaat niet of u heeft er geen toegang toe.';
    if (err.status === 403) return err.problem.detail ?? 'U heeft hiervoor geen toegang.';
    return err.problem.detail ?? err.problem.title;
  }
  return 'Er ging iets mis. Probeer het opnieuw.';
}

/**
 * Loads data for a screen; re-runs when `deps` change and on `reload()`.
 * Keeps the previous data while reloading, so tables do not jump.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Load<T> & { reload: () => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', ...(s.data !== undefined ? { data: s.data } : {}) }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({
          status: 'error',
          error,
          message: foutTekst(error),
          notFound: error instanceof ApiError && error.status === 404,
          ...(s.data !== undefined ? { data: s.data } : {}),
        }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
