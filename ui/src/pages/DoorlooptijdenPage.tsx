/**
 * The manager's home "Doorlooptijden": per regeling the running zaken in term, at risk
 * (past the servicenorm) and over the legal term, the median time from receipt to the
 * bekendmaking of the besluit, and the share decided within the legal term — for all
 * besluiten or those of one year or kwartaal. Every figure opens as the list of its zaken,
 * so a manager can see which zaken went over the term and account for them. A table, not a
 * chart: it reads well with a screen reader.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { tenantLabel } from '../components/Layout.tsx';
import { dagen, datum, euro, isoDag, korteDatum, regelingNaam, vandaag } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { regie, type DoorlooptijdCategorie, type DoorlooptijdCijfers, type DoorlooptijdPeriode } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

/** "67 % (2 van 3)", or a dash without besluiten. */
export function aandeelBinnenTermijn(r: Pick<DoorlooptijdCijfers, 'besloten' | 'binnenTermijn'>): string {
  if (r.besloten === 0) return '–';
  return `${Math.round((100 * r.binnenTermijn) / r.besloten)} % (${r.binnenTermijn} van ${r.besloten})`;
}

export interface PeriodeKeuze {
  id: string;
  label: string;
  /** To follow "bekendgemaakt in …"; null for all besluiten. */
  tekst: string | null;
  periode: DoorlooptijdPeriode;
}

/** The periods a manager reports over: all besluiten, this year and the two before, this and last kwartaal. */
export function periodeKeuzes(peildatum: string): PeriodeKeuze[] {
  const jaar = Number(peildatum.slice(0, 4));
  const kwartaal = Math.floor((Number(peildatum.slice(5, 7)) - 1) / 3);
  const kwartaalVan = (j: number, k: number): PeriodeKeuze['periode'] => {
    const eind = new Date(Date.UTC(j, 3 * k + 3, 0)).toISOString().slice(0, 10);
    return { van: `${j}-${String(3 * k + 1).padStart(2, '0')}-01`, tot: eind };
  };
  const vorig = kwartaal === 0 ? { j: jaar - 1, k: 3 } : { j: jaar, k: kwartaal - 1 };
  return [
    { id: 'alle', label: 'Alle besluiten', tekst: null, periode: {} },
    ...[jaar, jaar - 1, jaar - 2].map((j) => ({
      id: `jaar-${j}`,
      label: j === jaar ? `${j} (dit jaar)` : String(j),
      tekst: String(j),
      periode: { van: `${j}-01-01`, tot: `${j}-12-31` },
    })),
    { id: 'kwartaal', label: `Dit kwartaal (K${kwartaal + 1} ${jaar})`, tekst: `dit kwartaal (K${kwartaal + 1} ${jaar})`, periode: kwartaalVan(jaar, kwartaal) },
    {
      id: 'vorig-kwartaal',
      label: `Vorig kwartaal (K${vorig.k + 1} ${vorig.j})`,
      tekst: `het vorige kwartaal (K${vorig.k + 1} ${vorig.j})`,
      periode: kwartaalVan(vorig.j, vorig.k),
    },
  ];
}

export const CATEGORIE_NAAM: Record<DoorlooptijdCategorie, string> = {
  'in-termijn': 'lopend, in termijn',
  risico: 'lopend, servicenorm voorbij',
  'over-termijn': 'lopend, over de wettelijke termijn',
  'besloten-binnen-termijn': 'binnen de wettelijke termijn besloten',
  'besloten-buiten-termijn': 'buiten de wettelijke termijn besloten',
};

/** "2 lopend (€ 345,00), 1 besloten (€ 1.442,00)", or a dash without dwangsom (Awb 4:17). */
export function dwangsomCijfer(d: DoorlooptijdCijfers['dwangsom']): string {
  if (!d || (d.lopend === 0 && d.besloten === 0)) return '–';
  const delen = [];
  if (d.lopend > 0) delen.push(`${d.lopend} lopend (${euro(d.lopendCent)})`);
  if (d.besloten > 0) delen.push(`${d.besloten} besloten (${euro(d.beslotenCent)})`);
  return delen.join(', ');
}

