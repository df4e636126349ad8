/**
 * Zaakdossier for caseworkers: facts and clock with a traffic light, open
 * tasks, where the zaak is in the process, timeline in words, budget and
 * payments, documents and contactmomenten (with a form to register one); for a
 * pgb bw zaak in uitvoering the klantmanager's forms for loonopgave, factuur,
 * plaatsing and einde dienstverband; while undecided, verdagen and registering an ingebrekestelling.
 * Sections whose data the server does not send yet are left out.
 */
import { useState } from 'react';
import { Alert, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AanvraagIntrekken, kanIntrekken } from '../components/AanvraagIntrekken.tsx';
import { AANMELDING_ROLLEN, AanmeldingGegevens } from '../components/AanmeldingGegevens.tsx';
import { BudgetOverzicht, Documenten, Tijdlijn, ZaakFeiten } from '../components/Dossier.tsx';
import { ProcesSectie } from '../components/ProcesSectie.tsx';
import { ContactmomentForm } from '../components/ContactmomentForm.tsx';
import { PgbBwUitvoering } from '../components/PgbBwUitvoering.tsx';
import { TermijnActies } from '../components/TermijnActies.tsx';
import { DwangsomVaststellen } from '../components/DwangsomVaststellen.tsx';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { tenantLabel } from '../components/Layout.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { CONTACT_SOORTEN, datum, isoDag, korteDatum, taskLight } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { groepNamen } from '../lib/roles.ts';
import { regie } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import type { RouteProps } from '../routes.tsx';

/** The payment (or zaak-afsluiten) job runs just after the message: reload now and once more when it has booked. */
function uitvoeringVerstuurd(reload: () => void) {
  reload();
  setTimeout(reload, 1500);
}

