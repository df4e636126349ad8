/**
 * Klantportaal "Regelingen": what the gemeente offers, each with a plain-language
 * page (what it is, for whom, what the budget may and may not pay for, how and
 * by when the decision comes, how to object, independent advice) and "Aanvragen".
 */
import { useMemo, useState } from 'react';
import { loadFormSchema, type FieldError, type FormSchema } from '../../../forms/index.ts';
import { RegieForm } from '../../../forms/react/index.ts';
import { Alert, Button, ButtonGroup, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../api.ts';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { setFlash } from '../lib/flash.ts';
import { regelingNaam } from '../lib/format.ts';
import { foutTekst, useLoad } from '../lib/use-load.ts';
import { NOT_AVAILABLE, optional, regie, type Regeling, type RegelingUitleg } from '../regie-api.ts';
import { linkProps, navigate } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

/**
 * Until GET /api/regelingen exists, the portal offers the prb (the regeling
 * POST /api/zaken accepts) with a short general text; the gemeente's own texts
 * replace it once the endpoint answers.
 */
export const FALLBACK_REGELINGEN: Regeling[] = [
  {
    regeling: 'prb',
    naam: 'Persoonsgebonden re-integratiebudget',
    beschikbaar: true,
    startFormId: 'prb-aanmelding',
    uitleg: {
      watIsHet:
        'Met een persoonsgebonden re-integratiebudget (prb) kiest u zelf hoe u weer aan het werk gaat. U maakt een plan met een begroting, bijvoorbeeld voor een opleiding of begeleiding, en de gemeente betaalt de kosten uit uw budget.',
      voorWie: 'Voor inwoners met een bijstandsuitkering of zonder uitkering (nugger) die weer aan het werk willen. Uw klantmanager bespreekt met u of het prb bij u past.',
      watMag: 'Kosten die u helpen om aan het werk te komen, zoals een opleiding, training, coaching of een sollicitatietraject. De aanbieder kiest u zelf.',
      watNiet: 'Kosten die niet bij uw plan horen, zoals levensonderhoud, schulden of spullen voor privégebruik.',
      besluitTermijn: 'Na uw aanvraag krijgt u een brief (beschikking) met het besluit. In Mijn traject ziet u steeds wat de volgende stap is en uiterlijk wanneer u het besluit krijgt.',
      bezwaar: 'Bent u het niet eens met het besluit? Dan kunt u binnen zes weken bezwaar maken. Dat kan in Mijn traject. Bezwaar maken heeft geen gevolgen voor uw uitkering.',
      onafhankelijkAdvies: 'Wilt u advies van iemand die niet voor de gemeente werkt? Het Juridisch Loket geeft gratis advies.',
    },
  },
];

async function loadRegelingen(): Promise<{ regelingen: Regeling[]; algemeen: boolean }> {
  const r = await optional(regie.regelingen());
  return r === NOT_AVAILABLE ? { regelingen: FALLBACK_REGELINGEN, algemeen: true } : { regelingen: r, algemeen: false };
}

/** A regeling's name inside a sentence: "persoonsgebonden re-integratiebudget", but "Rotterdamse Integratie Overeenkomst" stays a name. */
export function naamInZin(naam: string): string {
  return /\s\p{Lu}/u.test(naam) ? naam : naam.charAt(0).toLowerCase() + naam.slice(1);
}

export default function RegelingenPage({ session }: RouteProps) {
  const load = useLoad(loadRegelingen, []);
  const organisatie = session.tenant?.soort === 'uwv' ? 'UWV' : 'de gemeente';
  // A regeling the organisation neither offers nor explains is not its own: leave it out.
  const eigen = load.data?.regelingen.filter((r) => r.beschikbaar || r.uitleg);
  return (
    <section>
      <Heading level={1} tabIndex={-1}>
        Regelingen
      </Heading>
      <Paragraph appearance="lead">Wat {organisatie} u biedt om weer aan het werk te gaan. Lees wat er kan en vraag het direct aan.</Paragraph>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!load.data && load.status === 'loading' && <Laden />}
      {eigen?.length === 0 && <Paragraph>Op dit moment biedt {organisatie} hier geen regelingen aan. Uw klantmanager vertelt u welke mogelijkheden er zijn.</Paragraph>}
      {eigen?.map((r) => (
        <article key={r.regeling} className="regie-card" aria-labelledby={`r-${r.regeling}`}>
          <Heading level={2} id={`r-${r.regeling}`}>
            {r.naam}
          </Heading>
          <Paragraph>{r.uitleg?.watIsHet ?? GEEN_UITLEG}</Paragraph>
          {!r.beschikbaar && <Paragraph>Deze regeling kunt u op dit moment niet aanvragen.</Paragraph>}
          <Paragraph>
            <Link {...linkProps(`/regelingen/${encodeURIComponent(r.regeling)}`)}>Alles over {naamInZin(r.naam)}</Link>
          </Paragraph>
        </article>
      ))}
    </section>
  );
}

