import type { Logger } from 'pino';
import { addDays, computeCaseClock, daysBetween, todayInAmsterdam } from '../../workers/termijnen/index.ts';
import { ingebrekestellingRegistreren } from '../zaken/commands/ingebrekestelling-registreren.ts';
import { demoBsn } from './demo.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';
import type { Services } from '../services.ts';
import { startRegelingZaak } from '../zaken/commands/start-regeling-zaak.ts';
import { seedIroPibDemoZaken } from './demo-zaken-iro-pib.ts';
import { seedPgbBwDemoZaken } from './demo-zaken-pgb-bw.ts';

const years = (n: number) => `${Number(todayInAmsterdam(new Date()).slice(0, 4)) - n}-03-14`;

function demoAanmelding(naam: string, bsn: string) {
  return {
    aanmelding: {
      naam,
      bsn,
      geboortedatum: years(47),
      contact: { email: 'klant@demo.regie.nl', postcode: '1315 AB', huisnummer: '1' },
      uitkering: 'WWB',
      uitkeringSinds: years(2),
      anderTraject: 'nee',
      beschikbaarVoorArbeid: 'ja',
      alleenstaandeOuder: 'nee',
      motivatie: 'Ik wil zelf bepalen welke opleiding en begeleiding mij het snelst naar werk brengen.',
      toestemming: true,
    },
  };
}

/**
 * An aanvraag whose legal term ended `dagenTeLaat` days ago, whatever the gemeente's doorlooptijd:
 * the Atw may move the end, so the start is found from the clock itself.
 */
function startdatumTeLaat(normen: { doorlooptijd: string; servicenorm: string }, today: string, dagenTeLaat: number): string {
  const duur = daysBetween(today, computeCaseClock(normen, { startdatum: today, opschortingen: [] }, today).uiterlijkeEinddatumAfdoening);
  return addDays(today, -(duur + dagenTeLaat));
}

/**
 * Demo zaken so a first look shows a werkvoorraad: for every gemeente that runs
 * the prb, klant1 and klant2 have applied (their intake waits for the
 * klantmanager). klant1 applied today; klant2's aanvraag came in so long ago that
 * the beslistermijn has passed, so the doorlooptijden and the werkvoorraad show a
 * zaak over its term. In Almere klant2 has also sent an ingebrekestelling, three
 * weeks ago, so a dwangsom is running (Awb 4:17). Only on a freshly seeded database.
 */
export async function seedDemoZaken(services: Services, logger: Logger): Promise<number> {
  const { database, catalog } = services;
  const entry = catalog.get('prb');
  if (!entry) return 0;
  let started = 0;
  const today = todayInAmsterdam(new Date());
  for (const tenantId of entry.tenants()) {
    const params = entry.parameters(tenantId, today);
    if (!params) continue;
    const ti = DEMO_TENANTS.findIndex((t) => t.id === tenantId);
    for (const k of [1, 2]) {
      const user = await database.db.selectFrom('users').select(['klant_id', 'display_name']).where('username', '=', `klant${k}.${tenantId}`).executeTakeFirst();
      if (!user?.klant_id) continue;
      const gegevens = demoAanmelding(user.display_name, demoBsn(ti * 10 + k));
      const startdatum = k === 2 ? startdatumTeLaat(params, today, 35) : today;
      const zaak = await startRegelingZaak(services, {
        tenantId,
        entry,
        params,
        klant: { id: user.klant_id, naam: user.display_name, username: `klant${k}.${tenantId}` },
        gegevens,
        startdatum,
        actor: `klant${k}.${tenantId}`,
        aangemeldDoor: 'klant',
        now: new Date(`${startdatum}T10:00:00Z`),
      });
      if (k === 2 && tenantId === 'almere') {
        await ingebrekestellingRegistreren(database.db, {
          tenantId,
          zaakId: zaak.zaakId,
          ontvangen: addDays(today, -21),
          toelichting: 'Brief van de klant: het besluit op de aanvraag is te laat.',
          vandaag: today,
          actor: `klantmanager.${tenantId}`,
        });
      }
      started++;
    }
  }
  started += await seedIroPibDemoZaken(services);
  started += await seedPgbBwDemoZaken(services);
  logger.info({ zaken: started }, 'demozaken gestart');
  return started;
}