/** "nog 12 dagen", "laatste dag", "3 dagen over de termijn". */
export function termijnStand(dagenTot: number): string {
  if (dagenTot === 0) return 'laatste dag';
  if (dagenTot > 0) return `nog ${dagen(dagenTot)}`;
  return `${dagen(-dagenTot)} over de termijn`;
}

interface Keuze {
  regeling: string;
  categorie: DoorlooptijdCategorie;
}

function Aantal({ aantal, keuze, gekozen, kies, tekst }: { aantal: number; keuze: Keuze; gekozen: Keuze | null; kies: (k: Keuze) => void; tekst?: string }) {
  if (aantal === 0) return <>{tekst ?? '0'}</>;
  const actief = gekozen?.regeling === keuze.regeling && gekozen.categorie === keuze.categorie;
  return (
    // aria-controls only once the list exists: it must name an element on the page.
    <Button appearance="subtle-button" className="regie-aantal" aria-pressed={actief} aria-controls={gekozen ? 'doorlooptijd-zaken' : undefined} onClick={() => kies(keuze)}>
      {tekst ?? aantal}
      <span className="regie-visually-hidden">
        {' '}
        — toon de zaken {regelingNaam(keuze.regeling)}, {CATEGORIE_NAAM[keuze.categorie]}
      </span>
    </Button>
  );
}

