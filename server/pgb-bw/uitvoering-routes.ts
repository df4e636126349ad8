import { createHash } from 'node:crypto';
import { z } from 'zod';
import { tenantRoles } from '../http/access.ts';
import { HttpProblem, problems } from '../http/problem.ts';
import { defineRoute } from '../http/route.ts';
import type { Services } from '../services.ts';
import { visibleZaak } from '../zaken/visibility.ts';
import { zaakFase } from '../zaken/fase.ts';
import { pgbBwWachtlijst } from './wachtlijst.ts';
import { datumLang } from '../../workers/beschikking/tekst.ts';
import { maandenGeraakt } from '../../forms/index.ts';
import { todayInAmsterdam } from '../../workers/termijnen/index.ts';

/**
 * The pgb bw uitvoering as a klantmanager registers it from the zaakdossier: the werkgever's
 * loonopgave, an invoice of the begeleidingsorganisatie (or the werkplekaanpassing), the
 * jobfinding plaatsing, the klant's turn on the wachtlijst, a herindicatie and the end of employment. Each publishes the message of
 * workflows/pgb-bw/process.md §3 with exactly its variable shape; the pgb-bw-betaling job pays
 * through the ledger. Only the klantmanager: the pgb-adviseur advises and never decides
 * (seed-002), and a payment request is a decision of the gemeente.
 */

/** A message waits this long for the process to be ready (a loop may be busy with the previous one). */
const MESSAGE_TTL_MS = 30 * 86_400_000;

const datum = (wat: string) => z.iso.date({ error: `Vul ${wat} in als JJJJ-MM-DD.` });
const centen = (wat: string) =>
  z
    .number({ error: `Vul ${wat} in.` })
    .int(`Vul ${wat} in hele centen in.`)
    .positive(`${wat.charAt(0).toUpperCase()}${wat.slice(1)} moet groter zijn dan € 0,00.`)
    .max(100_000_000, `${wat.charAt(0).toUpperCase()}${wat.slice(1)} is te hoog; controleer het bedrag.`);

export const LoonopgaveSchema = z
  .strictObject({
    periodeVan: datum('de eerste dag van de periode'),
    periodeTot: datum('de laatste dag van de periode'),
    maanden: z.number({ error: 'Vul het aantal maanden van de periode in.' }).int('Vul een heel aantal maanden in.').min(1, 'De periode is minstens 1 maand.').max(12, 'De periode is hoogstens 12 maanden.'),
    brutoLoonCent: centen('het betaalde brutoloon'),
    maandenInDienst: z.number({ error: 'Vul het aantal maanden in dienst in.' }).int('Vul een heel aantal maanden in.').min(0, 'Het aantal maanden in dienst kan niet negatief zijn.').max(12, 'Vul hoogstens 12 maanden in.').optional(),
    contracturenPerWeek: z.number({ error: 'Vul de contracturen per week in.' }).positive('De contracturen per week moeten meer dan 0 zijn.').max(60, 'Vul hoogstens 60 uur per week in.').optional(),
  })
  .superRefine((o, ctx) => {
    if (o.periodeTot < o.periodeVan) {
      ctx.addIssue({ code: 'custom', path: ['periodeTot'], message: 'De laatste dag van de periode ligt vóór de eerste dag.' });
      return;
    }
    // The subsidy is paid per month stated: a typo ("12" for a quarter) must not pay a whole year.
    const max = maandenGeraakt(o.periodeVan, o.periodeTot);
    if (o.maanden > max) ctx.addIssue({ code: 'custom', path: ['maanden'], message: `De periode loopt over ${max} ${max === 1 ? 'kalendermaand' : 'kalendermaanden'}; vul niet meer maanden in.` });
  });

