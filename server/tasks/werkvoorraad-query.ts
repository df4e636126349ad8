import { sql, type Expression, type SqlBool } from 'kysely';
import type { UserTask } from '../../engine/port.ts';
import { toUserTask } from '../../engine/embedded/embedded-engine.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { Regeling } from '../zaken/tables.ts';

/**
 * The werkvoorraad as one SQL query over the embedded engine's task table
 * (`engine_user_tasks`, read only): visibility, view, filters, sort by due date
 * and paging all happen in the database, so a tenant with 1,000 open tasks
 * sends 25 rows over the wire, not 1,000. The rules are those of
 * `eligibility.ts` (maySee / mayWorkOn) written as SQL; a Zeebe adapter would
 * need its own task projection for this read.
 */
export interface WerkvoorraadFilter {
  view: 'mine' | 'group' | 'all';
  state: 'created' | 'completed';
  /** Compared with `now`: due date passed (true) or not / none (false). */
  overdue?: boolean | undefined;
  /** ISO instant: due before this moment. */
  dueBefore?: string | undefined;
  regeling?: Regeling | undefined;
  fase?: string | undefined;
  processInstanceKey?: string | undefined;
  page: number;
  pageSize: number;
}

export async function queryWerkvoorraad(
  database: Database,
  p: Principal,
  f: WerkvoorraadFilter,
  now: Date,
): Promise<{ items: UserTask[]; total: number }> {
  const { db, dialect } = database;
  // JSON arrays of names stored as text: a case-sensitive search for the quoted name
  // (LIKE would be case-insensitive in SQLite and treat "_" as a wildcard).
  const contains = (column: 'candidate_groups' | 'candidate_users', name: string): Expression<SqlBool> =>
    dialect === 'postgres'
      ? sql<SqlBool>`strpos(${sql.ref(column)}, ${JSON.stringify(name)}) > 0`
      : sql<SqlBool>`instr(${sql.ref(column)}, ${JSON.stringify(name)}) > 0`;
  const roles = p.roles as string[];
  const nowIso = now.toISOString();

  let q = db
    .selectFrom('engine_user_tasks as t')
    .where('t.tenant_id', '=', p.tenantId ?? '')
    .where('t.state', '=', f.state)
    .where((eb) => {
      const mine = eb('t.assignee', '=', p.username);
      const inMyGroups = eb.or([contains('candidate_users', p.username), ...roles.map((r) => contains('candidate_groups', r))]);
      if (f.view === 'mine') return eb.or([mine, eb.and([eb('t.assignee', 'is', null), contains('candidate_users', p.username)])]);
      if (f.view === 'group') return eb.and([eb('t.assignee', 'is', null), inMyGroups]);
      // Team: everything I may see; a manager sees the whole tenant.
      return roles.includes('manager') ? eb.lit(true) : eb.or([mine, inMyGroups]);
    });
  if (f.processInstanceKey) q = q.where('t.instance_key', '=', f.processInstanceKey);
  if (f.fase) q = q.where('t.phase', '=', f.fase);
  if (f.dueBefore) q = q.where('t.due_date', '<', f.dueBefore);
  if (f.overdue === true) q = q.where('t.due_date', '<', nowIso);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('t.due_date', 'is', null), eb('t.due_date', '>=', nowIso)]));
  if (f.regeling) {
    const regeling = f.regeling;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('zaken as z')
          .select(sql.lit(1).as('one'))
          .whereRef('z.process_instance_key', '=', 't.instance_key')
          .where('z.tenant_id', '=', p.tenantId ?? '')
          .where('z.regeling', '=', regeling),
      ),
    );
  }

  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('t')
      // Earliest due date first, tasks without one last, then oldest first; key keeps pages stable.
      // PostgreSQL sorts NULL last in ascending order by itself (and can walk the index); SQLite needs telling.
      .$if(dialect === 'sqlite', (qb) => qb.orderBy(sql`t.due_date is null`))
      .orderBy('t.due_date')
      .orderBy('t.created_at')
      .orderBy('t.key')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { items: rows.map(toUserTask), total: Number(count.n) };
}