function ZakenLijst({ keuze, periode, periodeTekst }: { keuze: Keuze; periode: DoorlooptijdPeriode; periodeTekst: string | null }) {
  const load = useLoad(() => regie.doorlooptijdZaken(keuze.regeling, keuze.categorie, periode), [keuze.regeling, keuze.categorie, periode.van, periode.tot]);
  const kop = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    kop.current?.focus();
  }, [keuze.regeling, keuze.categorie]);
  const data = load.data;
  const besloten = keuze.categorie.startsWith('besloten');
  const metDwangsom = Boolean(data?.zaken.some((z) => z.dwangsomCent != null));
  return (
    <section id="doorlooptijd-zaken" aria-labelledby="doorlooptijd-zaken-kop">
      <Heading level={2} id="doorlooptijd-zaken-kop" ref={kop} tabIndex={-1}>
        Zaken {regelingNaam(keuze.regeling)}: {CATEGORIE_NAAM[keuze.categorie]}
      </Heading>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!data && load.status === 'loading' && <Laden />}
      {data && (
        <>
          <Paragraph>
            {data.totaal === 1 ? '1 zaak' : `${data.totaal} zaken`}
            {besloten
              ? `${periodeTekst ? `, besluiten bekendgemaakt in ${periodeTekst}` : ''}; het laatste besluit eerst.`
              : ', stand vandaag; de vroegste uiterste beslisdatum eerst.'}
            {data.totaal > data.zaken.length ? ` U ziet de eerste ${data.zaken.length}.` : ''}
          </Paragraph>
          <div className="regie-table-wrap">
            <Table className="regie-table" data-testid="doorlooptijd-zaken">
              <TableCaption className="regie-visually-hidden">
                Zaken {regelingNaam(keuze.regeling)}, {CATEGORIE_NAAM[keuze.categorie]}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                  <TableHeaderCell scope="col">Klant</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                  <TableHeaderCell scope="col">Uiterste beslisdatum</TableHeaderCell>
                  {besloten ? (
                    <>
                      <TableHeaderCell scope="col">Besluit bekendgemaakt</TableHeaderCell>
                      <TableHeaderCell scope="col">Doorlooptijd</TableHeaderCell>
                    </>
                  ) : (
                    <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                  )}
                  {metDwangsom && <TableHeaderCell scope="col">Dwangsom</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.zaken.map((z) => (
                  <TableRow key={z.id}>
                    <TableHeaderCell scope="row">
                      <Link {...linkProps(`/zaken/${encodeURIComponent(z.id)}`)}>{z.identificatie}</Link>
                    </TableHeaderCell>
                    <TableCell>{z.klant.naam}</TableCell>
                    <TableCell>
                      <time dateTime={isoDag(z.startdatum)}>{korteDatum(z.startdatum)}</time>
                    </TableCell>
                    <TableCell>
                      <time dateTime={isoDag(z.uiterlijkeEinddatumAfdoening)}>{korteDatum(z.uiterlijkeEinddatumAfdoening)}</time>
                    </TableCell>
                    {besloten ? (
                      <>
                        <TableCell>
                          <time dateTime={isoDag(z.besluitBekendgemaakt!)}>{korteDatum(z.besluitBekendgemaakt)}</time>
                          {z.dagenTotUiterlijkeEinddatum < 0 && <span className="regie-muted"> ({termijnStand(z.dagenTotUiterlijkeEinddatum)})</span>}
                        </TableCell>
                        <TableCell>{dagen(z.doorlooptijdDagen)}</TableCell>
                      </>
                    ) : (
                      <TableCell>{termijnStand(z.dagenTotUiterlijkeEinddatum)}</TableCell>
                    )}
                    {metDwangsom && <TableCell>{z.dwangsomCent == null ? '–' : euro(z.dwangsomCent)}</TableCell>}
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

export default function DoorlooptijdenPage({ session }: RouteProps) {
  const keuzes = periodeKeuzes(vandaag());
  const [periodeId, setPeriodeId] = useState('alle');
  const gekozenPeriode = keuzes.find((k) => k.id === periodeId) ?? keuzes[0]!;
  const periode = gekozenPeriode.periode;
  const load = useLoad(() => regie.doorlooptijden(periode), [periode.van, periode.tot]);
  const [gekozen, setGekozen] = useState<Keuze | null>(null);
  const ids = useId();
  const data = load.data;
  const gemeente = tenantLabel(session.tenant);
  return (
    <section aria-labelledby="paginatitel">
      <Heading level={1} id="paginatitel" tabIndex={-1}>
        Doorlooptijden
      </Heading>
      <form className="regie-filters" aria-label="Periode" onSubmit={(e) => e.preventDefault()}>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-periode`}>Besluiten bekendgemaakt in</FormLabel>
          <Select id={`${ids}-periode`} value={periodeId} onChange={(e: ChangeEvent<HTMLSelectElement>) => setPeriodeId(e.target.value)}>
            {keuzes.map((k) => (
              <SelectOption key={k.id} value={k.id}>
                {k.label}
              </SelectOption>
            ))}
          </Select>
        </div>
      </form>
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
            Stand op {datum(data.peildatum)}
            {gemeente ? ` voor ${gemeente}` : ''}. Lopende zaken staan in termijn, lopen risico (de servicenorm van de gemeente is voorbij) of zijn over de
            wettelijke termijn. De doorlooptijd loopt van de ontvangst van de aanvraag tot de bekendmaking van het besluit
            {gekozenPeriode.tekst ? `; de besluiten tellen mee als ze zijn bekendgemaakt in ${gekozenPeriode.tekst}` : ''}. Kies
            een aantal om de zaken te zien.
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
                  <TableHeaderCell scope="col">Buiten de wettelijke termijn besloten</TableHeaderCell>
                  <TableHeaderCell scope="col">Dwangsom (art. 4:17 Awb)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.regelingen.map((r) => {
                  const cel = (aantal: number, categorie: DoorlooptijdCategorie, tekst?: string) => (
                    <Aantal aantal={aantal} keuze={{ regeling: r.regeling, categorie }} gekozen={gekozen} kies={setGekozen} {...(tekst ? { tekst } : {})} />
                  );
                  return (
                    <TableRow key={r.regeling}>
                      <TableHeaderCell scope="row">{regelingNaam(r.regeling)}</TableHeaderCell>
                      <TableCell>{cel(r.lopend.inTermijn, 'in-termijn')}</TableCell>
                      <TableCell>{cel(r.lopend.risico, 'risico')}</TableCell>
                      <TableCell>{cel(r.lopend.overTermijn, 'over-termijn')}</TableCell>
                      <TableCell>{r.besloten}</TableCell>
                      <TableCell>{dagen(r.mediaanDoorlooptijdDagen)}</TableCell>
                      <TableCell>{cel(r.binnenTermijn, 'besloten-binnen-termijn', aandeelBinnenTermijn(r))}</TableCell>
                      <TableCell>{cel(r.besloten - r.binnenTermijn, 'besloten-buiten-termijn')}</TableCell>
                      <TableCell>{dwangsomCijfer(r.dwangsom)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          {gekozen && <ZakenLijst keuze={gekozen} periode={periode} periodeTekst={gekozenPeriode.tekst} />}
        </>
      )}
    </section>
  );
}
