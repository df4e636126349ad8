/**
 * "Uitvoering pgb bw" in the zaakdossier: the klantmanager registers what the werkgever,
 * the begeleidingsorganisatie and the jobfinder send in (loonopgave, factuur, plaatsing), the
 * klant's turn on the wachtlijst, a herindicatie and the end of employment. Each form posts to its named route (server/pgb-bw/uitvoering-routes.ts);
 * the resulting payments show in "Budget en betalingen".
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading,
  Paragraph,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { maandenGeraakt, parseMoney } from '../../../forms/index.ts';
import { datum, vandaag } from '../lib/format.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { regie, type PgbBwUitvoeringSoort, type PgbBwWachtlijst } from '../regie-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { RadioOpties } from './RadioOpties.tsx';

type Kind = 'datum' | 'euro' | 'getal' | 'tekst' | 'textarea' | 'keuze' | 'vinkje';

export interface Veld {
  /** The key in the request body (the route's schema). */
  key: string;
  label: string;
  kind: Kind;
  verplicht: boolean;
  uitleg?: string;
  opties?: readonly (readonly [string, string])[];
  /** Only shown (and sent) when this returns true for the current values. */
  als?: (v: Record<string, string>) => boolean;
}

export interface UitvoeringFormulier {
  soort: PgbBwUitvoeringSoort;
  titel: string;
  uitleg: string;
  knop: string;
  gelukt: string;
  /** Shown instead of `gelukt` when the process did not take it in yet (a loop is still busy with the previous one). */
  wacht?: string;
  /** Date fields that cannot lie after today (the server refuses them too). */
  nietInDeToekomst?: readonly string[];
  velden: readonly Veld[];
}

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

