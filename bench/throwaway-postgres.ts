import pg from 'pg';

/** A PostgreSQL database of its own for one bench run, created next to the given one and dropped after. */
export async function throwawayPostgres(url: string, bench: string) {
  const name = `regie_bench_${bench}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