export default function ZaakPage({ session, params }: RouteProps) {
  const id = params.id!;
  // After the einde dienstverband the fase moves on and the panel goes; its confirmation must stay.
  const [eindeVastgelegd, setEindeVastgelegd] = useState(false);
  const load = useLoad(async () => {
    const [zaak, taken] = await Promise.all([regie.zaak(id), regie.tasks({ view: 'all', zaakId: id, pageSize: 100 })]);
    return { zaak, taken };
  }, [id]);

  if (!load.data) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          {load.status === 'error' ? 'Zaak niet gevonden' : 'Zaakdossier'}
        </Heading>
        {load.status === 'error' ? (
          <LoadError message={load.notFound ? 'Deze zaak bestaat niet of hoort niet bij uw organisatie.' : load.message} onRetry={load.notFound ? undefined : load.reload} />
        ) : (
          <Laden />
        )}
      </>
    );
  }

  const { zaak, taken } = load.data;
  const me = session.user.username;

  return (
    <article className="regie-zaak">
      <Paragraph className="regie-back">
        <Link {...linkProps('/werkvoorraad')}>← Terug naar de werkvoorraad</Link>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        Zaak {zaak.identificatie}: {zaak.klant.naam}
      </Heading>

      <div className="regie-zaak__grid">
        <section aria-labelledby="z-feiten">
          <Heading level={2} id="z-feiten">
            Gegevens en termijnen
          </Heading>
          <ZaakFeiten zaak={zaak} gemeente={tenantLabel(session.tenant)} />
        </section>

        <section aria-labelledby="z-taken">
          <Heading level={2} id="z-taken">
            Open taken
          </Heading>
          {taken.items.length === 0 ? (
            <Paragraph>Er staan geen open taken voor deze zaak.</Paragraph>
          ) : (
            <div className="regie-table-wrap">
              <Table className="regie-table">
                <TableCaption className="regie-visually-hidden">Open taken van deze zaak</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Taak</TableHeaderCell>
                    <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
                    <TableHeaderCell scope="col">Bij</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {taken.items.map((t) => {
                    const light = taskLight(t);
                    return (
                      <TableRow key={t.key}>
                        <TableCell>
                          <Link {...linkProps(`/taken/${encodeURIComponent(t.key)}`)}>{t.name ?? 'Taak'}</Link>
                        </TableCell>
                        <TableCell>
                          {t.dueDate ? <time dateTime={isoDag(t.dueDate)}>{korteDatum(t.dueDate)}</time> : 'Geen'}{' '}
                          <Stoplicht tone={light.tone} label={light.label} />
                        </TableCell>
                        <TableCell>{t.assignee ? (t.assignee === me ? 'u' : (t.assigneeNaam ?? t.assignee)) : groepNamen(t.candidateGroups) || 'de klant'}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
        </section>
      </div>

      {AANMELDING_ROLLEN.some((r) => session.roles.includes(r)) && <AanmeldingGegevens zaakId={zaak.id} />}

      <section aria-labelledby="z-proces">
        <Heading level={2} id="z-proces">
          Waar staat de zaak in het proces
        </Heading>
        <ProcesSectie zaakId={zaak.id} fase={zaak.fase} regeling={zaak.regeling} />
      </section>

      {(session.roles.includes('klantmanager') || session.roles.includes('beslisser')) && zaak.status !== 'besloten' && zaak.status !== 'afgesloten' && !zaak.klok.afgehandeld && (
        <TermijnActies zaakId={zaak.id} klok={zaak.klok} onDone={load.reload} />
      )}

      {session.roles.includes('beslisser') && zaak.klok.dwangsom && (
        <DwangsomVaststellen zaakId={zaak.id} dwangsom={zaak.klok.dwangsom} onDone={load.reload} />
      )}

      {session.roles.includes('klantmanager') && (
        <AanvraagIntrekken zaakId={zaak.id} mogelijk={kanIntrekken(zaak)} voor="klantmanager" onDone={() => uitvoeringVerstuurd(load.reload)} />
      )}

      <section aria-labelledby="z-tijdlijn">
        <Heading level={2} id="z-tijdlijn">
          Tijdlijn
        </Heading>
        <Tijdlijn items={zaak.tijdlijn} mijnGebruikersnaam={me} />
      </section>

      {zaak.budget !== undefined && (
        <section aria-labelledby="z-budget">
          <Heading level={2} id="z-budget">
            Budget en betalingen
          </Heading>
          {zaak.budget ? <BudgetOverzicht budget={zaak.budget} /> : <Paragraph>Er is (nog) geen budget toegekend.</Paragraph>}
        </section>
      )}

      {zaak.regeling === 'pgb-bw' && session.roles.includes('klantmanager') && ((zaak.fase === 'uitvoering' && zaak.status !== 'afgesloten') || eindeVastgelegd) && (
        <section aria-labelledby="z-pgb-bw-uitvoering">
          <Heading level={2} id="z-pgb-bw-uitvoering">
            Uitvoering pgb bw
          </Heading>
          {zaak.fase === 'uitvoering' && zaak.status !== 'afgesloten' ? (
            <>
              <Paragraph>Leg hier vast wat de werkgever, de begeleidingsorganisatie of de jobfinder u stuurt. De betalingen ziet u bij Budget en betalingen.</Paragraph>
              <PgbBwUitvoering
                zaakId={zaak.id}
                wachtlijst={zaak.pgbBw}
                onSent={(soort) => {
                  if (soort === 'einde-dienstverband') setEindeVastgelegd(true);
                  uitvoeringVerstuurd(load.reload);
                }}
              />
            </>
          ) : (
            <Alert type="ok" role="status">
              <Paragraph>Het einde van het pgb begeleid werken is vastgelegd. Er wordt niets meer betaald. U vindt de taak om de klant over te dragen bij Open taken.</Paragraph>
            </Alert>
          )}
        </section>
      )}

      {zaak.documenten !== undefined && (
        <section aria-labelledby="z-documenten">
          <Heading level={2} id="z-documenten">
            Documenten
          </Heading>
          <Documenten zaakId={zaak.id} documenten={zaak.documenten} />
        </section>
      )}

      {zaak.contactmomenten !== undefined && (
        <section aria-labelledby="z-contact">
          <Heading level={2} id="z-contact">
            Contactmomenten
          </Heading>
          {zaak.contactmomenten.length === 0 ? (
            <Paragraph>Er zijn nog geen contactmomenten vastgelegd.</Paragraph>
          ) : (
            <ul className="regie-contacts">
              {[...zaak.contactmomenten]
                .sort((a, b) => b.datum.localeCompare(a.datum))
                .map((c) => (
                  <li key={c.id}>
                    <strong>
                      {CONTACT_SOORTEN[c.soort] ?? c.soort}, <time dateTime={isoDag(c.datum)}>{datum(c.datum)}</time>
                    </strong>{' '}
                    <span className="regie-muted">door {c.door === me ? 'u' : c.doorNaam}</span>
                    <p className="regie-contacts__text">{c.samenvatting}</p>
                  </li>
                ))}
            </ul>
          )}
          <Heading level={3}>Nieuw contactmoment</Heading>
          <ContactmomentForm zaakId={zaak.id} onSaved={load.reload} />
        </section>
      )}
    </article>
  );
}
