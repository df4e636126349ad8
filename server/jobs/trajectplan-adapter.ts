import type { TrajectplanInvoer } from '../../workers/plan-toets/index.ts';

/** The trajectplan as the klant's form (prb-trajectplan) stores it. */
export interface TrajectplanFormulier {
  activiteiten?: { omschrijving: string; startdatum: string; einddatum: string; verwachtResultaat?: string; planonderdelen?: string[] | null }[];
  begroting?: {
    categorie: string;
    omschrijving: string;
    aanbieder: string;
    activiteitNr?: number;
    kvk?: string | null;
    iban?: string;
    bedragCent: number;
    offertes?: string[] | null;
    /** Asked for material items: how they relate to the training or work. */
    relatieMetWerk?: string | null;
  }[];
  hoofdaanbieder?: { naam?: string; kvk?: string; iban?: string } | null;
  hulpBijOpstellen?: string[];
}

const OPSTELLER: Record<string, string> = { 'klant-zelf': 'klant', arbeidsadviseur: 'onafhankelijk-arbeidsadviseur' };

export const activiteitId = (nr: number) => `A${nr}`;

/**
 * Translates the form's plan into the plan-toets worker's model: activities
 * get ids, begroting lines point at them, offertes become documents of the
 * line's provider. The form asks what the klant knows; the model is what the
 * rules need.
 */
export function toTrajectplan(plan: TrajectplanFormulier): TrajectplanInvoer {
  const activiteiten = (plan.activiteiten ?? []).map((a, i) => ({
    id: activiteitId(i + 1),
    omschrijving: a.omschrijving,
    startdatum: a.startdatum,
    einddatum: a.einddatum,
    ...(a.verwachtResultaat ? { verwachtResultaat: a.verwachtResultaat } : {}),
    planonderdelen: (a.planonderdelen ?? []) as never,
  }));
  const startdatum = activiteiten.map((a) => a.startdatum).sort()[0] ?? new Date().toISOString().slice(0, 10);
  const hoofd = plan.hoofdaanbieder?.naam ? { naam: plan.hoofdaanbieder.naam, ...(plan.hoofdaanbieder.kvk ? { kvk: plan.hoofdaanbieder.kvk } : {}) } : undefined;
  return {
    startdatum,
    activiteiten,
    begroting: (plan.begroting ?? []).map((r) => ({
      activiteitId: activiteitId(r.activiteitNr ?? 1),
      omschrijving: r.omschrijving,
      categorie: r.categorie as never,
      bedragCent: r.bedragCent,
      aanbieder: { naam: r.aanbieder, ...(r.kvk ? { kvk: r.kvk } : {}) },
      offertes: (r.offertes ?? []).map((documentId) => ({ aanbieder: r.aanbieder, ...(r.kvk ? { kvk: r.kvk } : {}), documentId })),
      ...(r.relatieMetWerk?.trim() ? { relatieMetOpleidingOfWerk: r.relatieMetWerk.trim() } : {}),
      tenBehoeveVanEigenOnderneming: r.categorie === 'investering-eigen-onderneming',
      viaHoofdaanbieder: hoofd !== undefined && hoofd.naam === r.aanbieder,
    })),
    ...(hoofd ? { hoofdaanbieder: hoofd } : {}),
    opgesteldDoor: [...new Set((plan.hulpBijOpstellen ?? ['klant-zelf']).map((h) => OPSTELLER[h] ?? h))] as never,
  };
}
