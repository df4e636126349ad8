/**
 * Werkvoorraad: the caseworker's tasks (mine / my groups' / the team's), with
 * filters, server-side pagination sorted by due date, a deadline traffic light
 * and claim / unclaim. The first screen a caseworker loads: keep it light (no
 * form renderer here; the task screen is lazy).
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ApiError } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { Paginering } from '../components/Paginering.tsx';
import { Stoplicht } from '../components/Stoplicht.tsx';
import { takeFlash } from '../lib/flash.ts';
import { FASEN, korteDatum, isoDag, REGELING_KORT, REGELINGEN, faseNaam, taskLight } from '../lib/format.ts';
import { foutTekst, useLoad } from '../lib/use-load.ts';
import { regie, type Task, type TaskQuery, type TaskView } from '../regie-api.ts';
import { linkProps } from '../router.tsx';
import { WORK_QUEUE_HOMES } from '../homes.ts';
import type { RouteProps } from '../routes.tsx';

export const VIEWS: { view: TaskView; label: string; empty: string }[] = [
  { view: 'mine', label: 'Mijn taken', empty: 'U heeft geen taken opgepakt. Bij "Taken van mijn groep" ziet u taken die u kunt oppakken.' },
  { view: 'group', label: 'Taken van mijn groep', empty: 'Er liggen geen taken klaar om op te pakken.' },
  { view: 'all', label: 'Alle taken van het team', empty: 'Het team heeft geen open taken.' },
];

export interface Filters {
  view: TaskView;
  regeling: string;
  fase: string;
  overdue: boolean;
  binnenWeek: boolean;
  page: number;
}

const PAGE_SIZE = 25;

/** Filters ↔ URL query, so a reload or a link keeps the view. */
export function filtersFromSearch(search: string, standaard: TaskView = 'mine'): Filters {
  const q = new URLSearchParams(search);
  const view = q.get('weergave');
  return {
    view: view === 'mine' || view === 'group' || view === 'all' ? view : standaard,
    regeling: q.get('regeling') ?? '',
    fase: q.get('fase') ?? '',
    overdue: q.get('telaat') === '1',
    binnenWeek: q.get('binnen7dagen') === '1',
    page: Math.max(1, Number(q.get('pagina')) || 1),
  };
}

