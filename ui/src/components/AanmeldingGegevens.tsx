/**
 * What the klant filled in on the aanmelding (motivation, uitkering, contact, …), for the
 * klantmanager who holds the intake and the beslisser: before this the intake was held blind.
 * Loads itself from GET /api/zaken/{id}/aanmelding; shows nothing for a zaak without one.
 */
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react';
import { useLoad } from '../lib/use-load.ts';
import { regie } from '../regie-api.ts';
import { LoadError } from './LoadError.tsx';

/** Roles the server shows the aanmelding to. */
export const AANMELDING_ROLLEN = ['klantmanager', 'pgb-adviseur', 'beslisser'] as const;

export function AanmeldingGegevens({ zaakId, level = 2 }: { zaakId: string; level?: 2 | 3 }) {
  const load = useLoad(() => regie.aanmelding(zaakId), [zaakId]);
  const kopId = `aanmelding-${zaakId}`;
  if (load.status === 'error') return <LoadError message={load.message} onRetry={load.reload} />;
  if (!load.data || !load.data.formId) return null;
  return (
    <section aria-labelledby={kopId} className="regie-aanmelding">
      <Heading level={level} id={kopId}>
        Aanmelding van de klant
      </Heading>
      {load.data.velden.length === 0 ? (
        <Paragraph>De aanmelding bevat geen gegevens.</Paragraph>
      ) : (
        <DataList>
          {load.data.velden.map((v, i) => (
            <DataListItem key={i}>
              <DataListKey>{v.label}</DataListKey>
              <DataListValue>{v.waarde}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      )}
    </section>
  );
}
