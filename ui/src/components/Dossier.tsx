/**
 * Building blocks shared by the task screen, the zaakdossier and the klant's
 * "Mijn zaak": the zaak's key facts with the clock, the timeline in words,
 * budget with payments, and documents.
 */
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { KLOK, datum, datumTijd, door, dwangsomZin, euro, faseNaam, isoDag, korteDatum, regelingNaam, resterend, statusNaam, fasenVan } from '../lib/format.ts';
import type { Budget, Document, TijdlijnItem, Zaak, ZaakSamenvatting } from '../regie-api.ts';
import { regie } from '../regie-api.ts';
import { Stoplicht } from './Stoplicht.tsx';

type HeadingLevel = 2 | 3;

function Item({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{k}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Klant, regeling, fase, status and the clock with its traffic light. */
export function ZaakFeiten({ zaak, gemeente }: { zaak: ZaakSamenvatting; gemeente?: string | null | undefined }) {
  const k = zaak.klok;
  const light = KLOK[k.status];
  return (
    <DataList className="regie-facts">
      <Item k="Klant">{zaak.klant.naam}</Item>
      <Item k="Zaak">{zaak.identificatie}</Item>
      <Item k="Regeling">{regelingNaam(zaak.regeling)}</Item>
      {gemeente && <Item k="Gemeente">{gemeente}</Item>}
      <Item k="Fase">{faseNaam(zaak.fase)}</Item>
      <Item k="Status">{statusNaam(zaak.status)}</Item>
      <Item k="Gestart">
        <time dateTime={isoDag(zaak.startdatum)}>{datum(zaak.startdatum)}</time>
      </Item>
      <Item k="Streefdatum (servicenorm)">
        <time dateTime={isoDag(k.einddatumGepland)}>{datum(k.einddatumGepland)}</time>
      </Item>
      <Item k="Uiterste beslisdatum (wettelijk)">
        <time dateTime={isoDag(k.uiterlijkeEinddatumAfdoening)}>{datum(k.uiterlijkeEinddatumAfdoening)}</time>
        {' '}
        <span className="regie-muted">({resterend(k)})</span>
        {k.verdaagd && <span className="regie-muted"> · verdaagd</span>}
        {k.opgeschort && <span className="regie-muted"> · termijn opgeschort</span>}
      </Item>
      <Item k="Termijn">
        <Stoplicht tone={light.tone} label={k.afgehandeld ? 'Afgehandeld' : light.label} />
      </Item>
      {k.dwangsom && <Item k="Dwangsom (art. 4:17 Awb)">{dwangsomZin(k.dwangsom)}</Item>}
    </DataList>
  );
}

/** The process phases as steps, the current one marked (text + aria-current, not colour alone). */
export function FaseStappen({ fase, regeling, label = 'Voortgang' }: { fase: string | null; regeling?: string | null; label?: string }) {
  const fasen = fasenVan(regeling);
  const huidig = fase ? fasen.indexOf(fase) : -1;
  if (huidig < 0) return <Paragraph>Huidige fase: {faseNaam(fase)}</Paragraph>;
  return (
    <OrderedList className="regie-steps" aria-label={label}>
      {fasen.map((f, i) => {
        const state = i < huidig ? 'klaar' : i === huidig ? 'nu' : 'straks';
        return (
          <OrderedListItem key={f} className={`regie-steps__item regie-steps__item--${state}`} aria-current={state === 'nu' ? 'step' : undefined}>
            <span className="regie-steps__name">{faseNaam(f)}</span>
            <span className="regie-steps__state">{state === 'klaar' ? 'afgerond' : state === 'nu' ? 'nu bezig' : 'nog niet'}</span>
          </OrderedListItem>
        );
      })}
    </OrderedList>
  );
}

/** One timeline entry as a sentence: "U heeft …" for the reader's own actions, else who (name, role) did what. */
export function tijdlijnZin(e: TijdlijnItem, mijnGebruikersnaam?: string): string {
  if (e.zin === undefined) return `${e.omschrijving} door ${door(e.door, mijnGebruikersnaam)}`;
  if (e.door && mijnGebruikersnaam && e.door === mijnGebruikersnaam && e.handeling) return `U ${e.handeling}.`;
  return e.zin;
}

/** Event log in human words, newest first. */
export function Tijdlijn({ items, mijnGebruikersnaam, max }: { items: TijdlijnItem[]; mijnGebruikersnaam?: string; max?: number }) {
  const sorted = [...items].sort((a, b) => b.op.localeCompare(a.op));
  const shown = max ? sorted.slice(0, max) : sorted;
  if (shown.length === 0) return <Paragraph>Er is nog niets gebeurd in deze zaak.</Paragraph>;
  return (
    <OrderedList className="regie-timeline" reversed>
      {shown.map((e, i) => (
        <OrderedListItem key={`${e.op}-${i}`} className="regie-timeline__item">
          <time dateTime={e.op} className="regie-timeline__when">
            {datumTijd(e.op)}
          </time>
          <span className="regie-timeline__what">{tijdlijnZin(e, mijnGebruikersnaam)}</span>
          {e.fase && <span className="regie-muted"> · fase {faseNaam(e.fase).toLowerCase()}</span>}
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}

const BETAAL_STATUS: Record<string, string> = {
  voorgesteld: 'Wacht op goedkeuring',
  goedgekeurd: 'Goedgekeurd',
  betaald: 'Betaald',
  afgewezen: 'Afgewezen',
  'in-batch': 'Wordt betaald',
};

export function BudgetOverzicht({ budget, level = 2 }: { budget: Budget; level?: HeadingLevel }) {
  return (
    <>
      <DataList className="regie-facts regie-facts--money">
        <Item k="Toegekend">{euro(budget.toegekendCents)}</Item>
        <Item k="Vastgelegd (verplicht)">{euro(budget.gereserveerdCents)}</Item>
        <Item k="Betaald">{euro(budget.betaaldCents)}</Item>
        <Item k="Resterend">
          <strong>{euro(budget.resterendCents)}</strong>
        </Item>
      </DataList>
      <Heading level={(level + 1) as 3 | 4}>Betalingen</Heading>
      {budget.betalingen.length === 0 ? (
        <Paragraph>Er zijn nog geen betalingen.</Paragraph>
      ) : (
        <div className="regie-table-wrap">
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">Betalingen uit het budget</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Datum</TableHeaderCell>
                <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
                <TableHeaderCell scope="col">Aan</TableHeaderCell>
                <TableHeaderCell scope="col" className="regie-num">
                  Bedrag
                </TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {budget.betalingen.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{korteDatum(b.datum)}</TableCell>
                  <TableCell>{b.omschrijving}</TableCell>
                  <TableCell>{b.payeeNaam}</TableCell>
                  <TableCell className="regie-num">{euro(b.bedragCents)}</TableCell>
                  <TableCell>
                    {BETAAL_STATUS[b.status] ?? b.status}
                    {b.reden ? <span className="regie-muted">: {b.reden}</span> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

export function Documenten({ zaakId, documenten }: { zaakId: string; documenten: Document[] }) {
  if (documenten.length === 0) return <Paragraph>Er zijn nog geen documenten.</Paragraph>;
  return (
    <UnorderedList className="regie-documents">
      {documenten.map((d) => (
        <UnorderedListItem key={d.id}>
          <Link href={regie.documentUrl(zaakId, d.id)} download>
            {d.titel} <span className="regie-visually-hidden">downloaden</span>
          </Link>{' '}
          <span className="regie-muted">
            (PDF, {d.soort}, {datum(d.aangemaakt)})
          </span>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

export type { Zaak };
