/**
 * "Aanbieders": the provider catalogue of the klant's organisation — the gids clients asked for
 * to choose well (seed-000 P3/P4, seed-003). Per aanbieder its services, region, whether the
 * klant can choose it, and what earlier trajecten in this organisation led to, in plain words.
 * A klant (or klantmanager) proposes an aanbieder that is not listed; a klantmanager vets it here.
 */
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isValidIban } from '../../../forms/index.ts';
import { ApiError, request } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { euro, REGELING_KORT, REGELINGEN } from '../lib/format.ts';
import { isOnlyKlant } from '../lib/roles.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { foutTekst, useLoad } from '../lib/use-load.ts';
import type { RouteProps } from '../routes.tsx';

type ContractStatus = 'gecontracteerd' | 'in-pool' | 'in-beoordeling' | 'afgewezen' | 'beeindigd';

export interface Aanbieder {
  id: string;
  naam: string;
  kvk: string;
  diensten: string[];
  regio: string;
  website: string | null;
  omschrijving: string | null;
  contract: {
    status: ContractStatus;
    regelingen: string[];
    sinds: string;
    tot: string | null;
    gemeenteklanten: boolean;
    inPool: boolean;
    reden: string | null;
    toelichting: string | null;
    voorgesteldDoorU: boolean;
  } | null;
  uwvIroPool: boolean;
  cijfers: {
    trajecten: number;
    geplaatst: number;
    percentageGeplaatst: number | null;
    gemiddeldeKostenCents: number | null;
    perRegeling: { regeling: string; trajecten: number; geplaatst: number }[];
  };
}

const POOL_REGELINGEN = Object.keys(REGELINGEN).filter((r) => r !== 'bezwaar');

interface Filters {
  q: string;
  regeling: string;
  dienst: string;
  regio: string;
  alle: boolean;
}
const GEEN_FILTERS: Filters = { q: '', regeling: '', dienst: '', regio: '', alle: false };

/** `/aanbieders?regeling=pib` opens the list for one regeling (a link from a task or Mijn zaak). */
export function filtersUitUrl(search: string): Filters {
  const p = new URLSearchParams(search);
  const regeling = p.get('regeling') ?? '';
  return {
    ...GEEN_FILTERS,
    regeling: POOL_REGELINGEN.includes(regeling) ? regeling : '',
    q: p.get('q') ?? '',
    dienst: p.get('dienst') ?? '',
    regio: p.get('regio') ?? '',
  };
}

function zoekUrl(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.regeling) p.set('regeling', f.regeling);
  if (f.dienst.trim()) p.set('dienst', f.dienst.trim());
  if (f.regio.trim()) p.set('regio', f.regio.trim());
  if (f.alle) p.set('alle', 'true');
  const qs = p.toString();
  return `/api/aanbieders${qs ? `?${qs}` : ''}`;
}

/** The outcome figures in plain words, e.g. "12 trajecten afgerond, 7 daarvan leidden tot werk". */
export function cijfersTekst(c: Aanbieder['cijfers']): string {
  if (c.trajecten === 0) return 'Nog geen afgeronde trajecten bij uw organisatie. Er zijn dus nog geen uitkomsten bekend.';
  const kosten = c.gemiddeldeKostenCents !== null ? ` Gemiddeld kostte een traject ${euro(c.gemiddeldeKostenCents)}.` : '';
  if (c.trajecten === 1) return `1 traject afgerond; dat leidde ${c.geplaatst === 1 ? '' : 'niet '}tot werk.${kosten}`;
  const werk = c.geplaatst === 1 ? '1 daarvan leidde tot werk' : `${c.geplaatst} daarvan leidden tot werk`;
  // Per regeling only when there is more than one: the client groups differ (iro, rio, pib).
  const per =
    c.perRegeling.length > 1
      ? ` Per regeling: ${c.perRegeling.map((r) => `${REGELING_KORT[r.regeling] ?? r.regeling} ${r.trajecten} (${r.geplaatst} tot werk)`).join(', ')}.`
      : '';
  return `${c.trajecten} trajecten afgerond, ${werk} (${c.percentageGeplaatst ?? 0}%).${kosten}${per}`;
}