export const FORMULIEREN: readonly UitvoeringFormulier[] = [
  {
    soort: 'loonopgave',
    titel: 'Loonopgave van de werkgever',
    uitleg: 'De werkgever geeft per subsidieperiode op welk brutoloon hij heeft betaald. Wij betalen de vergoeding voor die periode aan de werkgever.',
    knop: 'Loonopgave vastleggen',
    gelukt: 'De loonopgave is ontvangen. De vergoeding voor de werkgever verschijnt bij Budget en betalingen zodra zij is berekend.',
    velden: [
      { key: 'periodeVan', label: 'Eerste dag van de periode', kind: 'datum', verplicht: true },
      { key: 'periodeTot', label: 'Laatste dag van de periode', kind: 'datum', verplicht: true },
      { key: 'maanden', label: 'Aantal maanden van de periode', kind: 'getal', verplicht: true, uitleg: 'Een heel getal van 1 tot en met 12.' },
      { key: 'brutoLoonCent', label: 'Betaald brutoloon over de periode', kind: 'euro', verplicht: true, uitleg: 'In euro’s, bijvoorbeeld 6.000,00.' },
      { key: 'maandenInDienst', label: 'Maanden in dienst in deze periode (niet verplicht)', kind: 'getal', verplicht: false, uitleg: 'Vul dit in als uw gemeente naar de periode in dienst kijkt.' },
      { key: 'contracturenPerWeek', label: 'Contracturen per week (niet verplicht)', kind: 'getal', verplicht: false, uitleg: 'Vul dit in als uw gemeente naar de contracturen kijkt.' },
    ],
  },
  {
    soort: 'factuur',
    titel: 'Factuur van de begeleidingsorganisatie of werkplekaanpassing',
    uitleg: 'Wij betalen de begeleidingsorganisatie binnen de toegekende uren per week, en een werkplekaanpassing één keer.',
    knop: 'Factuur vastleggen',
    gelukt: 'De factuur is ontvangen. De betaling verschijnt bij Budget en betalingen zodra zij is gecontroleerd.',
    velden: [
      { key: 'onderdeel', label: 'Waarvoor is de factuur?', kind: 'keuze', verplicht: true, opties: [['begeleiding', 'Begeleiding op de werkplek'], ['werkplekaanpassing', 'Werkplekaanpassing']] },
      { key: 'referentie', label: 'Factuurnummer', kind: 'tekst', verplicht: true },
      { key: 'bedragCents', label: 'Bedrag', kind: 'euro', verplicht: true, uitleg: 'In euro’s, zoals op de factuur, bijvoorbeeld 480,00.' },
      { key: 'factuurdatum', label: 'Factuurdatum (niet verplicht)', kind: 'datum', verplicht: false },
      { key: 'uren', label: 'Aantal uren begeleiding op de factuur', kind: 'getal', verplicht: true, als: (v) => v.onderdeel === 'begeleiding' },
      { key: 'weken', label: 'Aantal weken waarover de factuur gaat', kind: 'getal', verplicht: true, als: (v) => v.onderdeel === 'begeleiding' },
    ],
  },
  {
    soort: 'plaatsing',
    titel: 'Plaatsing (jobfinding)',
    uitleg: 'Jobfinding is no cure no pay: wij betalen één keer, als de arbeidsovereenkomst is getekend en de eerste werkdag is geweest.',
    knop: 'Plaatsing vastleggen',
    gelukt: 'De plaatsing is vastgelegd. Als jobfinding is toegekend, verschijnt de betaling bij Budget en betalingen.',
    nietInDeToekomst: ['datum'],
    velden: [
      { key: 'werkgever', label: 'Werkgever', kind: 'tekst', verplicht: true },
      { key: 'datum', label: 'Eerste werkdag', kind: 'datum', verplicht: true },
      { key: 'contractGetekend', label: 'De arbeidsovereenkomst is getekend', kind: 'vinkje', verplicht: true },
    ],
  },
  {
    soort: 'aan-de-beurt',
    titel: 'Klant aan de beurt op de wachtlijst',
    uitleg:
      'Stond de klant bij de toekenning op de wachtlijst en betaalt de gemeente tot nu toe vooruit? Leg dan vast vanaf welke datum de klant aan de beurt is. Vanaf die datum betalen wij uit het Wsw-budget. U legt dit één keer vast.',
    knop: 'Aan de beurt vastleggen',
    gelukt: 'Vastgelegd. Betalingen vanaf deze datum boeken wij op het Wsw-budget.',
    velden: [{ key: 'datum', label: 'Datum waarop de klant aan de beurt is', kind: 'datum', verplicht: true, uitleg: 'Niet eerder dan de start van het pgb begeleid werken.' }],
  },
  {
    soort: 'herindicatie',
    titel: 'Herindicatie ontvangen',
    uitleg:
      'Heeft u een herindicatie van de klant ontvangen? Leg die hier vast. De verordening regelt niet wat een herindicatie betekent voor het pgb begeleid werken; u krijgt de taak om dat te beoordelen.',
    knop: 'Herindicatie vastleggen',
    gelukt: 'De herindicatie is vastgelegd. U vindt de taak “Gevolgen herindicatie beoordelen” bij Open taken.',
    wacht: 'De herindicatie is ontvangen. Er staat nog een eerdere herindicatie open; zodra u die hebt beoordeeld, krijgt u de taak voor deze.',
    nietInDeToekomst: ['datum'],
    velden: [
      { key: 'datum', label: 'Datum van de herindicatie', kind: 'datum', verplicht: true },
      {
        key: 'uitkomst',
        label: 'Wat zegt de herindicatie?',
        kind: 'keuze',
        verplicht: true,
        opties: [['indicatie-blijft', 'De Wsw-indicatie blijft'], ['indicatie-gewijzigd', 'De indicatie is gewijzigd'], ['indicatie-vervallen', 'De klant heeft geen Wsw-indicatie meer']],
      },
      { key: 'toelichting', label: 'Toelichting', kind: 'textarea', verplicht: true, uitleg: 'Wat staat er in de herindicatie? Hoogstens 4.000 tekens.' },
    ],
  },
  {
    soort: 'einde-dienstverband',
    titel: 'Einde dienstverband',
    uitleg: 'Hiermee stopt het pgb begeleid werken: daarna betalen wij niets meer en betalingen die nog op financiën wachten, vervallen.',
    knop: 'Einde vastleggen',
    gelukt: 'Het einde is vastgelegd. U vindt de taak om de klant over te dragen bij Open taken.',
    velden: [
      {
        key: 'reden',
        label: 'Reden',
        kind: 'keuze',
        verplicht: true,
        opties: [['einde-dienstverband', 'Het dienstverband is beëindigd'], ['einde-pgb-bw', 'Het pgb begeleid werken stopt'], ['terug-naar-sw-bedrijf', 'De klant gaat terug naar het sw-bedrijf']],
      },
      { key: 'einddatum', label: 'Einddatum', kind: 'datum', verplicht: true },
      { key: 'toelichting', label: 'Toelichting', kind: 'textarea', verplicht: true },
    ],
  },
];

type Fouten = Partial<Record<string, string>>;

const zichtbaar = (f: UitvoeringFormulier, v: Record<string, string>) => f.velden.filter((veld) => !veld.als || veld.als(v));

