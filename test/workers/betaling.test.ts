import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beslisBetaling,
  betaling,
  centsToDecimal,
  formatEuro,
  IdempotencyConflictError,
  procentNaarBasispunten,
  splitNoCureLessPay,
  verdeel,
  type BetaalVerzoek,
  type Betaling,
  type LedgerPort,
  type LedgerSnapshot,
  type Verplichting,
} from '../../workers/betaling/index.ts';

const KLANT = 'NL91ABNA0417164300';
const AANBIEDER = 'NL20INGB0001234567';

const verplichting = (over: Partial<Verplichting> = {}): Verplichting => ({
  id: 'v1', tenantId: 't', zaakId: 'z', soort: 'offerte', omschrijving: 'Cursus', payeeNaam: 'Opleidingen BV',
  iban: AANBIEDER, kvk: '12345678', bedragCents: 200_000, bekostiging: 'vast', startAandeelBp: null, approvedBy: 'km', createdAt: '2026-01-01', ...over,
});

const snapshot = (over: Partial<LedgerSnapshot> = {}): LedgerSnapshot => ({
  toekenning: { id: 't1', tenantId: 't', zaakId: 'z', bedragCents: 300_000, besluitRef: 'b', klantNaam: 'K', klantIban: KLANT, createdAt: '2026-01-01' },
  verplichtingen: [verplichting(), verplichting({ id: 'v2', soort: 'begrotingsregel', omschrijving: 'Boeken', payeeNaam: null, iban: null, kvk: null, bedragCents: 50_000 })],
  betalingen: [],
  ...over,
});

const verzoek = (over: Partial<BetaalVerzoek> = {}): BetaalVerzoek => ({
  tenantId: 't', zaakId: 'z', soort: 'factuur', verplichtingId: 'v1', bedragCents: 10_000,
  begunstigde: { naam: 'Opleidingen BV', iban: AANBIEDER, kvk: '12345678' }, betaalroute: 'aanbieder-factureert-gemeente', financieGrensCents: 100_000, ...over,
});

const paid = (bedragCents: number, over: Partial<Betaling> = {}): Betaling => ({
  id: `p${bedragCents}`, idempotencyKey: `k${bedragCents}`, tenantId: 't', zaakId: 'z', verplichtingId: 'v1', soort: 'factuur', termijn: null,
  referentie: null, omschrijving: null, payeeNaam: 'Opleidingen BV', iban: AANBIEDER, kvk: null, bedragCents, status: 'betaald',
  redenCode: null, reden: null, ingediendDoor: null, approvedBy: 'systeem', approvedAt: null, batchId: 'b', createdAt: '', updatedAt: '', ...over,
});

const code = (v: Partial<BetaalVerzoek>, s: Partial<LedgerSnapshot> = {}) => {
  const r = beslisBetaling(verzoek(v), snapshot(s));
  return r.uitkomst === 'geweigerd' ? r.weigering.code : r.status;
};

describe('money helpers', () => {
  it('formats euros the Dutch way and as SEPA decimals', () => {
    expect(formatEuro(425_000)).toBe('€ 4.250,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(123_456_789)).toBe('€ 1.234.567,89');
    expect(formatEuro(-1_050)).toBe('-€ 10,50');
    expect(centsToDecimal(12_345)).toBe('123.45');
    expect(centsToDecimal(100)).toBe('1.00');
    expect(() => formatEuro(1.5)).toThrow();
  });

  it('no cure less pay: start + resultaat is always exactly the contract amount', () => {
    expect(splitNoCureLessPay(333_333, 3333)).toEqual({ start: 111_099, resultaat: 222_234 });
    expect(splitNoCureLessPay(100_001, 5000)).toEqual({ start: 50_000, resultaat: 50_001 });
    expect(splitNoCureLessPay(1, 9999)).toEqual({ start: 0, resultaat: 1 });
    expect(procentNaarBasispunten(33.33)).toBe(3333);
    expect(() => procentNaarBasispunten(33.333)).toThrow(/twee decimalen/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (total, bp) => {
        const { start, resultaat } = splitNoCureLessPay(total, bp);
        return Number.isInteger(start) && start >= 0 && resultaat >= 0 && start + resultaat === total;
      }),
    );
  });

  it('verdeel splits over any weights without losing a cent', () => {
    expect(verdeel(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (total, w) => {
        fc.pre(w.some((x) => x > 0));
        const parts = verdeel(total, w);
        return parts.reduce((a, b) => a + b, 0) === total && parts.every((p) => Number.isInteger(p) && p >= 0);
      }),
    );
  });
});

