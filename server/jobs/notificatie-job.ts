import { formatEuro } from '../../forms/validation/money.ts';
import { datumLang } from '../../workers/beschikking/index.ts';
import { completedBy, header, variable, type JobHandler } from './job-handler.ts';

interface Tekst {
  onderwerp: string | ((v: Record<string, unknown>) => string);
  tekst: (v: Record<string, unknown>) => string;
}

/** "4 januari 2027": a klant reads a date in words, not as 2027-01-04. */
const datum = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? datumLang(v.slice(0, 10)) : 'onbekend');
const euro = (cents: unknown) => (typeof cents === 'number' ? formatEuro(cents) : '');

/** Plain-Dutch messages per code (process.md §2, notificatie). */
const BERICHTEN: Record<string, Tekst> = {
  'besluit-verzonden': {
    onderwerp: 'Er is een besluit over uw aanvraag',
    tekst: (v) => {
      const b = v.beschikking as { uiterlijkeReactiedatum?: string } | undefined;
      return `Wij hebben een besluit genomen over uw aanvraag. U vindt de brief bij uw zaak onder Documenten. Bent u het er niet mee eens? Dan kunt u tot en met ${datum(b?.uiterlijkeReactiedatum)} bezwaar maken.`;
    },
  },
  'aanvraag-ingetrokken': { onderwerp: 'Uw aanvraag is ingetrokken', tekst: () => 'Uw aanvraag is ingetrokken. De zaak is afgesloten.' },
  'voortgang-ontvangen': { onderwerp: 'Voortgangsrapportage ontvangen', tekst: () => 'De voortgangsrapportage is ontvangen.' },
  'declaratie-verwerkt': {
    onderwerp: (v) => ((v.betaling as { uitkomst?: string } | undefined)?.uitkomst === 'geweigerd' ? 'Uw declaratie of factuur is afgewezen' : 'Uw declaratie of factuur is verwerkt'),
    tekst: (v) => {
      const b = v.betaling as { uitkomst?: string; reden?: string | null; status?: string } | undefined;
      // The reden is a whole sentence from the betaling worker (workers/betaling/berichten.ts).
      if (b?.uitkomst === 'geweigerd') return `Wij kunnen deze betaling niet doen. ${b.reden ?? 'U ziet de reden bij uw zaak onder Betalingen.'}`;
      return b?.status === 'voorgesteld'
        ? 'De betaling is klaargezet en wacht op goedkeuring door de afdeling financiën.'
        : `De betaling van ${euro((v.betalingVerzoek as { bedragCents?: number } | undefined)?.bedragCents)} is goedgekeurd.`;
    },
  },
  'werk-gevonden': { onderwerp: 'Werk gevonden', tekst: () => 'Er is werk gevonden tijdens het traject. Het traject loopt door; bespreek de afronding met elkaar.' },
  'bezwaar-verdaagd': {
    onderwerp: 'De beslissing op uw bezwaar duurt langer',
    tekst: (v) => `Wij hebben meer tijd nodig om op uw bezwaar te beslissen (artikel 7:10 Awb). U hoort uiterlijk ${datum(v.uiterlijkeEinddatum)} van ons.`,
  },
  'beslissing-op-bezwaar-verzonden': {
    onderwerp: 'Er is een beslissing op uw bezwaar',
    tekst: () => 'Wij hebben op uw bezwaar beslist. U vindt de brief bij uw zaak onder Documenten.',
  },
};

async function klantEmail(services: Parameters<JobHandler['handle']>[1], username: string): Promise<string | null> {
  const row = await services.database.db
    .selectFrom('users')
    .innerJoin('klanten', 'klanten.id', 'users.klant_id')
    .select('klanten.email')
    .where('users.username', '=', username)
    .executeTakeFirst();
  return row?.email ?? null;
}

/** notificatie: an in-app bericht to the klant and/or the klantmanager of the zaak; once per job. */
export const notificatie: JobHandler = {
  type: 'notificatie',
  async handle(job, services) {
    const code = header(job, 'bericht');
    const t = BERICHTEN[code] ?? { onderwerp: 'Nieuw bericht over uw zaak', tekst: () => `Er is iets veranderd in uw zaak (${code}).` };
    const zaakId = variable<string>(job, 'zaakId');
    const ontvangers = (job.customHeaders.ontvangers ?? 'klant').split(',').map((s) => s.trim());
    for (const rol of ontvangers) {
      // The klantmanager of the zaak is the one who held its intake.
      const user = rol === 'klant' ? (job.variables.klant as string | undefined) : await completedBy(services, job, 'Intake');
      if (!user) continue;
      const tekst = t.tekst(job.variables);
      const onderwerp = typeof t.onderwerp === 'function' ? t.onderwerp(job.variables) : t.onderwerp;
      const nieuw = await services.berichten.plaats({ tenantId: job.tenantId, ontvanger: user, zaakId, onderwerp, tekst, idempotencyKey: `${job.key}:${rol}` });
      // E-mail only with a new bericht: a retried job does not mail twice (at most once; the bericht is the record).
      if (nieuw && rol === 'klant' && services.mail.enabled) {
        const email = await klantEmail(services, user);
        if (email) await services.mail.send({ to: email, subject: onderwerp, text: `${tekst}\n\nU vindt dit bericht ook in Regie onder Berichten.` });
      }
    }
    return {};
  },
};
