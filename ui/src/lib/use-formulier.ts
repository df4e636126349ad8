import { useRef, useState } from 'react';
import { foutTekst } from './use-load.ts';
import { serverVeldFouten } from './veld-fouten.ts';

export interface FormulierOpties {
  /** The statuses whose errors name fields (see serverVeldFouten); 400 unless the route also uses e.g. 422. */
  statussen?: readonly number[];
  /** False: when the server named fields, the summary says "Verbeter …" over them instead of showing the refusal text. */
  weigeringBijVeldFouten?: boolean;
  /** The refusal text; foutTekst unless the form shows the server's own words. */
  weigering?: (err: unknown) => string;
}

/**
 * The state every small form shares: field errors, the server's refusal (`fout`), busy, and the
 * error summary. One place, so every form focuses its summary after each failed attempt (a new
 * `attempt` remounts it, so a screen reader announces it again) and puts the server's field
 * errors on the same fields the browser's checks use.
 */
export function useFormulier<F extends string>(opties: FormulierOpties = {}) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  /** Shows `errs` (from the browser's checks) or, when there are none, sends; a refusal lands on the fields `veldVan` names. */
  async function verstuur(errs: Partial<Record<F, string>>, send: () => Promise<void>, veldVan: (pad: string) => F | undefined) {
    setFout(null);
    setErrors(errs);
    setAttempt((a) => a + 1);
    const focus = () => setTimeout(() => summary.current?.focus(), 0);
    if (Object.keys(errs).length > 0) return focus();
    setBezig(true);
    try {
      await send();
    } catch (err) {
      const velden = serverVeldFouten(err, veldVan, opties.statussen);
      setErrors(velden);
      const alleenVelden = opties.weigeringBijVeldFouten === false && Object.keys(velden).length > 0;
      setFout(alleenVelden ? null : (opties.weigering ?? foutTekst)(err));
      focus();
    } finally {
      setBezig(false);
    }
  }
  return { errors, fout, bezig, attempt, summary, verstuur };
}
