import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import type { Services } from '../services.ts';
import { startRegelingZaak } from '../zaken/commands/start-regeling-zaak.ts';
import type { Regeling } from '../zaken/tables.ts';
import { demoBsn } from './demo.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';

const jaar = (n: number) => `${Number(todayInAmsterdam(new Date()).slice(0, 4)) - n}-03-14`;

/** One demo zaak per regeling beyond prb, each waiting for its first staff task (see README "pib, iro en rio proberen"). */
const DEMO: { regeling: Regeling; tenantId: string; klant: number; gegevens: (naam: string, bsn: string) => Record<string, unknown> }[] = [
  {
    regeling: 'iro',
    tenantId: 'uwv',
    klant: 1,
    gegevens: (naam, bsn) => ({
      aanmelding: { naam, bsn, geboortedatum: jaar(44), contact: { email: 'klant@demo.regie.nl', telefoon: '' }, uitkering: 'WW', motivatie: 'Ik wil zelf een re-integratiebedrijf kiezen dat mijn vak kent.', toestemming: true },
    }),
  },
  {
    regeling: 'rio',
    tenantId: 'rotterdam',
    klant: 1,
    gegevens: (naam, bsn) => ({
      aanmelding: { naam, bsn, geboortedatum: jaar(39), contact: { email: 'klant@demo.regie.nl', telefoon: '' }, uitkering: 'WWB', werkloosSinds: jaar(2), motivatie: 'Reguliere trajecten hielpen mij niet; ik wil zelf een bedrijf kiezen.', toestemming: true },
    }),
  },
  {
    regeling: 'pib',
    tenantId: 'almere',
    klant: 3,
    gegevens: (naam, bsn) => ({
      verzoek: { naam, bsn, geboortedatum: jaar(31), contact: { email: 'klant@demo.regie.nl', telefoon: '' }, inburgeraar: 'verplicht', uitkering: 'WWB', woontInGemeente: 'ja', motivatie: 'Ik wil taalles combineren met een opleiding die naar werk leidt.', toestemming: true },
    }),
  },
];

export async function seedIroPibDemoZaken(services: Services): Promise<number> {
  const today = todayInAmsterdam(new Date());
  let started = 0;
  for (const d of DEMO) {
    const entry = services.catalog.get(d.regeling);
    const params = entry?.parameters(d.tenantId, today);
    if (!entry || !params) continue;
    const username = `klant${d.klant}.${d.tenantId}`;
    const user = await services.database.db.selectFrom('users').select(['klant_id', 'display_name']).where('username', '=', username).executeTakeFirst();
    if (!user?.klant_id) continue;
    const ti = DEMO_TENANTS.findIndex((t) => t.id === d.tenantId);
    await startRegelingZaak(services, {
      tenantId: d.tenantId,
      entry,
      params,
      klant: { id: user.klant_id, naam: user.display_name, username },
      gegevens: d.gegevens(user.display_name, demoBsn(ti * 10 + d.klant)),
      startdatum: today,
      actor: username,
      aangemeldDoor: 'klant',
    });
    started++;
  }
  return started;
}