export function filtersToSearch(f: Filters, standaard: TaskView = 'mine'): string {
  const q = new URLSearchParams();
  if (f.view !== standaard) q.set('weergave', f.view);
  if (f.regeling) q.set('regeling', f.regeling);
  if (f.fase) q.set('fase', f.fase);
  if (f.overdue) q.set('telaat', '1');
  if (f.binnenWeek) q.set('binnen7dagen', '1');
  if (f.page > 1) q.set('pagina', String(f.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function toTaskQuery(f: Filters): TaskQuery {
  return {
    view: f.view,
    page: f.page,
    pageSize: PAGE_SIZE,
    ...(f.regeling ? { regeling: f.regeling } : {}),
    ...(f.fase ? { fase: f.fase } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.binnenWeek ? { dueWithinDays: 7 } : {}),
  };
}

/** The view a werkvoorraad opens on: a manager who takes no tasks starts with the whole team's. */
export function standaardWeergave(roles: readonly string[]): TaskView {
  return roles.includes('manager') && !roles.some((r) => (WORK_QUEUE_HOMES as readonly string[]).includes(r)) ? 'all' : 'mine';
}

export function WerkvoorraadPage({ session, title = 'Werkvoorraad' }: RouteProps & { title?: string }) {
  const standaard = standaardWeergave(session.roles);
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search, standaard));
  const [flash] = useState(() => takeFlash());
  const [melding, setMelding] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [bezig, setBezig] = useState<string | null>(null);
  const ids = useId();
  const flashRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const search = filtersToSearch(filters, standaard);
    if (search !== window.location.search) window.history.replaceState(null, '', window.location.pathname + search);
  }, [filters, standaard]);

  const load = useLoad((signal) => regie.tasks(toTaskQuery(filters), signal), [filters]);
  const data = load.data;

  const zet = (patch: Partial<Filters>) => {
    setMelding(null);
    setFilters((f) => ({ ...f, page: 1, ...patch }));
  };

  async function claim(task: Task, oppakken: boolean) {
    setBezig(task.key);
    setMelding(null);
    try {
      if (oppakken) await regie.claim(task.key);
      else await regie.unclaim(task.key);
      setMelding({
        type: 'ok',
        text: oppakken ? `U heeft de taak "${task.name ?? 'Taak'}" opgepakt.` : `U heeft de taak "${task.name ?? 'Taak'}" teruggegeven aan de groep.`,
      });
      load.reload();
    } catch (err) {
      setMelding({ type: 'error', text: err instanceof ApiError && err.status === 409 ? 'Een collega heeft deze taak net opgepakt, of hij is al afgerond.' : foutTekst(err) });
      load.reload();
    } finally {
      setBezig(null);
    }
  }

  const viewInfo = VIEWS.find((v) => v.view === filters.view)!;
  const me = session.user.username;

  return (
    <section className="regie-werkvoorraad">
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      {flash && (
        <Alert type="ok" className="regie-notice" ref={flashRef}>
          <Paragraph>{flash}</Paragraph>
        </Alert>
      )}

      <div role="group" aria-label="Welke taken" className="regie-tabs">
        {VIEWS.map((v) => (
          <Button
            key={v.view}
            appearance={filters.view === v.view ? 'primary-action-button' : 'secondary-action-button'}
            aria-pressed={filters.view === v.view}
            onClick={() => zet({ view: v.view })}
          >
            {v.label}
          </Button>
        ))}
      </div>

      <form className="regie-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-regeling`}>Regeling</FormLabel>
          <Select id={`${ids}-regeling`} value={filters.regeling} onChange={(e: ChangeEvent<HTMLSelectElement>) => zet({ regeling: e.target.value })}>
            <SelectOption value="">Alle regelingen</SelectOption>
            {Object.entries(REGELINGEN)
              .filter(([r]) => r !== 'bezwaar')
              .map(([r, naam]) => (
                <SelectOption key={r} value={r}>
                  {naam}
                </SelectOption>
              ))}
          </Select>
        </div>
        <div className="regie-filters__field">
          <FormLabel htmlFor={`${ids}-fase`}>Fase</FormLabel>
          <Select id={`${ids}-fase`} value={filters.fase} onChange={(e: ChangeEvent<HTMLSelectElement>) => zet({ fase: e.target.value })}>
            <SelectOption value="">Alle fasen</SelectOption>
            {Object.entries(FASEN).map(([f, naam]) => (
              <SelectOption key={f} value={f}>
                {naam}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className="regie-filters__check">
          <Checkbox id={`${ids}-telaat`} checked={filters.overdue} onChange={(e: ChangeEvent<HTMLInputElement>) => zet({ overdue: e.target.checked })} />
          <FormLabel htmlFor={`${ids}-telaat`} type="checkbox">
            Alleen te late taken
          </FormLabel>
        </div>
        <div className="regie-filters__check">
          <Checkbox id={`${ids}-week`} checked={filters.binnenWeek} onChange={(e: ChangeEvent<HTMLInputElement>) => zet({ binnenWeek: e.target.checked })} />
          <FormLabel htmlFor={`${ids}-week`} type="checkbox">
            Uiterste datum binnen 7 dagen
          </FormLabel>
        </div>
      </form>

      <div aria-live="polite" className="regie-status-line">
        {melding?.type === 'ok' && <Paragraph>{melding.text}</Paragraph>}
        {load.status === 'loading' && <Paragraph>Bezig met laden…</Paragraph>}
        {load.status === 'ok' && (
          <Paragraph>
            {data!.total === 1 ? '1 taak' : `${data!.total} taken`}, de vroegste uiterste datum eerst.
          </Paragraph>
        )}
      </div>
      {melding?.type === 'error' && (
        <Alert type="error" className="regie-notice">
          <Paragraph>{melding.text}</Paragraph>
        </Alert>
      )}
      {load.status === 'error' && <LoadError message={load.message} onRetry={load.reload} />}

      {data && data.items.length === 0 && load.status === 'ok' && (
        <div className="regie-empty">
          <Paragraph>{viewInfo.empty}</Paragraph>
        </div>
      )}

      {data && data.items.length > 0 && (
        <div className="regie-table-wrap">
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{viewInfo.label}, gesorteerd op uiterste datum</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Taak</TableHeaderCell>
                <TableHeaderCell scope="col">Klant en zaak</TableHeaderCell>
                <TableHeaderCell scope="col">Fase</TableHeaderCell>
                <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
                <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                <TableHeaderCell scope="col">Opgepakt door</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="regie-visually-hidden">Acties</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((t) => {
                const light = taskLight(t);
                const naam = t.name ?? 'Taak';
                return (
                  <TableRow key={t.key} data-task={t.key}>
                    <TableCell>
                      <Link {...linkProps(`/taken/${encodeURIComponent(t.key)}`)}>{naam}</Link>
                    </TableCell>
                    <TableCell>
                      {t.zaak ? (
                        <>
                          {t.zaak.klantNaam}
                          <br />
                          <span className="regie-muted">
                            {t.zaak.identificatie} · {REGELING_KORT[t.zaak.regeling] ?? t.zaak.regeling}
                          </span>
                        </>
                      ) : (
                        <span className="regie-muted">Geen zaak</span>
                      )}
                    </TableCell>
                    <TableCell>{t.phase ? faseNaam(t.phase) : '–'}</TableCell>
                    <TableCell>
                      {t.dueDate ? <time dateTime={isoDag(t.dueDate)}>{korteDatum(t.dueDate)}</time> : 'Geen'}
                      {t.overdue && <span className="regie-muted"> (te laat)</span>}
                    </TableCell>
                    <TableCell>
                      <Stoplicht tone={light.tone} label={light.label} />
                    </TableCell>
                    <TableCell>{t.assignee ? (t.assignee === me ? 'U' : (t.assigneeNaam ?? t.assignee)) : 'Niemand'}</TableCell>
                    <TableCell>
                      {!t.assignee && (
                        <Button
                          appearance="secondary-action-button"
                          busy={bezig === t.key}
                          disabled={bezig !== null}
                          aria-label={`${naam} oppakken${t.zaak ? ` (${t.zaak.klantNaam}, ${t.zaak.identificatie})` : ''}`}
                          onClick={() => void claim(t, true)}
                        >
                          Oppakken
                        </Button>
                      )}
                      {t.assignee === me && (
                        <Button
                          appearance="secondary-action-button"
                          busy={bezig === t.key}
                          disabled={bezig !== null}
                          aria-label={`${naam} teruggeven${t.zaak ? ` (${t.zaak.klantNaam}, ${t.zaak.identificatie})` : ''}`}
                          onClick={() => void claim(t, false)}
                        >
                          Teruggeven
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}

      {data && (
        <Paginering page={filters.page} pageSize={PAGE_SIZE} total={data.total} onPage={(page) => setFilters((f) => ({ ...f, page }))} label="Pagina's van de werkvoorraad" />
      )}
    </section>
  );
}

export default WerkvoorraadPage;
