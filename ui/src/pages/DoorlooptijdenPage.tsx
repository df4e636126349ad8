/**
 * The manager's home "Doorlooptijden": per regeling the running zaken in term, at risk
 * (past the servicenorm) and over the legal term, the median time from receipt to the
 * bekendmaking of the besluit, and the share decided within the legal term. A table, not a
 * chart: no chart library is installed, and a table reads well with a screen reader.
 */
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { tenantLabel } from '../components/Layout.tsx';
import { datum, regelingNaam } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { regie, type DoorlooptijdCijfers } from '../regie-api.ts';
import type { RouteProps } from '../routes.tsx';

/** "67 % (2 van 3)", or a dash without besluiten. */
export function aandeelBinnenTermijn(r: Pick<DoorlooptijdCijfers, 'besloten' | 'binnenTermijn'>): string {
  if (r.besloten === 0) return '–';
  return `${Math.round((100 * r.binnenTermijn) / r.besloten)} % (${r.binnenTermijn} van ${r.besloten})`;
}

export function dagen(n: number | null): string {
  if (n === null) return '–';
  const s = Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',');
  return n === 1 ? '1 dag' : `${s} dagen`;
}

export default function DoorlooptijdenPage({ session }: RouteProps) {
  const load = useLoad(() => regie.doorlooptijden(), []);
  const data = load.data;
  const gemeente = tenantLabel(session.tenant);
  return (
    <section aria-labelledby="paginatitel">
      <Heading level={1} id="paginatitel" tabIndex={-1}>
        Doorlooptijden
      </Heading>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!data && load.status === 'loading' && <Laden />}
      {data && data.regelingen.length === 0 && (
        <div className="regie-empty">
          <Paragraph>Er zijn nog geen zaken om doorlooptijden over te tonen.</Paragraph>
        </div>
      )}
      {data && data.regelingen.length > 0 && (
        <>
          <Paragraph>
            Stand op {datum(data.peildatum)}{gemeente ? ` voor ${gemeente}` : ''}. Lopende zaken staan in termijn, lopen risico (de servicenorm van de
            gemeente is voorbij) of zijn over de wettelijke termijn. De doorlooptijd loopt van de ontvangst van de aanvraag tot de bekendmaking van het
            besluit.
          </Paragraph>
          <div className="regie-table-wrap">
            <Table className="regie-table" data-testid="doorlooptijden">
              <TableCaption>Doorlooptijden per regeling</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Regeling</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <Stoplicht tone="ok" label="In termijn" />
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <Stoplicht tone="warning" label="Risico" />
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <Stoplicht tone="danger" label="Over termijn" />
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Besloten</TableHeaderCell>
                  <TableHeaderCell scope="col">Mediane doorlooptijd tot besluit</TableHeaderCell>
                  <TableHeaderCell scope="col">Binnen de wettelijke termijn besloten</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.regelingen.map((r) => (
                  <TableRow key={r.regeling}>
                    <TableHeaderCell scope="row">{regelingNaam(r.regeling)}</TableHeaderCell>
                    <TableCell>{r.lopend.inTermijn}</TableCell>
                    <TableCell>{r.lopend.risico}</TableCell>
                    <TableCell>{r.lopend.overTermijn}</TableCell>
                    <TableCell>{r.besloten}</TableCell>
                    <TableCell>{dagen(r.mediaanDoorlooptijdDagen)}</TableCell>
                    <TableCell>{aandeelBinnenTermijn(r)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