describe('payment rules (pure)', () => {
  it.each([
    ['within budget, below the threshold', {}, {}, 'goedgekeurd'],
    ['above the finance threshold', { bedragCents: 100_001 }, {}, 'voorgesteld'],
    ['exactly the threshold', { bedragCents: 100_000 }, {}, 'goedgekeurd'],
    ['no toekenning', {}, { toekenning: null }, 'GEEN_TOEKENNING'],
    ['over budget (paid + approved-unpaid)', { bedragCents: 60_001 }, { betalingen: [paid(140_000), paid(100_000, { status: 'goedgekeurd', verplichtingId: 'v2', batchId: null })] }, 'BOVEN_BUDGET'],
    ['refused payments do not count', { bedragCents: 60_001 }, { betalingen: [paid(100_000), paid(150_000, { status: 'afgewezen', batchId: null })] }, 'goedgekeurd'],
    ['over the verplichting', { bedragCents: 60_001 }, { betalingen: [paid(140_000)] }, 'BOVEN_VERPLICHTING'],
    ['unknown verplichting', { verplichtingId: 'nope' }, {}, 'ONBEKENDE_VERPLICHTING'],
    ['payee not in plan', { begunstigde: { naam: 'X', iban: 'NL44RABO0123456789' } }, {}, 'BEGUNSTIGDE_NIET_IN_PLAN'],
    ['KvK of another party', { begunstigde: { naam: 'X', iban: AANBIEDER, kvk: '87654321' } }, {}, 'BEGUNSTIGDE_NIET_IN_PLAN'],
    ['the klant on an invoice', { begunstigde: { naam: 'K', iban: KLANT } }, {}, 'KLANT_ALLEEN_DECLARATIE'],
    ['declaratie under another route', { soort: 'declaratie', verplichtingId: 'v2', begunstigde: { naam: 'K', iban: KLANT } }, {}, 'DECLARATIE_NIET_TOEGESTAAN'],
    ['declaratie to the klant under klant-declareert', { soort: 'declaratie', verplichtingId: 'v2', betaalroute: 'klant-declareert', begunstigde: { naam: 'K', iban: KLANT } }, {}, 'goedgekeurd'],
    ['declaratie to someone else', { soort: 'declaratie', verplichtingId: 'v2', betaalroute: 'klant-declareert' }, {}, 'DECLARATIE_NIET_AAN_KLANT'],
    ['declaratie without a known klant account', { soort: 'declaratie', verplichtingId: 'v2', betaalroute: 'klant-declareert', begunstigde: { naam: 'K', iban: KLANT } },
      { toekenning: { id: 't1', tenantId: 't', zaakId: 'z', bedragCents: 300_000, besluitRef: 'b', klantNaam: null, klantIban: null, createdAt: '' } }, 'GEEN_KLANTREKENING'],
    ['zero', { bedragCents: 0 }, {}, 'BEDRAG_ONGELDIG'],
    ['fraction of a cent', { bedragCents: 0.5 }, {}, 'BEDRAG_ONGELDIG'],
    ['bad IBAN', { begunstigde: { naam: 'X', iban: 'NL91ABNA0417164301' } }, {}, 'IBAN_ONGELDIG'],
    ['bad KvK', { begunstigde: { naam: 'X', iban: AANBIEDER, kvk: '123' } }, {}, 'KVK_ONGELDIG'],
    ['same invoice number again', { referentie: 'F-1' }, { betalingen: [paid(1_000, { referentie: 'F-1' })] }, 'DUBBELE_FACTUUR'],
  ] as const)('%s', (_name, v, s, expected) => {
    expect(code(v as Partial<BetaalVerzoek>, s as Partial<LedgerSnapshot>)).toBe(expected);
  });

  it('every refusal carries Dutch text addressing the user', () => {
    const r = beslisBetaling(verzoek({ bedragCents: 400_000 }), snapshot());
    expect(r).toMatchObject({ uitkomst: 'geweigerd', weigering: { code: 'BOVEN_BUDGET' } });
    if (r.uitkomst === 'geweigerd') expect(r.weigering.bericht).toMatch(/€ 4\.000,00 .* € 3\.000,00: er is nog € 3\.000,00 beschikbaar\. U kunt/);
  });
});

