import { composeIBAN } from 'ibantools';
import type { Tx } from '../db/transaction.ts';
import type { ContractStatus } from '../aanbieders/tables.ts';

/** Fictitious aanbieders; KvK numbers in a made-up range, IBANs with valid check digits on a made-up account. */
interface DemoAanbieder {
  id: string;
  naam: string;
  kvk: string;
  rekening: number;
  diensten: string[];
  rollen: string[];
  regio: string;
  omschrijving: string;
  contracten: { tenant: string; regelingen: string[]; status: ContractStatus; gemeenteklanten?: boolean }[];
}

const ALLE_GEMEENTEN = ['almere', 'breda', 'delft', 'groningen', 'utrecht', 'zoetermeer', 'helmond'];

export const DEMO_AANBIEDERS: DemoAanbieder[] = [
  {
    id: 'demo-werkroute',
    naam: 'Werkroute Re-integratie B.V.',
    kvk: '90000011',
    rekening: 1,
    diensten: ['Sollicitatietraining', 'Jobhunting', 'Nazorg na plaatsing'],
    rollen: ['reintegratiebedrijf'],
    regio: 'landelijk',
    omschrijving: 'Begeleidt werkzoekenden naar betaald werk, met nazorg in de eerste maanden.',
    contracten: [
      { tenant: 'uwv', regelingen: ['iro'], status: 'gecontracteerd', gemeenteklanten: true },
      { tenant: 'rotterdam', regelingen: ['rio'], status: 'in-pool' },
      { tenant: 'almere', regelingen: ['prb', 'pib'], status: 'in-pool' },
    ],
  },
  {
    id: 'demo-havenwerk',
    naam: 'Havenwerk Loopbaan',
    kvk: '90000022',
    rekening: 2,
    diensten: ['Loopbaanadvies', 'Werkervaringsplaats', 'Jobcoaching'],
    rollen: ['reintegratiebedrijf', 'jobcoach'],
    regio: 'Rotterdam-Rijnmond',
    omschrijving: 'Kleinschalige trajecten in de haven en logistiek.',
    contracten: [
      { tenant: 'uwv', regelingen: ['iro'], status: 'gecontracteerd', gemeenteklanten: true },
      { tenant: 'rotterdam', regelingen: ['rio', 'pib'], status: 'in-pool' },
      { tenant: 'vlaardingen', regelingen: ['prb'], status: 'in-pool' },
    ],
  },
  {
    id: 'demo-startpunt',
    naam: 'Startpunt Werk & Welzijn',
    kvk: '90000033',
    rekening: 3,
    diensten: ['Activering', 'Dagbesteding naar werk'],
    rollen: ['reintegratiebedrijf'],
    regio: 'landelijk',
    omschrijving: 'Voor wie langer uit het arbeidsproces is; stap voor stap naar werk.',
    // UWV contract for the iro, but only for UWV clients: not in Rotterdam's rio pool.
    contracten: [{ tenant: 'uwv', regelingen: ['iro'], status: 'gecontracteerd', gemeenteklanten: false }],
  },
  {
    id: 'demo-taalhuis',
    naam: 'Taalhuis De Brug',
    kvk: '90000044',
    rekening: 4,
    diensten: ['Nederlandse les (A1 tot B1)', 'Kennis Nederlandse Maatschappij', 'Taal op de werkvloer'],
    rollen: ['taalaanbieder'],
    regio: 'landelijk',
    omschrijving: 'Inburgeringscursussen overdag en in de avond, ook duaal met werk.',
    contracten: [
      ...ALLE_GEMEENTEN.map((tenant) => ({ tenant, regelingen: ['pib'], status: 'gecontracteerd' as const })),
      { tenant: 'rotterdam', regelingen: ['pib'], status: 'gecontracteerd' },
    ],
  },
  {
    id: 'demo-vakschool',
    naam: 'Vakschool Flevoland',
    kvk: '90000055',
    rekening: 5,
    diensten: ['Opleiding heftruckchauffeur', 'VCA-cursus', 'Opleiding zorghulp'],
    rollen: ['opleider'],
    regio: 'Flevoland',
    omschrijving: 'Korte beroepsopleidingen met een erkend certificaat.',
    contracten: [
      { tenant: 'almere', regelingen: ['prb', 'pgb-bw', 'pib'], status: 'gecontracteerd' },
      { tenant: 'uwv', regelingen: ['iro'], status: 'beeindigd' },
    ],
  },
  {
    id: 'demo-jobcoach-noord',
    naam: 'Jobcoach Noord',
    kvk: '90000066',
    rekening: 6,
    diensten: ['Jobcoaching', 'Begeleiding op de werkplek'],
    rollen: ['jobcoach'],
    regio: 'Groningen',
    omschrijving: 'Begeleiding op de werkplek voor mensen met een arbeidsbeperking.',
    contracten: [
      { tenant: 'groningen', regelingen: ['prb', 'pgb-bw'], status: 'in-pool' },
      { tenant: 'uwv', regelingen: ['iro'], status: 'gecontracteerd', gemeenteklanten: true },
    ],
  },
];

function demoIban(n: number): string {
  // Made-up accounts at a made-up-for-the-demo range of the ING bank code; check digits are real.
  return composeIBAN({ countryCode: 'NL', bban: `INGB${String(7_700_000_000 + n).padStart(10, '0')}` })!;
}

/** Idempotent: an aanbieder or contract that exists keeps what was changed since. */
export async function seedDemoAanbieders(tx: Tx, now: string): Promise<number> {
  const tenants = new Set((await tx.selectFrom('tenants').select('id').execute()).map((t) => t.id));
  const bestaand = new Set((await tx.selectFrom('aanbieders').select('id').execute()).map((a) => a.id));
  let added = 0;
  for (const a of DEMO_AANBIEDERS) {
    if (bestaand.has(a.id)) continue;
    await tx
      .insertInto('aanbieders')
      .values({
        id: a.id,
        naam: a.naam,
        kvk: a.kvk,
        iban: demoIban(a.rekening),
        diensten: JSON.stringify(a.diensten),
        rollen: JSON.stringify(a.rollen),
        regio: a.regio,
        website: null,
        omschrijving: a.omschrijving,
        created_by: 'seed',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const c of a.contracten.filter((c) => tenants.has(c.tenant))) {
      await tx
        .insertInto('aanbieder_contracten')
        .values({
          aanbieder_id: a.id,
          tenant_id: c.tenant,
          regelingen: JSON.stringify(c.regelingen),
          status: c.status,
          gemeenteklanten: c.gemeenteklanten ? 1 : 0,
          sinds: '2026-01-01',
          tot: c.status === 'beeindigd' ? '2026-06-30' : null,
          voorgesteld_door: null,
          voorgesteld_voor_zaak: null,
          toelichting: null,
          beoordeeld_door: 'seed',
          beoordeeld_at: now,
          reden: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    added++;
  }
  return added;
}
