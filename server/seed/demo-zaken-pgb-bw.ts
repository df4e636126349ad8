import { todayInAmsterdam } from '../../workers/termijnen/index.ts';
import type { Services } from '../services.ts';
import { startRegelingZaak } from '../zaken/commands/start-regeling-zaak.ts';
import { demoBsn } from './demo.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';

/** pgb bw demo zaken waiting for the oriëntatiegesprek (README "pgb bw proberen"). */
const DEMO: { tenantId: string; klant: number; aanmelding: Record<string, unknown> }[] = [
  { tenantId: 'eindhoven', klant: 1, aanmelding: { status: 'sw-werknemer' } },
  // On the wachtlijst and not yet aan de beurt: Eindhoven pre-finances from the Participatiebudget (L215).
  { tenantId: 'eindhoven', klant: 2, aanmelding: { status: 'wachtlijst', beschikbaarVoorArbeid: 'ja', aanDeBeurt: 'nee' } },
  { tenantId: 'helmond', klant: 1, aanmelding: { status: 'gedetacheerd' } },
];

export async function seedPgbBwDemoZaken(services: Services): Promise<number> {
  const entry = services.catalog.get('pgb-bw');
  if (!entry) return 0;
  const today = todayInAmsterdam(new Date());
  let started = 0;
  for (const d of DEMO) {
    const params = entry.parameters(d.tenantId, today);
    if (!params) continue;
    const username = `klant${d.klant}.${d.tenantId}`;
    const user = await services.database.db.selectFrom('users').select(['klant_id', 'display_name']).where('username', '=', username).executeTakeFirst();
    if (!user?.klant_id) continue;
    const ti = DEMO_TENANTS.findIndex((t) => t.id === d.tenantId);
    const aanmelding = {
      naam: user.display_name,
      bsn: demoBsn(ti * 10 + d.klant),
      email: `klant${d.klant}@${d.tenantId}.demo.regie.nl`,
      indicatieGeldig: 'ja',
      indicatieNiveau: 'basis',
      werktAlBegeleid: 'nee',
      motivatie: 'Ik wil bij een gewone werkgever werken, met een jobcoach die ik zelf kies.',
      instanties: ['sw-bedrijf'],
      adviseurGewenst: false,
      wervingskanaal: 'brief-met-antwoordstrook',
      toestemming: true,
      ...d.aanmelding,
    };
    await startRegelingZaak(services, {
      tenantId: d.tenantId,
      entry,
      params,
      klant: { id: user.klant_id, naam: user.display_name, username },
      gegevens: { aanmelding },
      startdatum: today,
      actor: username,
      aangemeldDoor: 'klant',
    });
    started++;
  }
  return started;
}