const GEEN_UITLEG = 'De gemeente heeft over deze regeling nog geen uitleg geplaatst. Uw klantmanager vertelt u er graag meer over.';

/** One text, or a list of conditions as a bulleted list. */
function UitlegTekst({ tekst }: { tekst: string | string[] }) {
  if (typeof tekst === 'string') return <Paragraph>{tekst}</Paragraph>;
  return (
    <UnorderedList>
      {tekst.map((t) => (
        <UnorderedListItem key={t}>{t}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

const UITLEG: { key: keyof RegelingUitleg; kop: string }[] = [
  { key: 'watIsHet', kop: 'Wat is het?' },
  { key: 'voorWie', kop: 'Voor wie is het?' },
  { key: 'watMag', kop: 'Waar mag u het budget voor gebruiken?' },
  { key: 'watNiet', kop: 'Waar mag het niet voor?' },
  { key: 'besluitTermijn', kop: 'Hoe en wanneer wordt er besloten?' },
  { key: 'bezwaar', kop: 'Niet eens met het besluit?' },
  { key: 'onafhankelijkAdvies', kop: 'Onafhankelijk advies' },
];

/** The regeling's aanmelding form, or null when it has none (or it is not deployed here). */
async function loadStartForm(formId: string | null | undefined): Promise<FormSchema | null> {
  if (!formId) return null;
  const f = await optional(regie.form(formId));
  return f === NOT_AVAILABLE ? null : loadFormSchema(f.schema);
}

/** The klant's aanvraag for this regeling that still awaits its besluit, if any: a second one is not offered. */
export function lopendeAanvraag<Z extends { regeling: string; status: string }>(zaken: readonly Z[], regeling: string): Z | undefined {
  return zaken.find((z) => z.regeling === regeling && z.status !== 'besloten' && z.status !== 'afgesloten');
}

export function RegelingPage({ params, session }: RouteProps) {
  const load = useLoad(loadRegelingen, []);
  const mijnZaken = useLoad(() => regie.zaken(), []);
  const [bevestigen, setBevestigen] = useState(false);
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const [startForm, setStartForm] = useState<FormSchema | null | undefined>(undefined);
  const [serverErrors, setServerErrors] = useState<FieldError[] | undefined>();
  // The aanmelding's naam and BSN are the klant's own (the server takes them from the klant record
  // whatever is sent); prefilled under each start form's group (aanmelding, or verzoek for the pib).
  const formVariables = useMemo(() => {
    const eigen = session.klant ? { naam: session.klant.naam, bsn: session.klant.bsn } : undefined;
    return { klantNaam: session.user.displayName, ...(eigen ? { aanmelding: eigen, verzoek: eigen } : {}) };
  }, [session.user.displayName, session.klant]);

  if (!load.data) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Regeling
        </Heading>
        {load.status === 'error' ? <LoadError message={load.message} onRetry={load.reload} /> : <Laden />}
      </>
    );
  }
  const r = load.data.regelingen.find((x) => x.regeling === params.regeling);
  const lopend = r && mijnZaken.data ? lopendeAanvraag(mijnZaken.data, r.regeling) : undefined;
  if (!r) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Regeling niet gevonden
        </Heading>
        <Paragraph>
          Deze regeling biedt uw gemeente niet aan. <Link {...linkProps('/regelingen')}>Bekijk alle regelingen</Link>.
        </Paragraph>
      </>
    );
  }

  async function openAanvraag(regeling: Regeling) {
    setBezig(true);
    setFout(null);
    try {
      setStartForm(await loadStartForm(regeling.startFormId));
      setBevestigen(true);
    } catch (err) {
      setFout(foutTekst(err));
    } finally {
      setBezig(false);
    }
  }

  async function aanvragen(regeling: Regeling, gegevens?: Record<string, unknown>) {
    setBezig(true);
    setFout(null);
    setServerErrors(undefined);
    try {
      const zaak = await regie.startZaak(regeling.regeling, gegevens);
      setFlash(`Uw aanvraag voor ${naamInZin(regeling.naam)} is ontvangen (zaaknummer ${zaak.identificatie}).`);
      navigate('/mijn-traject');
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) setServerErrors(err.problem.errors);
      // A 409 says why in the server's words: not offered here, or an aanvraag is already running.
      else setFout(foutTekst(err));
      setBezig(false);
    }
  }

  return (
    <article className="regie-regeling">
      <Paragraph className="regie-back">
        <Link {...linkProps('/regelingen')}>← Alle regelingen</Link>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {r.naam}
      </Heading>
      <Paragraph className="regie-muted">{regelingNaam(r.regeling)}</Paragraph>
      {r.uitleg ? (
        UITLEG.map(({ key, kop }) => (
          <section key={key} aria-labelledby={`u-${key}`}>
            <Heading level={2} id={`u-${key}`}>
              {kop}
            </Heading>
            <UitlegTekst tekst={r.uitleg![key]} />
          </section>
        ))
      ) : (
        <Paragraph>{GEEN_UITLEG}</Paragraph>
      )}
      <section aria-labelledby="u-aanvragen" className="regie-card regie-card--highlight">
        <Heading level={2} id="u-aanvragen">
          Aanvragen
        </Heading>
        {fout && (
          <Alert type="error" className="regie-notice">
            <Paragraph>{fout}</Paragraph>
          </Alert>
        )}
        {!r.beschikbaar ? (
          <Paragraph>Deze regeling kunt u op dit moment niet aanvragen.</Paragraph>
        ) : lopend && !bevestigen ? (
          <Paragraph>
            U heeft al een aanvraag voor deze regeling die nog in behandeling is.{' '}
            <Link {...linkProps(`/mijn-traject/zaken/${encodeURIComponent(lopend.id)}`)}>Bekijk uw zaak {lopend.identificatie}</Link>. Wacht het besluit daarop
            af, of trek die aanvraag daar eerst in.
          </Paragraph>
        ) : !bevestigen ? (
          <>
            <Paragraph>Na uw aanvraag neemt uw klantmanager contact met u op. Wat u daarna moet doen, ziet u in Mijn traject.</Paragraph>
            <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={() => void openAanvraag(r)}>
              Aanvragen
            </Button>
          </>
        ) : startForm ? (
          <>
            <Paragraph>Vul uw aanmelding in. Velden zonder "(niet verplicht)" zijn verplicht.</Paragraph>
            <RegieForm
              form={startForm}
              variables={formVariables}
              onSubmit={(value) => aanvragen(r, value)}
              serverErrors={serverErrors}
              submitLabel="Aanvraag versturen"
            />
          </>
        ) : (
          <>
            <Paragraph>Weet u zeker dat u {naamInZin(r.naam)} wilt aanvragen?</Paragraph>
            <ButtonGroup>
              <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={() => void aanvragen(r)}>
                Ja, aanvragen
              </Button>
              <Button appearance="secondary-action-button" disabled={bezig} onClick={() => setBevestigen(false)}>
                Annuleren
              </Button>
            </ButtonGroup>
          </>
        )}
      </section>
    </article>
  );
}
