/**
 * Financieel's last step: the approved payments that are in no betaalbestand yet, and one button
 * that bundles them into a SEPA pain.001 file for the bank (POST /api/betalingen/batches). Before
 * this the README's step existed only as an API call.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { datum, euro, vandaag } from '../lib/format.ts';
import { useFormulier } from '../lib/use-formulier.ts';
import { useLoad } from '../lib/use-load.ts';
import { regie, type Betaalbestand as Bestand } from '../regie-api.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { LoadError, Laden } from './LoadError.tsx';

export function validateUitvoeringsdatum(value: string, today: string): Partial<Record<'uitvoeringsdatum', string>> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { uitvoeringsdatum: 'Vul de datum in waarop de bank moet betalen.' };
  if (value < today) return { uitvoeringsdatum: 'De uitvoeringsdatum kan niet in het verleden liggen.' };
  return {};
}

export function Betaalbestand() {
  const today = vandaag();
  const load = useLoad(() => regie.teBetalen(), []);
  const [uitvoeringsdatum, setUitvoeringsdatum] = useState(today);
  const [gemaakt, setGemaakt] = useState<Bestand | null>(null);
  const f = useFormulier<'uitvoeringsdatum'>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void f.verstuur(
      validateUitvoeringsdatum(uitvoeringsdatum, today),
      async () => {
        setGemaakt(null);
        const batch = await regie.maakBetaalbestand(uitvoeringsdatum);
        setGemaakt(batch);
        load.reload();
      },
      (pad) => (pad === 'uitvoeringsdatum' ? pad : undefined),
    );
  };

  const betalingen = load.data ?? [];
  const totaal = betalingen.reduce((s, b) => s + b.bedragCents, 0);
  const fields = f.errors.uitvoeringsdatum ? [{ id: 'bb-uitvoeringsdatum', message: f.errors.uitvoeringsdatum }] : [];
  return (
    <section aria-labelledby="bb-kop" className="regie-betaalbestand">
      <Heading level={2} id="bb-kop">
        Betaalbestand voor de bank
      </Heading>
      {gemaakt && (
        <Alert type="ok" className="regie-notice">
          <Paragraph>
            Het betaalbestand is gemaakt: {gemaakt.aantal} {gemaakt.aantal === 1 ? 'betaling' : 'betalingen'}, samen {euro(gemaakt.totaalCents)}, uit te
            voeren op {datum(gemaakt.uitvoeringsdatum)}.{' '}
            <Link href={regie.betaalbestandUrl(gemaakt.id)} download>
              Betaalbestand downloaden (SEPA pain.001)
            </Link>
          </Paragraph>
        </Alert>
      )}
      {load.status === 'error' ? (
        <LoadError message={load.message} onRetry={load.reload} />
      ) : !load.data ? (
        <Laden />
      ) : betalingen.length === 0 ? (
        <Paragraph>Er zijn geen goedgekeurde betalingen die nog in een betaalbestand moeten.</Paragraph>
      ) : (
        <>
          <div className="regie-table-wrap">
            <Table className="regie-table">
              <TableCaption>Goedgekeurd, nog niet in een betaalbestand</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Aan</TableHeaderCell>
                  <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
                  <TableHeaderCell scope="col">Bedrag</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {betalingen.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell>{b.payeeNaam ?? 'de klant'}</TableCell>
                    <TableCell>{b.omschrijving ?? ''}</TableCell>
                    <TableCell>{euro(b.bedragCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={2}>
                    Totaal
                  </TableHeaderCell>
                  <TableCell>{euro(totaal)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="bb-kop">
            {(fields.length > 0 || f.fout) && (
              <ErrorSummary key={f.attempt} ref={f.summary} title="Het betaalbestand is niet gemaakt" message={f.fout ?? 'Verbeter het volgende:'} fields={fields} />
            )}
            <div className="regie-field">
              <FormLabel htmlFor="bb-uitvoeringsdatum">Uitvoeringsdatum</FormLabel>
              {f.errors.uitvoeringsdatum && (
                <p id="bb-uitvoeringsdatum-fout" className="utrecht-form-field-error-message">
                  {f.errors.uitvoeringsdatum}
                </p>
              )}
              <Textbox
                id="bb-uitvoeringsdatum"
                type="date"
                min={today}
                value={uitvoeringsdatum}
                invalid={Boolean(f.errors.uitvoeringsdatum)}
                aria-describedby={f.errors.uitvoeringsdatum ? 'bb-uitvoeringsdatum-fout' : undefined}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setUitvoeringsdatum(e.target.value)}
              />
            </div>
            <Button appearance="primary-action-button" type="submit" busy={f.bezig} disabled={f.bezig}>
              Betaalbestand maken
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
