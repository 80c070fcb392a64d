// npm run seed:synthetic -- --facts 1000000 [--database-url URL] [--seed N] [--reset]
// Loads clearly marked SYNTHETIC benchmark data into its own PostgreSQL database (created when
// missing). Refuses any database that holds real data. The URL comes from --database-url or
// SYNTHETIC_DATABASE_URL, never from DATABASE_URL, so the app's database cannot be hit by accident.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { seedReferenceData } from '@/lib/seed/reference';
import { checkSyntheticTarget, loadSynthetic, SyntheticRefusedError, SYNTHETIC_MARKER_TABLE } from '@/scripts/bench/synthetic';
import { refreshAggregates, setAggregateTrigger } from '@/lib/db/aggregates';
import { runMain } from './cli-support';

const USAGE = 'usage: npm run seed:synthetic -- --facts N --database-url postgresql://…/xt_synthetic [--seed N] [--reset]';

async function ensureDatabase(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new SyntheticRefusedError(`Database name "${name}" must be letters, digits and _ only`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const r = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (r.rowCount) return false;
    await c.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await c.end();
  }
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      facts: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '20261128' },
      reset: { type: 'boolean', default: false },
    },
  });
  const facts = Number(values.facts);
  const seed = Number(values.seed);
  const url = values['database-url'] ?? process.env.SYNTHETIC_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url) || !Number.isInteger(facts) || facts < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`${USAGE}\n(--database-url or SYNTHETIC_DATABASE_URL: a PostgreSQL database of its own)\n`);
    return 2;
  }
  const t0 = Date.now();
  const created = await ensureDatabase(url);
  console.log(`${created ? 'Created' : 'Using'} database ${new URL(url).pathname.slice(1)} for SYNTHETIC data`);

  // Check before migrating: an unknown database with real data must stay untouched.
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  try {
    let state;
    try {
      state = await checkSyntheticTarget(probe);
    } catch (e) {
      if (!(e instanceof SyntheticRefusedError)) throw e;
      process.stderr.write(`Refused: ${e.message}\n`);
      return 2;
    }
    if (state.marked && state.facts > 0) {
      if (!values.reset) {
        process.stderr.write(`It already holds ${state.facts} synthetic facts: pass --reset to reload.\n`);
        return 2;
      }
      await probe.query(`TRUNCATE fact, recognition, article, issue, ${SYNTHETIC_MARKER_TABLE} RESTART IDENTITY CASCADE`);
      console.log('Reset: removed the previous synthetic facts, issues and articles');
    }
  } finally {
    await probe.end();
  }

  const db = await openDatabase({ url, dataDir: '', poolMax: 2 });
  try {
    const m = await db.withSession((s) => migrate(s));
    await seedReferenceData(db.prisma);
    console.log(`Migrations: ${m.applied.length} applied; reference data loaded`);
  } finally {
    await db.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One rebuild of the aggregate cache after the load beats the trigger firing per COPY batch.
    // The same-event trigger (a lookup per approved report of an event metric) is off too: every
    // synthetic report is an event of its own, keyed in one statement after the load as the
    // trigger would key it ('a' || id).
    await setAggregateTrigger(client, false);
    await client.query('ALTER TABLE fact DISABLE TRIGGER fact_event_before_write');
    let r;
    try {
      r = await loadSynthetic(client, { facts, seed, log: (l) => console.log(l) });
      const tEv = Date.now();
      const ev = await client.query(
        `UPDATE fact f SET event_key = 'a' || f.id FROM metric m
          WHERE m.id = f.metric_id AND m.nature = 'event' AND f.status = 'approved' AND f.deleted_at IS NULL
            AND f.year IS NOT NULL AND f.event_key IS NULL`,
      );
      console.log(`events: ${ev.rowCount ?? 0} reports of event metrics keyed (${((Date.now() - tEv) / 1000).toFixed(1)} s)`);
    } finally {
      await client.query('ALTER TABLE fact ENABLE TRIGGER fact_event_before_write');
      await setAggregateTrigger(client, true);
    }
    const tAgg = Date.now();
    const agg = await refreshAggregates(client);
    // fact_figure too: refreshAggregates rebuilt it after loadSynthetic's VACUUM ANALYZE, and without
    // statistics (autovacuum may be off, or not there yet) every figure read is planned for 0 rows.
    await client.query('ANALYZE fact_aggregate, fact_figure');
    const aggSeconds = (Date.now() - tAgg) / 1000;
    console.log(`aggregates: ${agg.rows} rows (${aggSeconds.toFixed(1)} s)`);
    console.log(
      `Loaded ${r.facts.toLocaleString('en')} SYNTHETIC facts (${r.parks} parks, ${r.regions} cities and counties, ${r.metrics} metrics, ` +
        `${r.issues} issues, ${r.articles} articles): reference ${r.seconds.reference.toFixed(1)} s, facts (COPY) ${r.seconds.facts.toFixed(1)} s, ` +
        `analyze ${r.seconds.analyze.toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
});