/** Checks in the browser what the server checks too; returns the body to send, or Dutch messages per field. */
export function controleer(f: UitvoeringFormulier, v: Record<string, string>): { body: Record<string, unknown>; fouten: Fouten } {
  const body: Record<string, unknown> = {};
  const fouten: Fouten = {};
  for (const veld of zichtbaar(f, v)) {
    const ruw = (v[veld.key] ?? '').trim();
    if (veld.kind === 'vinkje') {
      body[veld.key] = ruw === 'ja';
      continue;
    }
    if (ruw === '') {
      if (veld.verplicht) fouten[veld.key] = veld.kind === 'keuze' ? `Maak een keuze bij “${veld.label}”.` : `Vul “${veld.label}” in.`;
      continue;
    }
    if (veld.kind === 'datum') {
      if (!DATUM.test(ruw)) fouten[veld.key] = `Vul “${veld.label}” in als datum.`;
      else if (f.nietInDeToekomst?.includes(veld.key) && ruw > vandaag()) fouten[veld.key] = `“${veld.label}” ligt in de toekomst. Leg dit vast op of na die dag.`;
      else body[veld.key] = ruw;
    } else if (veld.kind === 'euro') {
      const m = parseMoney(ruw);
      if (!m.ok) fouten[veld.key] = 'Vul het bedrag in euro’s in, bijvoorbeeld 1.234,56.';
      else if (m.cents <= 0) fouten[veld.key] = 'Het bedrag moet groter zijn dan € 0,00.';
      else body[veld.key] = m.cents;
    } else if (veld.kind === 'getal') {
      const n = Number(ruw.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0) fouten[veld.key] = `Vul bij “${veld.label}” een getal in.`;
      else body[veld.key] = n;
    } else if (veld.kind === 'textarea' && ruw.length > 4000) fouten[veld.key] = 'Gebruik hoogstens 4.000 tekens.';
    else body[veld.key] = ruw;
  }
  if (f.soort === 'loonopgave' && typeof body.periodeVan === 'string' && typeof body.periodeTot === 'string' && typeof body.maanden === 'number') {
    if (body.periodeTot < body.periodeVan) fouten.periodeTot = 'De laatste dag van de periode ligt vóór de eerste dag.';
    else {
      const max = maandenGeraakt(body.periodeVan, body.periodeTot);
      if (body.maanden > max) fouten.maanden = `De periode loopt over ${max} ${max === 1 ? 'kalendermaand' : 'kalendermaanden'}; vul niet meer maanden in.`;
    }
  }
  return { body, fouten };
}