export const FactuurSchema = z
  .strictObject({
    onderdeel: z.enum(['begeleiding', 'werkplekaanpassing'], { error: 'Kies begeleiding of werkplekaanpassing. Jobfinding betaalt u bij de plaatsing.' }),
    bedragCents: centen('het bedrag'),
    referentie: z.string({ error: 'Vul het factuurnummer in.' }).trim().min(1, 'Vul het factuurnummer in.').max(100, 'Gebruik hoogstens 100 tekens voor het factuurnummer.'),
    factuurdatum: datum('de factuurdatum').optional(),
    uren: z.number({ error: 'Vul het aantal uren begeleiding in.' }).positive('Het aantal uren moet meer dan 0 zijn.').max(2_000, 'Vul hoogstens 2.000 uur in.').optional(),
    weken: z.number({ error: 'Vul het aantal weken in.' }).int('Vul een heel aantal weken in.').positive('Het aantal weken moet minstens 1 zijn.').max(53, 'Vul hoogstens 53 weken in.').optional(),
  })
  // The granted hours per week are checked on uren and weken; without them a begeleidingsfactuur could pass unchecked.
  .superRefine((f, ctx) => {
    if (f.onderdeel !== 'begeleiding') return;
    if (f.uren === undefined) ctx.addIssue({ code: 'custom', path: ['uren'], message: 'Vul het aantal uren begeleiding op de factuur in.' });
    if (f.weken === undefined) ctx.addIssue({ code: 'custom', path: ['weken'], message: 'Vul het aantal weken in waarover de factuur gaat.' });
  });

export const PlaatsingSchema = z.strictObject({
  datum: datum('de eerste werkdag'),
  contractGetekend: z.boolean({ error: 'Geef aan of de arbeidsovereenkomst is getekend.' }),
  werkgever: z.string({ error: 'Vul de werkgever in.' }).trim().min(1, 'Vul de werkgever in.').max(200, 'Gebruik hoogstens 200 tekens.'),
});

export const EindeSchema = z.strictObject({
  reden: z.enum(['einde-dienstverband', 'einde-pgb-bw', 'terug-naar-sw-bedrijf'], { error: 'Kies de reden van het einde.' }),
  einddatum: datum('de einddatum'),
  toelichting: z.string({ error: 'Vul een toelichting in.' }).trim().min(1, 'Vul een toelichting in.').max(4000, 'Gebruik hoogstens 4.000 tekens.'),
});

export const AanDeBeurtSchema = z.strictObject({
  datum: datum('de datum waarop de klant aan de beurt is'),
});

export const HerindicatieSchema = z.strictObject({
  datum: datum('de datum van de herindicatie'),
  uitkomst: z.enum(['indicatie-blijft', 'indicatie-gewijzigd', 'indicatie-vervallen'], {
    error: 'Kies wat de herindicatie zegt: de Wsw-indicatie blijft, is gewijzigd of is vervallen.',
  }),
  toelichting: z.string({ error: 'Vul een toelichting in.' }).trim().min(1, 'Vul een toelichting in.').max(4000, 'Gebruik hoogstens 4.000 tekens.'),
});

const Ontvangen = z.object({
  messageKey: z.string(),
  /** The process took it in now (false: it waits, e.g. while the previous payment is booked). */
  verwerkt: z.boolean(),
  /** The same registration was already received (a double click): nothing happened. */
  dubbel: z.boolean(),
});

const params = z.strictObject({ id: z.string().max(64) });

/** Same content, same id: a double click or a retried request pays once; a corrected registration is new. */
function messageIdVan(soort: string, zaakId: string, sleutel: string, inhoud: unknown) {
  const hash = createHash('sha256').update(JSON.stringify(inhoud)).digest('hex').slice(0, 16);
  return `pgb-bw-${soort}:${zaakId}:${sleutel}:${hash}`;
}

