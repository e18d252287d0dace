import { sql } from 'drizzle-orm';
import { rawRows } from '../src/db/raw';
import type { Db } from '../src/db/types';

/**
 * Tables whose rows change as a side effect of any request (audit, throttling, session activity) or hold only
 * data derived from other tables (the outcome summaries, built when a dashboard is first read).
 */
const VOLATILE = new Set(['audit_events', 'audit_chain_heads', 'login_attempts', 'outcome_summary_state', 'patient_outcome_summaries', 'patient_dose_spans']);
const VOLATILE_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'] };

/** A fingerprint of every domain table: equal fingerprints mean no domain row was added, changed or removed. */
export async function snapshotDomain(db: Db): Promise<Record<string, string>> {
  const tables = await rawRows<{ table_name: string }>(
    db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (VOLATILE.has(table)) {
      continue;
    }
    const cols = await rawRows<{ column_name: string }>(
      db,
      sql`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`,
    );
    const keep = cols.map((c) => c.column_name).filter((c) => !(VOLATILE_COLUMNS[table] ?? []).includes(c));
    const list = keep.map((c) => `"${c}"`).join(', ');
    const [row] = await rawRows<{ fp: string | null; n: number }>(
      db,
      sql.raw(`SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS fp, count(*)::int AS n FROM (SELECT ${list} FROM "${table}") r`),
    );
    out[table] = `${row?.n ?? 0}:${row?.fp ?? ''}`;
  }
  return out;
}