/** In-memory LedgerPort that keeps the contract: decide once per key, under a (trivial) lock. */
function memoryLedger(s: LedgerSnapshot): LedgerPort & { rows: Betaling[]; decides: number } {
  const rows: Betaling[] = [...s.betalingen];
  const hashes = new Map<string, string>();
  const port = {
    rows,
    decides: 0,
    async readZaak() {
      return { ...s, betalingen: rows };
    },
    async reserveerBetaling(args: Parameters<LedgerPort['reserveerBetaling']>[0]) {
      const existing = rows.find((r) => r.idempotencyKey === args.idempotencyKey);
      if (existing) {
        if (hashes.get(args.idempotencyKey) !== args.verzoekHash) throw new IdempotencyConflictError(args.idempotencyKey);
        return { betaling: existing, herhaald: true };
      }
      port.decides += 1;
      const n = args.decide({ ...s, betalingen: rows });
      const b: Betaling = { ...n, id: `b${rows.length}`, idempotencyKey: args.idempotencyKey, tenantId: args.tenantId, zaakId: args.zaakId,
        approvedAt: null, batchId: null, createdAt: '', updatedAt: '' };
      rows.push(b);
      hashes.set(args.idempotencyKey, args.verzoekHash);
      return { betaling: b, herhaald: false };
    },
  };
  return port;
}

describe('betaling job handler', () => {
  it('books through the port; the job key makes a retry return the first result', async () => {
    const ledger = memoryLedger(snapshot());
    const job = { ...verzoek({ bedragCents: 150_000 }), jobKey: 'job-1' };
    const first = await betaling(job, { ledger });
    expect(first).toMatchObject({ uitkomst: 'gereserveerd', status: 'voorgesteld', financieGoedkeuringNodig: true, herhaald: false });
    expect(await betaling(job, { ledger })).toEqual({ ...first, herhaald: true });
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.decides).toBe(1);
    await expect(betaling({ ...job, bedragCents: 150_001 }, { ledger })).rejects.toBeInstanceOf(IdempotencyConflictError);
  });

  it('malformed requests never reach the ledger', async () => {
    const ledger = memoryLedger(snapshot());
    const r = await betaling({ ...verzoek({ bedragCents: -1 }), jobKey: 'job-2' }, { ledger });
    expect(r).toMatchObject({ uitkomst: 'geweigerd', redenCode: 'BEDRAG_ONGELDIG', betalingId: null });
    expect(ledger.decides).toBe(0);
    await expect(betaling({ ...verzoek(), jobKey: '' }, { ledger })).rejects.toThrow(/jobKey/);
  });

  it('a refusal is stored under the key as afgewezen, with its reason', async () => {
    const ledger = memoryLedger(snapshot());
    const r = await betaling({ ...verzoek({ bedragCents: 999_999 }), jobKey: 'job-3' }, { ledger });
    expect(r).toMatchObject({ uitkomst: 'geweigerd', status: 'afgewezen', redenCode: 'BOVEN_BUDGET' });
    expect(ledger.rows[0]).toMatchObject({ status: 'afgewezen', redenCode: 'BOVEN_BUDGET' });
  });
});
