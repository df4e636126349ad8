/**
 * Incidents (beheerder, procesontwerper): steps that got stuck, with the error
 * and the element; retry after correcting variables (a JSON object).
 */
import { useId, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { TextareaVeld } from '../components/TextareaVeld.tsx';
import { datumTijd } from '../lib/format.ts';
import { foutTekst, useLoad } from '../lib/use-load.ts';
import { regie, type Incident } from '../regie-api.ts';
import type { RouteProps } from '../routes.tsx';

/** Parses the optional variables field: empty → undefined; otherwise a JSON object or a Dutch error. */
export function parseVariables(text: string): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, message: 'Vul een JSON-object in, bijvoorbeeld {"iban": "NL91ABNA0417164300"}.' };
    return { ok: true, value: v as Record<string, unknown> };
  } catch {
    return { ok: false, message: 'Dit is geen geldige JSON. Controleer aanhalingstekens en accolades.' };
  }
}

export default function IncidentenPage({ session }: RouteProps) {
  const load = useLoad(() => regie.incidents(), []);
  const [melding, setMelding] = useState<string | null>(null);
  const mayRetry = session.roles.includes('beheerder') || session.roles.includes('procesontwerper');
  return (
    <section>
      <Heading level={1} tabIndex={-1}>
        Incidenten
      </Heading>
      <Paragraph>Stappen in een proces die zijn vastgelopen. Los de oorzaak op en probeer de stap opnieuw.</Paragraph>
      <div aria-live="polite">{melding && <Paragraph>{melding}</Paragraph>}</div>
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}
      {!load.data && load.status === 'loading' && <Laden />}
      {load.data && load.data.length === 0 && (
        <div className="regie-empty">
          <Paragraph>Er zijn geen open incidenten.</Paragraph>
        </div>
      )}
      {load.data?.map((i) => (
        <IncidentKaart
          key={i.incidentKey}
          incident={i}
          mayRetry={mayRetry}
          onRetried={() => {
            setMelding(`Het incident bij stap ${i.elementId} is opnieuw gestart.`);
            load.reload();
          }}
        />
      ))}
    </section>
  );
}

function IncidentKaart({ incident: i, mayRetry, onRetried }: { incident: Incident; mayRetry: boolean; onRetried: () => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [veldFout, setVeldFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function retry() {
    setFout(null);
    const parsed = parseVariables(text);
    if (!parsed.ok) {
      setVeldFout(parsed.message);
      document.getElementById(`${id}-vars`)?.focus();
      return;
    }
    setVeldFout(null);
    setBezig(true);
    try {
      await regie.retryIncident(i.incidentKey, parsed.value);
      onRetried();
    } catch (err) {
      setFout(foutTekst(err));
    } finally {
      setBezig(false);
    }
  }

  return (
    <article className="regie-card" aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {i.bpmnProcessId}: stap {i.elementId}
      </Heading>
      <dl className="regie-kv">
        <dt>Fout</dt>
        <dd>
          {i.errorType}: {i.errorMessage}
        </dd>
        <dt>Sinds</dt>
        <dd>
          <time dateTime={i.createdAt}>{datumTijd(i.createdAt)}</time>
        </dd>
        <dt>Procesinstantie</dt>
        <dd>{i.processInstanceKey}</dd>
      </dl>
      {fout && (
        <Alert type="error" className="regie-notice">
          <Paragraph>{fout}</Paragraph>
        </Alert>
      )}
      {mayRetry && (
        <form
          className="regie-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void retry();
          }}
        >
          <TextareaVeld
            id={`${id}-vars`}
            label="Variabelen aanpassen (niet verplicht)"
            uitleg="Een JSON-object met de waarden die de stap nodig heeft. Laat leeg om het alleen opnieuw te proberen."
            fout={veldFout}
            rows={3}
            spellCheck={false}
            value={text}
            onChange={setText}
          />
          <div className="regie-form__actions">
            <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
              Opnieuw proberen
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