/** Can the viewer choose it, and for what — or why not. */
export function contractTekst(a: Aanbieder, klant: boolean): string {
  const c = a.contract;
  if (!c) return 'Uw organisatie heeft (nog) geen afspraken met deze aanbieder.';
  const voor = c.regelingen.map((r) => REGELING_KORT[r] ?? r).join(', ');
  switch (c.status) {
    case 'gecontracteerd':
    case 'in-pool':
      if (!c.inPool) return 'De afspraken met deze aanbieder gelden op dit moment niet.';
      return `${klant ? 'U kunt' : 'De klant kan'} deze aanbieder kiezen voor: ${voor}.${c.status === 'gecontracteerd' ? ' Uw organisatie heeft een contract met deze aanbieder.' : ''}`;
    case 'in-beoordeling':
      return `Voorgesteld${c.voorgesteldDoorU ? ' door u' : ''} voor ${voor}. Een klantmanager beoordeelt deze aanbieder.`;
    case 'afgewezen':
      return `Afgewezen door de klantmanager. Reden: ${c.reden ?? 'niet opgegeven'}`;
    case 'beeindigd':
      return 'De afspraken met deze aanbieder zijn beëindigd. U kunt hem niet meer kiezen.';
  }
}

export default function AanbiedersPage({ session }: RouteProps) {
  const ids = useId();
  const klant = isOnlyKlant(session.roles);
  const klantmanager = session.roles.includes('klantmanager');
  const magVoorstellen = klant || klantmanager;
  const [invoer, setInvoer] = useState<Filters>(() => filtersUitUrl(window.location.search));
  const [filters, setFilters] = useState<Filters>(invoer);
  const load = useLoad((signal) => request<Aanbieder[]>('GET', zoekUrl(filters), { signal }), [filters]);
  const zet = (f: keyof Filters) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setInvoer((v) => ({ ...v, [f]: e.target.value }));

  return (
    <section>
      <Heading level={1} tabIndex={-1}>
        Aanbieders
      </Heading>
      <Paragraph appearance="lead">
        {klant
          ? 'Hier vindt u de aanbieders waaruit u kunt kiezen voor uw traject: wat zij doen, waar zij werken en hoe eerdere trajecten zijn afgelopen.'
          : 'De aanbieders van uw organisatie: diensten, werkgebied, contractstatus en de uitkomsten van afgeronde trajecten.'}
      </Paragraph>
      <Paragraph>
        De uitkomsten komen uit afgesloten trajecten bij uw eigen organisatie. Staat een aanbieder die u wilt er niet bij? Dan kunt u hem
        hieronder voorstellen.
      </Paragraph>

      <form
        className="regie-filters"
        role="search"
        aria-label="Aanbieders zoeken"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(invoer);
        }}
      >
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-q`}>Zoeken op naam of dienst</FormLabel>
          <Textbox id={`${ids}-q`} type="search" value={invoer.q} onChange={zet('q')} />
        </div>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-regeling`}>Regeling</FormLabel>
          <Select id={`${ids}-regeling`} value={invoer.regeling} onChange={zet('regeling')}>
            <SelectOption value="">Alle regelingen</SelectOption>
            {POOL_REGELINGEN.map((r) => (
              <SelectOption key={r} value={r}>
                {REGELINGEN[r]}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-dienst`}>Dienst</FormLabel>
          <Textbox id={`${ids}-dienst`} value={invoer.dienst} onChange={zet('dienst')} />
        </div>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-regio`}>Regio</FormLabel>
          <Textbox id={`${ids}-regio`} value={invoer.regio} onChange={zet('regio')} />
        </div>
        {!klant && (
          <div className="regie-filters__check">
            <Checkbox id={`${ids}-alle`} checked={invoer.alle} onChange={(e: ChangeEvent<HTMLInputElement>) => setInvoer((v) => ({ ...v, alle: e.target.checked }))} />
            <FormLabel htmlFor={`${ids}-alle`} type="checkbox">
              Ook aanbieders uit de pool van andere organisaties (zoals UWV)
            </FormLabel>
          </div>
        )}
        <div className="regie-filters__field">
          <Button type="submit" appearance="primary-action-button">
            Zoeken
          </Button>
        </div>
      </form>

      <div aria-live="polite" className="regie-status-line">
        {load.status === 'ok' && (
          <Paragraph>{load.data.length === 1 ? '1 aanbieder gevonden.' : `${load.data.length} aanbieders gevonden.`}</Paragraph>
        )}
      </div>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!load.data && load.status === 'loading' && <Laden />}
      {load.data?.map((a) => (
        <AanbiederKaart
          key={a.id}
          aanbieder={a}
          klant={klant}
          uwv={session.tenant?.soort === 'uwv'}
          kanBeoordelen={klantmanager}
          beheerder={session.roles.includes('beheerder')}
          onChanged={load.reload}
        />
      ))}

      {magVoorstellen && <VoorstelForm klant={klant} onSent={load.reload} />}
    </section>
  );
}

