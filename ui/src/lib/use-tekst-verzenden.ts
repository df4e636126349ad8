import { useRef, useState, type FormEvent } from 'react';
import { foutTekst } from './use-load.ts';

/**
 * A form that sends one text (an intrekking's reden) after a first
 * button opened it: its value, the field error from `controleer`, the server's refusal, the
 * busy state, and the focus on the error summary after every failed attempt (a new `attempt`
 * remounts the summary, so a screen reader announces it again).
 */
export function useTekstVerzenden({ controleer, verstuur, onDone }: { controleer: (tekst: string) => string | null; verstuur: (tekst: string) => Promise<unknown>; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [tekst, setTekst] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [veldFout, setVeldFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [klaar, setKlaar] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = () => setTimeout(() => summary.current?.focus(), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFout(null);
    setAttempt((a) => a + 1);
    const probleem = controleer(tekst);
    setVeldFout(probleem);
    if (probleem) {
      focusSummary();
      return;
    }
    setBezig(true);
    try {
      await verstuur(tekst.trim());
      setKlaar(true);
      onDone();
    } catch (err) {
      setFout(foutTekst(err));
      focusSummary();
    } finally {
      setBezig(false);
    }
  }

  function annuleer() {
    setOpen(false);
    setFout(null);
    setVeldFout(null);
  }

  return { open, setOpen, tekst, setTekst, fout, veldFout, bezig, klaar, attempt, summary, submit, annuleer };
}