export function pgbBwUitvoeringRoutes(services: Services) {
  const { database, engine } = services;
  const db = database.db;

  /** The zaak, if it is a pgb bw zaak whose uitvoering runs; else a 409 and nothing is published. */
  async function zaakInUitvoering(principal: Parameters<typeof visibleZaak>[1], zaakId: string) {
    const zaak = await visibleZaak(db, principal, zaakId);
    if (zaak.regeling !== 'pgb-bw') {
      throw new HttpProblem(409, 'Geen pgb bw', 'Deze zaak is geen pgb begeleid werken. Loonopgaven, facturen, plaatsingen, de wachtlijst, herindicaties en het einde van het dienstverband legt u alleen vast bij een pgb bw-zaak.');
    }
    if (zaak.status === 'afgesloten') {
      throw new HttpProblem(409, 'Zaak afgesloten', 'Deze zaak is afgesloten. Er wordt niets meer betaald; neem contact op met financiën als er nog een betaling openstaat.');
    }
    // The same fase as the zaakdossier shows.
    const fase = await zaakFase(engine, zaak.tenant_id, zaak.process_instance_key);
    if (fase !== 'uitvoering') {
      throw new HttpProblem(
        409,
        'Niet in uitvoering',
        fase === 'einde' || fase === 'afsluiting'
          ? 'Het pgb begeleid werken van deze zaak is beëindigd. U kunt geen loonopgave, factuur of plaatsing meer vastleggen.'
          : 'Het pgb begeleid werken van deze zaak is nog niet toegekend. U kunt dit vastleggen zodra de zaak in de fase uitvoering is.',
      );
    }
    return zaak;
  }

  async function publiceer(zaak: { id: string; tenant_id: string }, name: string, messageId: string, variables: Record<string, unknown>, timeToLive = MESSAGE_TTL_MS) {
    const r = await engine.publishMessage({ tenantId: zaak.tenant_id, name, correlationKey: zaak.id, messageId, timeToLive, variables });
    return { messageKey: r.messageKey, verwerkt: r.correlatedProcessInstanceKeys.length > 0, dubbel: r.duplicate };
  }

  const common = {
    tag: 'pgb-bw',
    access: tenantRoles('klantmanager'),
    params,
    response: { status: 202, description: 'Ontvangen; de zaak verwerkt het', schema: Ontvangen },
    errors: { 409: 'Geen pgb bw-zaak, of de uitvoering loopt niet (nog niet toegekend, beëindigd of afgesloten)' },
  } as const;

  return [
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwLoonopgave',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/loonopgave',
      summary: 'Pgb bw: de loonopgave van de werkgever over een subsidieperiode vastleggen (vergoeding werkgever)',
      body: LoonopgaveSchema,
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        return publiceer(zaak, 'pgb-bw-loonopgave', messageIdVan('loonopgave', zaak.id, `${body.periodeVan}/${body.periodeTot}`, body), {
          // ingediendDoor: the submitter may not approve the payment above the finance threshold (four eyes).
          loonopgave: { ...body, ingediendDoor: principal.username },
        });
      },
    }),
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwFactuur',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/factuur',
      summary: 'Pgb bw: een factuur van de begeleidingsorganisatie (binnen de toegekende uren) of van de werkplekaanpassing vastleggen',
      body: FactuurSchema,
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        return publiceer(zaak, 'pgb-bw-factuur', messageIdVan('factuur', zaak.id, `${body.onderdeel}/${body.referentie}`, body), {
          factuur: { ...body, ingediendDoor: principal.username },
        });
      },
    }),
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwPlaatsing',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/plaatsing',
      summary: 'Pgb bw: de plaatsing bij de werkgever vastleggen (jobfinding, no cure no pay)',
      body: PlaatsingSchema,
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        // The diagram takes one plaatsing and pays only for a signed contract whose first day has come
        // (no cure no pay, L321); registered too early it would pay nothing and never again, so refuse it here.
        const fouten = [];
        if (!body.contractGetekend) fouten.push({ field: 'contractGetekend', message: 'Leg de plaatsing vast zodra de arbeidsovereenkomst is getekend; eerder betalen wij de jobfinding niet.' });
        if (body.datum > todayInAmsterdam(new Date())) fouten.push({ field: 'datum', message: 'De eerste werkdag ligt in de toekomst. Leg de plaatsing vast op of na die dag.' });
        if (fouten.length) throw problems.validation(fouten);
        return publiceer(zaak, 'pgb-bw-plaatsing', `pgb-bw-plaatsing:${zaak.id}`, { plaatsing: { ...body, ingediendDoor: principal.username } });
      },
    }),
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwAanDeBeurt',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/aan-de-beurt',
      summary: 'Pgb bw: vastleggen dat de klant aan de beurt is op de wachtlijst (vanaf die datum betaalt het Wsw-budget in plaats van de voorfinanciering)',
      body: AanDeBeurtSchema,
      errors: { 409: 'Geen pgb bw-zaak, de uitvoering loopt niet, de klant is al aan de beurt gemeld, of de gemeente financiert niet voor (het Wsw-budget betaalt al)' },
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        const { variabelen, voorgefinancierd, aanDeBeurt } = await pgbBwWachtlijst(engine, zaak);
        // AanDeBeurtOntvangen takes one message. A second one would find no subscription and, like the
        // others, wait 30 days in the buffer for nothing: the klantmanager would see "ontvangen" while the
        // wisseldatum stays the first one. So a zaak whose catch event already correlated is refused here
        // (the same date again is a double click and answers like the other routes: dubbel, nothing new).
        if (aanDeBeurt) {
          const gemeld = aanDeBeurt.datum;
          if (gemeld === body.datum) return { messageKey: aanDeBeurt.messageKey, verwerkt: true, dubbel: true };
          throw new HttpProblem(
            409,
            'Al aan de beurt gemeld',
            `De klant is al aan de beurt gemeld${gemeld ? ` op ${datumLang(gemeld)}` : ''}. Vanaf die datum betaalt het Wsw-budget; een tweede melding verandert dat niet. Klopt die datum niet, neem dan contact op met functioneel beheer.`,
          );
        }
        if (!voorgefinancierd) {
          throw new HttpProblem(409, 'Geen voorfinanciering', 'Het pgb begeleid werken van deze klant wordt al uit het Wsw-budget betaald: de klant was bij de toekenning niet (meer) aan het wachten. U hoeft niet vast te leggen dat de klant aan de beurt is.');
        }
        const start = (variabelen.besluit as { subsidieperiode?: { van?: string } } | undefined)?.subsidieperiode?.van;
        if (start && body.datum < start) {
          throw problems.validation([{ field: 'datum', message: `Het pgb begeleid werken loopt vanaf ${datumLang(start)}. Was de klant toen al aan de beurt, vul dan die datum in.` }]);
        }
        // No buffer (time to live 0): the catch event waits for the whole uitvoering, so a message it does
        // not take now (two registrations at the same moment, an older process version) is dropped and refused.
        const r = await publiceer(zaak, 'pgb-bw-aan-de-beurt', messageIdVan('aan-de-beurt', zaak.id, body.datum, body), { aanDeBeurt: body }, 0);
        if (!r.verwerkt && !r.dubbel) {
          throw new HttpProblem(409, 'Al aan de beurt gemeld', 'De zaak wacht niet (meer) op de melding dat de klant aan de beurt is; waarschijnlijk is die net door iemand anders vastgelegd. Ververs de zaak.');
        }
        return r;
      },
    }),
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwHerindicatie',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/herindicatie',
      summary: 'Pgb bw: een herindicatie vastleggen (de klantmanager krijgt de taak de gevolgen te beoordelen)',
      body: HerindicatieSchema,
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        if (body.datum > todayInAmsterdam(new Date())) {
          throw problems.validation([{ field: 'datum', message: 'De datum van de herindicatie ligt in de toekomst. Leg een herindicatie vast als u die heeft ontvangen.' }]);
        }
        // The loop takes one herindicatie at a time: while "Gevolgen herindicatie beoordelen" is open the next waits (verwerkt: false).
        return publiceer(zaak, 'pgb-bw-herindicatie', messageIdVan('herindicatie', zaak.id, body.datum, body), { herindicatie: { ...body, ingediendDoor: principal.username } });
      },
    }),
    defineRoute({
      ...common,
      operationId: 'registreerPgbBwEinde',
      method: 'post',
      path: '/api/zaken/:id/pgb-bw/einde-dienstverband',
      summary: 'Pgb bw: het einde van het dienstverband vastleggen (beëindigt de uitvoering; openstaande betalingen stoppen)',
      body: EindeSchema,
      handler: async ({ principal, params, body }) => {
        const zaak = await zaakInUitvoering(principal, params.id);
        return publiceer(zaak, 'pgb-bw-einde-dienstverband', `pgb-bw-einde:${zaak.id}`, { einde: body });
      },
    }),
  ];
}
