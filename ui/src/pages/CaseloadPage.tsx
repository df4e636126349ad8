/**
 * "Mijn caseload": the klantmanager's zaken grouped by fase with counts, and the
 * clock of each — the overview caseworkers in the sources lacked.
 * Until GET /api/caseload exists it shows all zaken of the organisation instead.
 */
import { useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { KLOK, FASEN, faseNaam, isoDag, korteDatum, REGELING_KORT, statusNaam } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { NOT_AVAILABLE, optional, regie, type Caseload, type ZaakSamenvatting } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

/** Counts per fase in process order, unknown phases after, "zonder fase" last. */
export function perFase(zaken: ZaakSamenvatting[]): Caseload['perFase'] {
  const counts = new Map<string, number>();
  for (const z of zaken) counts.set(z.fase ?? '', (counts.get(z.fase ?? '') ?? 0) + 1);
  const order = Object.keys(FASEN);
  return [...counts.entries()]
    .map(([fase, aantal]) => ({ fase, aantal }))
    .sort((a, b) => {
      const ia = a.fase === '' ? 1e9 : order.indexOf(a.fase) === -1 ? 1e8 : order.indexOf(a.fase);
      const ib = b.fase === '' ? 1e9 : order.indexOf(b.fase) === -1 ? 1e8 : order.indexOf(b.fase);
      return ia - ib;
    });
}

async function loadCaseload(): Promise<Caseload & { eigen: boolean }> {
  const c = await optional(regie.caseload());
  if (c !== NOT_AVAILABLE) return { ...c, eigen: true };
  const zaken = (await regie.zaken()).filter((z) => z.status !== 'afgesloten');
  return { perFase: perFase(zaken), zaken, eigen: false };
}

export default function CaseloadPage(_props: RouteProps) {
  const load = useLoad(loadCaseload, []);
  const [fase, setFase] = useState<string | null>(null);
  const data = load.data;
  const zaken = data ? data.zaken.filter((z) => fase === null || (z.fase ?? '') === fase) : [];

  return (
    <section>
      <Heading level={1} tabIndex={-1}>
        Mijn caseload
      </Heading>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!data && load.status === 'loading' && <Laden />}
      {data && !data.eigen && (
        <Alert type="info" className="regie-notice">
          <Paragraph>U ziet hier nog alle lopende zaken van uw organisatie; uw eigen caseload volgt.</Paragraph>
        </Alert>
      )}
      {data && (
        <>
          <Paragraph>
            {data.zaken.length === 1 ? '1 lopende zaak' : `${data.zaken.length} lopende zaken`}.{' '}
            {(() => {
              const rood = data.zaken.filter((z) => z.klok.status === 'termijn-verlopen' && !z.klok.afgehandeld).length;
              const oranje = data.zaken.filter((z) => z.klok.status === 'servicenorm-overschreden' && !z.klok.afgehandeld).length;
              return `${rood} over de wettelijke termijn, ${oranje} over de servicenorm.`;
            })()}
          </Paragraph>
          <Heading level={2}>Per fase</Heading>
          <ul className="regie-phase-counts" aria-label="Zaken per fase">
            <li>
              <Button appearance={fase === null ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={fase === null} onClick={() => setFase(null)}>
                Alle fasen <span className="regie-count">{data.zaken.length}</span>
              </Button>
            </li>
            {data.perFase.map((f) => (
              <li key={f.fase}>
                <Button
                  appearance={fase === f.fase ? 'primary-action-button' : 'secondary-action-button'}
                  aria-pressed={fase === f.fase}
                  onClick={() => setFase(f.fase)}
                >
                  {f.fase ? faseNaam(f.fase) : 'Zonder fase'} <span className="regie-count">{f.aantal}</span>
                </Button>
              </li>
            ))}
          </ul>
          <Heading level={2}>{fase === null ? 'Alle zaken' : `Zaken in fase ${fase ? faseNaam(fase).toLowerCase() : 'onbekend'}`}</Heading>
          {zaken.length === 0 ? (
            <Paragraph>Geen zaken.</Paragraph>
          ) : (
            <div className="regie-table-wrap">
              <Table className="regie-table">
                <TableCaption className="regie-visually-hidden">Zaken, de vroegste uiterste beslisdatum eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Klant</TableHeaderCell>
                    <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                    <TableHeaderCell scope="col">Fase</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Uiterste beslisdatum</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...zaken]
                    .sort((a, b) => a.klok.uiterlijkeEinddatumAfdoening.localeCompare(b.klok.uiterlijkeEinddatumAfdoening))
                    .map((z) => (
                      <TableRow key={z.id}>
                        <TableCell>{z.klant.naam}</TableCell>
                        <TableCell>
                          <Link {...linkProps(`/zaken/${encodeURIComponent(z.id)}`)}>{z.identificatie}</Link>{' '}
                          <span className="regie-muted">{REGELING_KORT[z.regeling] ?? z.regeling}</span>
                        </TableCell>
                        <TableCell>{faseNaam(z.fase)}</TableCell>
                        <TableCell>{statusNaam(z.status)}</TableCell>
                        <TableCell>
                          <time dateTime={isoDag(z.klok.uiterlijkeEinddatumAfdoening)}>{korteDatum(z.klok.uiterlijkeEinddatumAfdoening)}</time>{' '}
                          <Stoplicht tone={KLOK[z.klok.status].tone} label={z.klok.afgehandeld ? 'Afgehandeld' : KLOK[z.klok.status].label} />
                        </TableCell>
                      </TableRow>
                    ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
