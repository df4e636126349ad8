/**
 * Task screen: the generated form (<RegieForm>) beside a dossier summary.
 * Submit → POST complete → back to the list with a success message; a 422
 * shows the server's field errors in the form. Lazy: the form renderer
 * (Formik, Yup, FEEL) stays out of the werkvoorraad bundle.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, ButtonGroup, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { loadFormSchema, type FieldError, type FormSchema } from '../../../forms/index.ts';
import { RegieForm } from '../../../forms/react/index.ts';
import { ApiError, uploadDocument } from '../api.ts';
import { Laden, LoadError } from '../components/LoadError.tsx';
import { ZaakFeiten } from '../components/Dossier.tsx';
import { AANMELDING_ROLLEN, AanmeldingGegevens } from '../components/AanmeldingGegevens.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { tenantLabel } from '../components/Layout.tsx';
import { setFlash } from '../lib/flash.ts';
import { datum, faseNaam, isoDag, taskLight } from '../lib/format.ts';
import { foutTekst, useLoad } from '../lib/use-load.ts';
import { isOnlyKlant } from '../lib/roles.ts';
import { regie, type Task, type TaskForm, type Zaak } from '../regie-api.ts';
import { linkProps, navigate } from '../router.tsx';
import { taakThuis } from '../homes.ts';
import type { RouteProps } from '../routes.tsx';

interface Loaded {
  task: Task;
  form: TaskForm;
  zaak: Zaak | null;
}

async function loadTask(key: string): Promise<Loaded> {
  const [task, form] = await Promise.all([regie.task(key), regie.taskForm(key)]);
  let zaak: Zaak | null = null;
  if (task.zaak) {
    try {
      zaak = await regie.zaak(task.zaak.id);
    } catch {
      zaak = null; // the summary falls back to the task's own zaak fields
    }
  }
  return { task, form, zaak };
}

export default function TaakPage({ session, params }: RouteProps) {
  const key = params.key!;
  const klant = isOnlyKlant(session.roles);
  // Back to where the task came from: a beslisser's Te beslissen, financieel's Betalingen, the werkvoorraad.
  const thuis = klant ? { path: '/mijn-traject', naam: 'Mijn traject' } : taakThuis(session.roles);
  const terug = thuis.path;
  const load = useLoad(() => loadTask(key), [key]);

  if (load.status === 'error' && !load.data) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Taak niet gevonden
        </Heading>
        <LoadError message={load.notFound ? 'Deze taak bestaat niet, is al afgerond of is niet voor u bestemd.' : load.message} />
        <Paragraph>
          <Link {...linkProps(terug)}>Terug naar {thuis.naam}</Link>
        </Paragraph>
      </>
    );
  }
  if (!load.data) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Taak
        </Heading>
        <Laden />
      </>
    );
  }
  return <TaakScherm key={load.data.task.key + String(load.data.task.assignee)} loaded={load.data} terug={terug} terugNaam={thuis.naam} klant={klant} session={session} onChanged={load.reload} />;
}

function TaakScherm({
  loaded,
  terug,
  terugNaam,
  klant,
  session,
  onChanged,
}: {
  loaded: Loaded;
  terug: string;
  /** "Mijn traject", "Te beslissen", "de werkvoorraad", … */
  terugNaam: string;
  klant: boolean;
  session: RouteProps['session'];
  onChanged: () => void;
}) {
  const { task, form, zaak } = loaded;
  const me = session.user.username;
  const [serverErrors, setServerErrors] = useState<FieldError[] | undefined>();
  const [fout, setFout] = useState<string | null>(null);
  /** Counts failed attempts: each one moves focus to the message above the form, also when the text is the same. */
  const [foutPoging, setFoutPoging] = useState(0);
  const foutRef = useRef<HTMLDivElement>(null);
  const [bezig, setBezig] = useState(false);
  const naam = task.name ?? 'Taak';

  useEffect(() => {
    if (foutPoging > 0) foutRef.current?.focus();
  }, [foutPoging]);
  const toonFout = (tekst: string) => {
    setFout(tekst);
    setFoutPoging((n) => n + 1);
  };

  const schema = useMemo<FormSchema | null | Error>(() => {
    if (!form.form) return null;
    try {
      return loadFormSchema(form.form.schema);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }, [form.form]);
  const variables = useMemo(() => ({ ...form.context, ...form.initialValues }), [form]);

  const mijn = task.assignee === me;
  const vanAnder = task.assignee !== null && !mijn;
  const moetOppakken = !klant && task.assignee === null;
  const kanAfronden = !vanAnder && !moetOppakken;

  async function afronden(value: Record<string, unknown>) {
    setFout(null);
    setServerErrors(undefined);
    try {
      await regie.complete(task.key, value);
      setFlash(klant ? `Dank u wel. "${naam}" is verstuurd.` : `De taak "${naam}" is afgerond.`);
      navigate(terug);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem.errors?.length) {
        setServerErrors(err.problem.errors);
      } else if (err instanceof ApiError && err.status === 409) {
        toonFout('Deze taak is niet meer open: hij is al afgerond of door een collega opgepakt.');
      } else {
        toonFout(foutTekst(err));
      }
    }
  }

  async function oppakken(ja: boolean) {
    setBezig(true);
    setFout(null);
    try {
      if (ja) await regie.claim(task.key);
      else await regie.unclaim(task.key);
      onChanged();
    } catch (err) {
      toonFout(err instanceof ApiError && err.status === 409 ? 'Een collega heeft deze taak net opgepakt, of hij is al afgerond.' : foutTekst(err));
    } finally {
      setBezig(false);
    }
  }

  const light = taskLight(task);

  return (
    <div className="regie-task">
      <Paragraph className="regie-back">
        <Link {...linkProps(terug)}>← Terug naar {terugNaam}</Link>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {naam}
      </Heading>
      {task.zaak && (
        <Paragraph appearance="lead">
          {task.zaak.klantNaam} · {task.zaak.identificatie}
        </Paragraph>
      )}
      {fout && (
        <Alert type="error" className="regie-notice" ref={foutRef} tabIndex={-1}>
          <Paragraph>{fout}</Paragraph>
        </Alert>
      )}

      <div className="regie-task__grid">
        <section className="regie-task__form" aria-labelledby="formulier-titel">
          <Heading level={2} id="formulier-titel">
            {klant ? 'Vul in en verstuur' : 'Formulier'}
          </Heading>
          {!klant && (
            <Paragraph>
              Uiterste datum:{' '}
              {task.dueDate ? <time dateTime={isoDag(task.dueDate)}>{datum(task.dueDate)}</time> : 'geen'} ·{' '}
              <Stoplicht tone={light.tone} label={light.label} />
            </Paragraph>
          )}
          {vanAnder && (
            <Alert type="info" className="regie-notice">
              <Paragraph>Deze taak is opgepakt door {task.assigneeNaam ?? task.assignee}. U kunt hem niet afronden.</Paragraph>
            </Alert>
          )}
          {moetOppakken && (
            <div className="regie-claim">
              <Paragraph>Pak deze taak eerst op. Dan weten uw collega's dat u ermee bezig bent.</Paragraph>
              <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={() => void oppakken(true)}>
                Taak oppakken
              </Button>
            </div>
          )}
          {kanAfronden && schema instanceof Error && (
            <LoadError message="Het formulier van deze taak kan niet worden getoond. Meld dit aan de beheerder." />
          )}
          {kanAfronden && schema === null && (
            <>
              <Paragraph>Bij deze taak hoort geen formulier. Rond de taak af als u klaar bent.</Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" onClick={() => void afronden({})}>
                  Taak afronden
                </Button>
              </ButtonGroup>
            </>
          )}
          {kanAfronden && schema && !(schema instanceof Error) && (
            <RegieForm
              form={schema}
              variables={variables}
              onSubmit={afronden}
              serverErrors={serverErrors}
              submitLabel={klant ? 'Versturen' : 'Taak afronden'}
              {...(task.zaak ? { onUpload: (file: File, onProgress: (f: number) => void) => uploadDocument(task.zaak!.id, file, 'offerte', onProgress) } : {})}
            />
          )}
          {mijn && !klant && (
            <ButtonGroup className="regie-task__secondary">
              <Button appearance="secondary-action-button" busy={bezig} disabled={bezig} onClick={() => void oppakken(false)}>
                Teruggeven aan de groep
              </Button>
            </ButtonGroup>
          )}
        </section>

        <aside className="regie-task__dossier" aria-labelledby="dossier-titel">
          <Heading level={2} id="dossier-titel">
            Dossier
          </Heading>
          {zaak ? (
            <>
              <ZaakFeiten zaak={zaak} gemeente={tenantLabel(session.tenant)} />
              {/* The intake and the toelating are judged on what the klant wrote in the aanmelding. */}
              {!klant && (task.phase === 'aanmelding' || task.phase === 'orientatie') && AANMELDING_ROLLEN.some((r) => session.roles.includes(r)) && (
                <AanmeldingGegevens zaakId={zaak.id} level={3} />
              )}
              {!klant && (
                <Paragraph>
                  <Link {...linkProps(`/zaken/${encodeURIComponent(zaak.id)}`)}>Volledig zaakdossier openen</Link>
                </Paragraph>
              )}
            </>
          ) : task.zaak ? (
            <Paragraph>
              {task.zaak.klantNaam}, zaak {task.zaak.identificatie}, fase {faseNaam(task.phase)}.
            </Paragraph>
          ) : (
            <Paragraph>Deze taak hoort niet bij een zaak.</Paragraph>
          )}
        </aside>
      </div>
    </div>
  );
}
