import type { Logger } from 'pino';
import type { Services } from '../services.ts';

/** A task due within this window gets one reminder to whoever holds it. */
export const REMINDER_WINDOW_MS = 2 * 86_400_000;
const INTERVAL_MS = 15 * 60_000;

const datumTijd = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * Deadline berichten: a task due within two days reminds its assignee, or the
 * klant it is addressed to (e.g. "Aanvraag aanvullen" before the hersteltermijn
 * ends) — once per task, by idempotency key. Group tasks nobody holds show as
 * "due soon" in the werkvoorraad instead.
 */
export async function sendDeadlineReminders(services: Pick<Services, 'database' | 'engine' | 'berichten'>, now = new Date()): Promise<number> {
  const tenants = await services.database.db.selectFrom('tenants').select('id').execute();
  const until = new Date(now.getTime() + REMINDER_WINDOW_MS).toISOString();
  let sent = 0;
  for (const { id: tenantId } of tenants) {
    const tasks = await services.engine.queryUserTasks({ tenantId, state: 'created', dueBefore: until, limit: 10_000 });
    for (const t of tasks) {
      if (!t.dueDate) continue;
      const ontvanger = t.assignee ?? (t.candidateUsers.length === 1 ? t.candidateUsers[0]! : null);
      if (!ontvanger) continue;
      const zaak = await services.database.db.selectFrom('zaken').select(['id', 'identificatie']).where('process_instance_key', '=', t.processInstanceKey).executeTakeFirst();
      const verlopen = Date.parse(t.dueDate) < now.getTime();
      const nieuw = await services.berichten.plaats({
        tenantId,
        ontvanger,
        zaakId: zaak?.id ?? null,
        onderwerp: verlopen ? `Termijn verstreken: ${t.name ?? 'taak'}` : `Herinnering: ${t.name ?? 'taak'}`,
        tekst: verlopen
          ? `De uiterste datum van "${t.name ?? 'uw taak'}"${zaak ? ` (zaak ${zaak.identificatie})` : ''} was ${datumTijd(t.dueDate)}. Rond de taak zo snel mogelijk af.`
          : `Rond "${t.name ?? 'uw taak'}"${zaak ? ` (zaak ${zaak.identificatie})` : ''} uiterlijk ${datumTijd(t.dueDate)} af.`,
        idempotencyKey: `herinnering:${t.userTaskKey}`,
      });
      if (nieuw) sent++;
    }
  }
  return sent;
}

/** Runs the reminders now and every 15 minutes; returns a stop function. */
export function startDeadlineReminders(services: Pick<Services, 'database' | 'engine' | 'berichten'>, logger: Logger): () => void {
  const run = () =>
    sendDeadlineReminders(services).then(
      (n) => n && logger.info({ herinneringen: n }, 'herinneringen verstuurd'),
      (err) => logger.warn({ err }, 'herinneringen mislukt'),
    );
  void run();
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