function AanbiederKaart({
  aanbieder: a,
  klant,
  uwv,
  kanBeoordelen,
  beheerder,
  onChanged,
}: {
  aanbieder: Aanbieder;
  klant: boolean;
  /** The viewer is UWV itself: 'also contracted by UWV' says nothing new. */
  uwv: boolean;
  kanBeoordelen: boolean;
  /** The tenant's beheerder sets the contract status here. */
  beheerder: boolean;
  onChanged: () => void;
}) {
  const kop = `a-${a.id}`;
  return (
    <article className="regie-card" aria-labelledby={kop}>
      <Heading level={2} id={kop}>
        {a.naam}
      </Heading>
      {a.omschrijving && <Paragraph>{a.omschrijving}</Paragraph>}
      <DataList className="regie-facts">
        <DataListItem>
          <DataListKey>Diensten</DataListKey>
          <DataListValue>{a.diensten.join(', ')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Werkgebied</DataListKey>
          <DataListValue>{a.regio === 'landelijk' ? 'Heel Nederland' : a.regio}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Kiezen</DataListKey>
          <DataListValue>
            {contractTekst(a, klant)}
            {a.uwvIroPool && !uwv && ' Deze aanbieder werkt ook voor UWV (iro) en neemt klanten van gemeenten aan.'}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Uitkomsten</DataListKey>
          <DataListValue>{cijfersTekst(a.cijfers)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>KvK-nummer</DataListKey>
          <DataListValue>{a.kvk}</DataListValue>
        </DataListItem>
        {a.website && (
          <DataListItem>
            <DataListKey>Website</DataListKey>
            <DataListValue>
              <Link href={a.website} rel="noopener noreferrer">
                {a.website}
              </Link>
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      {!klant && a.contract?.toelichting && a.contract.status === 'in-beoordeling' && <Paragraph>Toelichting van de klant: {a.contract.toelichting}</Paragraph>}
      {kanBeoordelen && a.contract?.status === 'in-beoordeling' && <Beoordeling aanbieder={a} onDone={onChanged} />}
      {beheerder && <ContractBeheer aanbieder={a} onDone={onChanged} />}
    </article>
  );
}

function Beoordeling({ aanbieder, onDone }: { aanbieder: Aanbieder; onDone: () => void }) {
  const id = useId();
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const foutRef = useRef<HTMLDivElement>(null);

  async function besluit(soort: 'goedkeuren' | 'afwijzen') {
    setFout(null);
    if (soort === 'afwijzen' && reden.trim() === '') {
      setFout('Geef de reden waarom u deze aanbieder afwijst; de klant krijgt die te zien.');
      setTimeout(() => foutRef.current?.focus(), 0);
      return;
    }
    setBezig(true);
    try {
      await request('POST', `/api/aanbieders/${encodeURIComponent(aanbieder.id)}/beoordeling`, {
        body: { besluit: soort, ...(reden.trim() ? { reden: reden.trim() } : {}) },
      });
      onDone();
    } catch (err) {
      setFout(err instanceof ApiError ? (err.problem.detail ?? foutTekst(err)) : foutTekst(err));
      setTimeout(() => foutRef.current?.focus(), 0);
    } finally {
      setBezig(false);
    }
  }

  return (
    <div className="regie-form" role="group" aria-label={`${aanbieder.naam} beoordelen`}>
      {fout && (
        <Alert type="error" ref={foutRef} tabIndex={-1}>
          <Paragraph>{fout}</Paragraph>
        </Alert>
      )}
      <div className="regie-field">
        <FormLabel htmlFor={`${id}-reden`}>Reden (verplicht bij afwijzen)</FormLabel>
        <Textarea id={`${id}-reden`} rows={3} value={reden} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => setReden(e.target.value)} />
      </div>
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={() => void besluit('goedkeuren')}>
          Goedkeuren
        </Button>
        <Button appearance="secondary-action-button" busy={bezig} disabled={bezig} onClick={() => void besluit('afwijzen')}>
          Afwijzen
        </Button>
      </ButtonGroup>
    </div>
  );
}

const STATUS_NAMEN: Record<ContractStatus, string> = {
  gecontracteerd: 'Gecontracteerd',
  'in-pool': 'In de pool (contract per zaak)',
  'in-beoordeling': 'In beoordeling',
  afgewezen: 'Afgewezen',
  beeindigd: 'Beëindigd',
};

/** The beheerder sets this organisation's contract with the aanbieder (or takes one from another pool). */
function ContractBeheer({ aanbieder, onDone }: { aanbieder: Aanbieder; onDone: () => void }) {
  const id = useId();
  const c = aanbieder.contract;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ContractStatus>(c?.status ?? 'in-pool');
  const [regelingen, setRegelingen] = useState<string[]>(c?.regelingen ?? []);
  const [sinds, setSinds] = useState(c?.sinds ?? new Date().toISOString().slice(0, 10));
  const [tot, setTot] = useState(c?.tot ?? '');
  const [gemeenteklanten, setGemeenteklanten] = useState(c?.gemeenteklanten ?? false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const foutRef = useRef<HTMLDivElement>(null);
  const toon = (tekst: string) => {
    setFout(tekst);
    setTimeout(() => foutRef.current?.focus(), 0);
  };

  async function opslaan(e: FormEvent) {
    e.preventDefault();
    setFout(null);
    if (regelingen.length === 0) return toon('Kies ten minste één regeling.');
    if (status === 'afgewezen' && !reden.trim()) return toon('Geef de reden waarom u deze aanbieder afwijst.');
    setBezig(true);
    try {
      await request('PUT', `/api/aanbieders/${encodeURIComponent(aanbieder.id)}/contract`, {
        body: { status, regelingen, sinds, tot: tot || null, gemeenteklanten, ...(reden.trim() ? { reden: reden.trim() } : {}) },
      });
      setOpen(false);
      onDone();
    } catch (err) {
      toon(err instanceof ApiError ? (err.problem.errors?.[0]?.message ?? err.problem.detail ?? foutTekst(err)) : foutTekst(err));
    } finally {
      setBezig(false);
    }
  }

  if (!open) {
    return (
      <Button appearance="secondary-action-button" aria-expanded={false} onClick={() => setOpen(true)}>
        {c ? `Contract met ${aanbieder.naam} wijzigen` : `${aanbieder.naam} opnemen bij uw organisatie`}
      </Button>
    );
  }
  return (
    <form className="regie-form" noValidate onSubmit={(e) => void opslaan(e)} aria-label={`Contract met ${aanbieder.naam}`}>
      {fout && (
        <Alert type="error" ref={foutRef} tabIndex={-1}>
          <Paragraph>{fout}</Paragraph>
        </Alert>
      )}
      <div className="regie-field">
        <FormLabel htmlFor={`${id}-status`}>Contractstatus</FormLabel>
        <Select id={`${id}-status`} value={status} onChange={(e: ChangeEvent<HTMLSelectElement>) => setStatus(e.target.value as ContractStatus)}>
          {(Object.keys(STATUS_NAMEN) as ContractStatus[]).map((st) => (
            <SelectOption key={st} value={st}>
              {STATUS_NAMEN[st]}
            </SelectOption>
          ))}
        </Select>
      </div>
      <Fieldset className="regie-field">
        <FieldsetLegend>Voor welke regelingen</FieldsetLegend>
        {POOL_REGELINGEN.map((r) => (
          <div className="regie-filters__check" key={r}>
            <Checkbox
              id={`${id}-r-${r}`}
              checked={regelingen.includes(r)}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setRegelingen((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))}
            />
            <FormLabel htmlFor={`${id}-r-${r}`} type="checkbox">
              {REGELINGEN[r]}
            </FormLabel>
          </div>
        ))}
      </Fieldset>
      <div className="regie-field">
        <FormLabel htmlFor={`${id}-sinds`}>Geldig vanaf</FormLabel>
        <Textbox id={`${id}-sinds`} type="date" value={sinds} onChange={(e: ChangeEvent<HTMLInputElement>) => setSinds(e.target.value)} />
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={`${id}-tot`}>Geldig tot en met (niet verplicht)</FormLabel>
        <Textbox id={`${id}-tot`} type="date" value={tot} onChange={(e: ChangeEvent<HTMLInputElement>) => setTot(e.target.value)} />
      </div>
      <div className="regie-filters__check">
        <Checkbox id={`${id}-gk`} checked={gemeenteklanten} onChange={(e: ChangeEvent<HTMLInputElement>) => setGemeenteklanten(e.target.checked)} />
        <FormLabel htmlFor={`${id}-gk`} type="checkbox">
          Neemt ook klanten van gemeenten aan
        </FormLabel>
      </div>
      <div className="regie-field">
        <FormLabel htmlFor={`${id}-reden`}>Reden of toelichting (verplicht bij afwijzen)</FormLabel>
        <Textarea id={`${id}-reden`} rows={2} value={reden} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => setReden(e.target.value)} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Contract opslaan
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setOpen(false)}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

type Field = 'naam' | 'kvk' | 'iban' | 'regeling' | 'diensten' | 'regio' | 'website' | 'toelichting';
type Values = Record<Field, string>;
const LEEG: Values = { naam: '', kvk: '', iban: '', regeling: '', diensten: '', regio: '', website: '', toelichting: '' };

/** Checks in the browser what the server checks too; Dutch messages per field. */
export function validateVoorstel(v: Values): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  if (!v.naam.trim()) e.naam = 'Vul de naam van de aanbieder in.';
  if (!/^\d{8}$/.test(v.kvk.replace(/[\s.]/g, ''))) e.kvk = 'Het KvK-nummer bestaat uit 8 cijfers.';
  if (!v.iban.trim()) e.iban = 'Vul het IBAN van de aanbieder in.';
  else if (!isValidIban(v.iban)) e.iban = 'Het IBAN klopt niet. Controleer het rekeningnummer.';
  if (!v.regeling) e.regeling = 'Kies de regeling waarvoor u de aanbieder wilt.';
  if (!v.diensten.split(',').some((d) => d.trim())) e.diensten = 'Noem ten minste één dienst.';
  if (!v.regio.trim()) e.regio = 'Vul de regio in waar de aanbieder werkt.';
  if (v.website.trim() && !/^https?:\/\/\S+\.\S+/.test(v.website.trim())) e.website = 'Vul een geldig webadres in, beginnend met https://.';
  if (!v.toelichting.trim()) e.toelichting = 'Vertel kort waarom u deze aanbieder wilt.';
  return e;
}

function VoorstelForm({ klant, onSent }: { klant: boolean; onSent: () => void }) {
  const id = useId();
  const [values, setValues] = useState<Values>(LEEG);
  const { errors, fout, bezig, attempt, summary, verstuur } = useFormulier<Field>({
    // With field errors the summary lists them under "Verbeter het volgende:"; otherwise the
    // refusal's own words where the server gave them (also for a 404 about the voorstel).
    weigeringBijVeldFouten: false,
    weigering: (err) => (err instanceof ApiError ? (err.problem.detail ?? foutTekst(err)) : foutTekst(err)),
  });
  const [verstuurd, setVerstuurd] = useState<string | null>(null);
  const fid = (f: Field) => `${id}-${f}`;
  const set = (f: Field) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [f]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setVerstuurd(null);
    await verstuur(
      validateVoorstel(values),
      async () => {
        const a = await request<Aanbieder>('POST', '/api/aanbieders/voorstellen', {
          body: {
            naam: values.naam.trim(),
            kvk: values.kvk,
            iban: values.iban.trim(),
            regeling: values.regeling,
            diensten: values.diensten.split(',').map((d) => d.trim()).filter(Boolean),
            regio: values.regio.trim(),
            ...(values.website.trim() ? { website: values.website.trim() } : {}),
            toelichting: values.toelichting.trim(),
          },
        });
        setValues(LEEG);
        setVerstuurd(`${a.naam} is voorgesteld. Een klantmanager beoordeelt de aanbieder; daarna ziet u hierboven of u hem kunt kiezen.`);
        onSent();
      },
      (pad) => {
        const veld = pad.split('.')[0] as Field;
        return veld in LEEG ? veld : undefined;
      },
    );
  }

  const fields = (Object.keys(errors) as Field[]).map((f) => ({ id: fid(f), message: errors[f]! }));
  const describedBy = (f: Field, uitleg = false) =>
    [uitleg ? `${fid(f)}-uitleg` : null, errors[f] ? `${fid(f)}-fout` : null].filter(Boolean).join(' ') || undefined;
  const foutVan = (f: Field) =>
    errors[f] && (
      <p id={`${fid(f)}-fout`} className="utrecht-form-field-error-message">
        {errors[f]}
      </p>
    );
  const tekstveld = (f: Field, label: string, extra: { uitleg?: string; autoComplete?: string; inputMode?: 'numeric' | 'url' } = {}) => (
    <div className="regie-field">
      <FormLabel htmlFor={fid(f)}>{label}</FormLabel>
      {extra.uitleg && (
        <Paragraph id={`${fid(f)}-uitleg`} className="utrecht-form-field-description">
          {extra.uitleg}
        </Paragraph>
      )}
      {foutVan(f)}
      <Textbox
        id={fid(f)}
        value={values[f]}
        invalid={Boolean(errors[f])}
        aria-describedby={describedBy(f, Boolean(extra.uitleg))}
        autoComplete={extra.autoComplete ?? 'off'}
        {...(extra.inputMode ? { inputMode: extra.inputMode } : {})}
        onChange={set(f)}
      />
    </div>
  );

  return (
    <section className="regie-card" aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        Een aanbieder voorstellen
      </Heading>
      <Paragraph>
        {klant
          ? 'Kent u een aanbieder die hier niet staat? Stel hem voor. Uw klantmanager controleert of de aanbieder geschikt is. Pas daarna kunt u hem kiezen.'
          : 'Brengt de klant een aanbieder mee die hier niet staat? Stel hem voor; een klantmanager beoordeelt hem.'}
      </Paragraph>
      <form className="regie-form" noValidate onSubmit={(e) => void submit(e)} aria-label="Aanbieder voorstellen">
        {(fields.length > 0 || fout) && (
          <ErrorSummary key={attempt} ref={summary} title="De aanbieder is niet voorgesteld" message={fout ?? 'Verbeter het volgende:'} fields={fields} />
        )}
        {tekstveld('naam', 'Naam van de aanbieder', { autoComplete: 'organization' })}
        {tekstveld('kvk', 'KvK-nummer', { uitleg: '8 cijfers. U vindt het op de website of de offerte van de aanbieder.', inputMode: 'numeric' })}
        {tekstveld('iban', 'IBAN van de aanbieder', { uitleg: 'Hierop betaalt de gemeente de aanbieder, bijvoorbeeld NL91 ABNA 0417 1643 00.' })}
        <div className="regie-field">
          <FormLabel htmlFor={fid('regeling')}>Voor welke regeling?</FormLabel>
          {foutVan('regeling')}
          <Select id={fid('regeling')} value={values.regeling} invalid={Boolean(errors.regeling)} aria-describedby={describedBy('regeling')} onChange={set('regeling')}>
            <SelectOption value="">Maak een keuze</SelectOption>
            {POOL_REGELINGEN.map((r) => (
              <SelectOption key={r} value={r}>
                {REGELINGEN[r]}
              </SelectOption>
            ))}
          </Select>
        </div>
        {tekstveld('diensten', 'Wat biedt de aanbieder?', { uitleg: 'Bijvoorbeeld: loopbaancoaching, cursus Nederlands. Scheid meerdere diensten met een komma.' })}
        {tekstveld('regio', 'Waar werkt de aanbieder?', { uitleg: 'Bijvoorbeeld Flevoland, Rotterdam of landelijk.' })}
        {tekstveld('website', 'Website (niet verplicht)', { inputMode: 'url' })}
        <div className="regie-field">
          <FormLabel htmlFor={fid('toelichting')}>Waarom wilt u deze aanbieder?</FormLabel>
          {foutVan('toelichting')}
          <Textarea
            id={fid('toelichting')}
            rows={4}
            value={values.toelichting}
            invalid={Boolean(errors.toelichting)}
            aria-describedby={describedBy('toelichting')}
            onChange={set('toelichting')}
          />
        </div>
        <div className="regie-form__actions">
          <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
            Aanbieder voorstellen
          </Button>
        </div>
        <div aria-live="polite">
          {verstuurd && (
            <Alert type="ok">
              <Paragraph>{verstuurd}</Paragraph>
            </Alert>
          )}
        </div>
      </form>
    </section>
  );
}
