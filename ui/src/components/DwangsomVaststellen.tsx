/**
 * The beslisser fixes the dwangsom owed (Awb 4:18) once it no longer accrues: after the besluit,
 * or at the maximum. The amount is the law's, computed by the server; this only asks to confirm.
 */
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { dagen, datum, euro } from '../lib/format.ts';
import { foutTekst } from '../lib/use-load.ts';
import { regie, type Dwangsom } from '../regie-api.ts';

export function DwangsomVaststellen({ zaakId, dwangsom, onDone }: { zaakId: string; dwangsom: Dwangsom; onDone: () => void }) {
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const [gelukt, setGelukt] = useState<string | null>(null);
  const open = dwangsom.vaststellenUiterlijk && !dwangsom.vastgesteld;
  if (!open && !gelukt) return null;
  async function stelVast() {
    setBezig(true);
    setFout(null);
    try {
      const zaak = await regie.stelDwangsomVast(zaakId);
      setGelukt(`De dwangsom is vastgesteld op ${euro(zaak.klok.dwangsom?.vastgesteld?.bedragCent ?? dwangsom.bedragCent)}. De klant heeft daarover een bericht gekregen; laat het bedrag uitbetalen via de financiële administratie.`);
      onDone();
    } catch (err) {
      setFout(foutTekst(err));
    } finally {
      setBezig(false);
    }
  }
  return (
    <section aria-labelledby="z-dwangsom">
      <Heading level={2} id="z-dwangsom">
        Dwangsom vaststellen
      </Heading>
      <div aria-live="polite">
        {gelukt && (
          <Alert type="ok">
            <Paragraph>{gelukt}</Paragraph>
          </Alert>
        )}
        {fout && (
          <Alert type="error">
            <Paragraph>{fout}</Paragraph>
          </Alert>
        )}
      </div>
      {open && (
        <>
          <Paragraph>
            De gemeente is de klant {euro(dwangsom.bedragCent)} dwangsom verschuldigd ({dagen(dwangsom.dagen)}). Stel dit bedrag
            uiterlijk {datum(dwangsom.vaststellenUiterlijk)} vast bij beschikking (art. 4:18 Awb).
          </Paragraph>
          <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={() => void stelVast()}>
            Dwangsom vaststellen op {euro(dwangsom.bedragCent)}
          </Button>
        </>
      )}
    </section>
  );
}
