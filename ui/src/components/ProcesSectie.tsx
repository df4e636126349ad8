/**
 * "Waar staat de zaak in het proces": the text alternative ("Huidige stap: …") and the
 * phases first, then the bpmn-js diagram, which loads as its own chunk only here.
 */
import { lazy, Suspense } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { faseNaam } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { regie, type ZaakProces } from '../regie-api.ts';
import { FaseStappen } from './Dossier.tsx';
import { Laden, LoadError } from './LoadError.tsx';

const ProcessDiagram = lazy(() => import('./ProcessDiagram.tsx'));

export function huidigeStap(p: ZaakProces): string {
  if (p.status === 'niet-gestart') return 'Het proces van deze zaak is nog niet gestart.';
  if (p.status === 'afgerond') return 'Het proces van deze zaak is afgerond.';
  if (p.status === 'afgebroken') return 'Het proces van deze zaak is afgebroken.';
  const namen = p.actief.map((a) => a.naam ?? a.elementId);
  if (namen.length === 0) return 'Huidige stap: het systeem verwerkt de vorige stap.';
  const lijst = namen.length === 1 ? namen[0]! : `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`;
  return `Huidige ${namen.length === 1 ? 'stap' : 'stappen'}: ${lijst}.`;
}

export function ProcesSectie({ zaakId, fase, regeling }: { zaakId: string; fase: string | null; regeling?: string | null }) {
  const load = useLoad(() => regie.zaakProces(zaakId), [zaakId]);
  const proces = load.data;
  return (
    <>
      <Paragraph>Huidige fase: {faseNaam(fase)}.</Paragraph>
      {proces && (
        <Paragraph className="regie-huidige-stap" data-testid="huidige-stap">
          {huidigeStap(proces)}
        </Paragraph>
      )}
      <FaseStappen fase={fase} regeling={regeling} label="Fasen van de zaak" />
      {load.status === 'error' && !proces ? (
        <LoadError message={load.message} onRetry={load.reload} />
      ) : !proces ? (
        <Laden tekst="Procesdiagram laden…" />
      ) : proces.xml ? (
        <Suspense fallback={<Laden tekst="Procesdiagram laden…" />}>
          <ProcessDiagram
            xml={proces.xml}
            actief={proces.actief.map((a) => a.elementId)}
            afgerond={proces.afgerond}
            label={`Procesdiagram ${proces.bpmnProcessId}${proces.version ? `, versie ${proces.version}` : ''}`}
          />
        </Suspense>
      ) : null}
    </>
  );
}