function Formulier({ zaakId, f, onSent }: { zaakId: string; f: UitvoeringFormulier; onSent: (soort: PgbBwUitvoeringSoort) => void }) {
  const id = useId();
  const leeg = Object.fromEntries(f.velden.map((v) => [v.key, v.kind === 'keuze' ? (v.opties?.[0]?.[0] ?? '') : '']));
  const [values, setValues] = useState<Record<string, string>>(leeg);
  // With field errors from the server the summary lists them under "Verbeter het volgende:".
  const { errors: fouten, fout, bezig, attempt: poging, summary, verstuur } = useFormulier<string>({ weigeringBijVeldFouten: false });
  const [gelukt, setGelukt] = useState<string | null>(null);
  const fid = (key: string) => `${id}-${key}`;
  const zet = (key: string, waarde: string) => setValues((v) => ({ ...v, [key]: waarde }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGelukt(null);
    const { body, fouten: errs } = controleer(f, values);
    await verstuur(
      errs,
      async () => {
        const r = await regie.pgbBwUitvoering(zaakId, f.soort, body);
        setValues(leeg);
        setGelukt(r.dubbel ? 'Dit had u al vastgelegd; wij hebben het niet nog een keer verwerkt.' : !r.verwerkt && f.wacht ? f.wacht : f.gelukt);
        onSent(f.soort);
      },
      (pad) => (f.velden.some((v) => v.key === pad) ? pad : undefined),
    );
  }

  const velden = zichtbaar(f, values);
  const summaryFields = velden.filter((v) => fouten[v.key]).map((v) => ({ id: fid(v.key), message: fouten[v.key]! }));
  const describedBy = (v: Veld) => [v.uitleg ? `${fid(v.key)}-uitleg` : null, fouten[v.key] ? `${fid(v.key)}-fout` : null].filter(Boolean).join(' ') || undefined;
  const foutVan = (v: Veld) =>
    fouten[v.key] && (
      <p id={`${fid(v.key)}-fout`} className="utrecht-form-field-error-message">
        {fouten[v.key]}
      </p>
    );
  const uitlegVan = (v: Veld) =>
    v.uitleg && (
      <Paragraph id={`${fid(v.key)}-uitleg`} className="utrecht-form-field-description">
        {v.uitleg}
      </Paragraph>
    );

  return (
    <form className="regie-form regie-pgb-bw-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-titel`}>
      <Heading level={3} id={`${id}-titel`}>
        {f.titel}
      </Heading>
      <Paragraph>{f.uitleg}</Paragraph>
      {(summaryFields.length > 0 || fout) && (
        <ErrorSummary key={poging} ref={summary} title={`${f.titel}: niet vastgelegd`} message={fout ?? 'Verbeter het volgende:'} fields={summaryFields} />
      )}
      {velden.map((v) => {
        if (v.kind === 'keuze') {
          return (
            <Fieldset key={v.key} className="regie-field" aria-describedby={describedBy(v)}>
              <FieldsetLegend>{v.label}</FieldsetLegend>
              {uitlegVan(v)}
              {foutVan(v)}
              <RadioOpties id={fid(v.key)} name={`${id}-${v.key}`} opties={v.opties ?? []} gekozen={values[v.key] ?? ''} invalid={Boolean(fouten[v.key])} onKies={(waarde) => zet(v.key, waarde)} />
            </Fieldset>
          );
        }
        if (v.kind === 'vinkje') {
          return (
            <div key={v.key} className="regie-field utrecht-form-field utrecht-form-field--checkbox">
              {foutVan(v)}
              <div className="utrecht-form-field__input">
                <Checkbox id={fid(v.key)} checked={values[v.key] === 'ja'} invalid={Boolean(fouten[v.key])} aria-describedby={describedBy(v)} onChange={(e: ChangeEvent<HTMLInputElement>) => zet(v.key, e.target.checked ? 'ja' : '')} />
              </div>
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor={fid(v.key)} type="checkbox">
                  {v.label}
                </FormLabel>
              </div>
            </div>
          );
        }
        return (
          <div key={v.key} className="regie-field">
            <FormLabel htmlFor={fid(v.key)}>{v.label}</FormLabel>
            {uitlegVan(v)}
            {foutVan(v)}
            {v.kind === 'textarea' ? (
              <Textarea id={fid(v.key)} value={values[v.key]} invalid={Boolean(fouten[v.key])} aria-describedby={describedBy(v)} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => zet(v.key, e.target.value)} />
            ) : (
              <Textbox
                id={fid(v.key)}
                type={v.kind === 'datum' ? 'date' : 'text'}
                inputMode={v.kind === 'euro' || v.kind === 'getal' ? 'decimal' : undefined}
                autoComplete="off"
                max={v.kind === 'datum' && f.nietInDeToekomst?.includes(v.key) ? vandaag() : undefined}
                value={values[v.key]}
                invalid={Boolean(fouten[v.key])}
                aria-describedby={describedBy(v)}
                onChange={(e: ChangeEvent<HTMLInputElement>) => zet(v.key, e.target.value)}
              />
            )}
          </div>
        );
      })}
      <div className="regie-form__actions">
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          {f.knop}
        </Button>
      </div>
      <div aria-live="polite">
        {gelukt && (
          <Alert type="ok">
            <Paragraph>{gelukt}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}

/**
 * The panel; the caller shows it only for a pgb bw zaak in uitvoering, to a klantmanager.
 * "Klant aan de beurt" is offered only while the gemeente pre-finances and it was not yet received
 * (the route refuses the rest); once received, one line says from when the Wsw budget pays.
 * Without `wachtlijst` (an older server) the form is shown and the route decides.
 */
export function PgbBwUitvoering({ zaakId, wachtlijst, onSent }: { zaakId: string; wachtlijst?: PgbBwWachtlijst | null; onSent: (soort: PgbBwUitvoeringSoort) => void }) {
  return (
    <div className="regie-pgb-bw-uitvoering">
      {FORMULIEREN.map((f) => {
        if (f.soort === 'aan-de-beurt' && wachtlijst) {
          if (wachtlijst.aanDeBeurtOp) {
            return <Paragraph key={f.soort}>De klant is aan de beurt gemeld op {datum(wachtlijst.aanDeBeurtOp)}; vanaf die dag betaalt het Wsw-budget.</Paragraph>;
          }
          if (!wachtlijst.voorgefinancierd) return null;
        }
        return <Formulier key={f.soort} zaakId={zaakId} f={f} onSent={onSent} />;
      })}
    </div>
  );
}
