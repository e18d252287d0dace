#!/usr/bin/env node
/**
 * bench/outcomes: the clinic outcome dashboard on a synthetic network of 100,000 patients and 2 million
 * questionnaire results on PostgreSQL (all in one clinic: the worst case, since the dashboard reads one clinic).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:outcomes
 *
 * Creates a fresh database (dropped at the end), starts the real server on it (which applies the migrations),
 * fills it with INSERT … SELECT generate_series (patients, intakes, eligibility reviews, plans, appointments,
 * dosed sessions with doses, adverse events, blood-pressure alerts, 2,000,000 questionnaire responses), then
 * times GET /api/outcomes/dashboard (cold, then warm runs) and reads the server's resident memory.
 * Env: BENCH_PATIENTS (100000), BENCH_RESPONSES_PER_PATIENT (20), BENCH_SESSIONS_PER_PATIENT (8), BENCH_RUNS (5),
 * BENCH_QUERY (the dashboard's query string; default from=2024-01-01; `{prescriber}` stands for the prescriber's id).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const PER = Number(process.env.BENCH_RESPONSES_PER_PATIENT ?? 20);
const SESSIONS = Number(process.env.BENCH_SESSIONS_PER_PATIENT ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUERY = process.env.BENCH_QUERY ?? 'from=2024-01-01';
const PORT = Number(process.env.BENCH_PORT ?? 3190 + Math.floor(Math.random() * 100));
const reuse = process.env.BENCH_DB;
const dbName = reuse ?? `kp_bench_outcomes_${randomBytes(4).toString('hex')}`;
const withDb = (url, name) => { const u = new URL(url); u.pathname = `/${name}`; return u.toString(); };
const secs = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

async function waitHealthy(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) {return;}
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const get = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: get('VmRSS'), peakMb: get('VmHWM') };
}


async function generate(db) {
  const clinic = randomUUID();
  const presc = randomUUID();
  const nurse = randomUUID();
  let t0 = performance.now();
  await db.query(`INSERT INTO clinics (id, name, slug, time_zone, jurisdiction, mfa_required_roles, created_at) VALUES ($1, 'Bench clinic', 'bench', 'America/New_York', 'US', '{}', now())`, [clinic]);
  await db.query(`INSERT INTO users (id, clinic_id, email, name, role, status, password_hash, created_at) VALUES ($1, $3, 'p@bench.invalid', 'Bench prescriber', 'prescriber', 'active', 'x', now()), ($2, $3, 'n@bench.invalid', 'Bench nurse', 'nurse', 'active', 'x', now())`, [presc, nurse, clinic]);
  await db.query(`INSERT INTO appointment_types (id, clinic_id, code, name, route, duration_minutes, needs_chair, needs_nurse) VALUES (gen_random_uuid(), $1, 'iv_session', 'IV', 'iv', 120, true, true)`, [clinic]);
  const q = (sql) => db.query(sql, [clinic, presc, nurse, PATIENTS]);
  // Patients start over the 2 years before the last 170 days (so every score lies in the past); route alternates IV /
  // esketamine; a per-patient "kind" sets the trajectory.
  await q(`CREATE TEMP TABLE bp AS SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS intake, gen_random_uuid() AS review, gen_random_uuid() AS plan,
    CASE WHEN g % 2 = 0 THEN 'iv' ELSE 'esketamine_nasal' END AS route, now() - ((g % 700) + 170) * interval '1 day' AS t0, 12 + (g % 14) AS base, (g * 7919) % 100 AS kind
    FROM generate_series(1, $4::int) g WHERE $1::uuid IS NOT NULL AND $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL`);
  await q(`INSERT INTO patients (id, clinic_id, mrn, legal_first_name, legal_last_name, date_of_birth, sex_at_birth, created_at, updated_at) SELECT id, $1, n, 'Bench', 'Patient ' || n, '1980-01-01', 'female', t0, t0 FROM bp WHERE $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO intakes (id, clinic_id, patient_id, status, planned_route, data, created_at, updated_at) SELECT intake, $1, id, 'submitted', route, '{}', t0, t0 FROM bp WHERE $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO eligibility_reviews (id, clinic_id, patient_id, intake_id, route, jurisdiction, intake_snapshot, protocol_snapshot, screening, decision, overrides, decided_by, decided_at, signature_method) SELECT review, $1, id, intake, route, 'US', '{}', '{}', '{}', 'approved', '[]', $2, t0, 'password' FROM bp WHERE $3::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO treatment_plans (id, clinic_id, patient_id, version, route, drug, indication, eligibility_review_id, protocol_snapshot, dose_plan, schedule, measurement_plan, follow_up_plan, overrides, signed_by, signed_at, signature_method) SELECT plan, $1, id, 1, route, 'ketamine', 'trd', review, '{}', '{}', '{}', '[]', '[]', '[]', $2, t0, 'password' FROM bp WHERE $3::uuid IS NOT NULL AND $4::int > 0`);
  console.log(`patients, intakes, reviews, plans: ${PATIENTS.toLocaleString()} each (${secs(t0)} s)`);
  t0 = performance.now();
  await db.query(`CREATE TEMP TABLE bs AS SELECT gen_random_uuid() AS id, gen_random_uuid() AS appt, bp.id AS patient, bp.plan, bp.route, bp.t0 + (k * 3.5) * interval '1 day' AS at, k FROM bp, generate_series(0, $1::int - 1) k`, [SESSIONS]);
  await q(`INSERT INTO appointments (id, clinic_id, patient_id, type_id, route, starts_at, ends_at, status, created_at, updated_at) SELECT appt, $1, patient, (SELECT id FROM appointment_types WHERE clinic_id = $1 LIMIT 1), route, at, at + interval '2 hours', 'completed', at, at FROM bs WHERE $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO treatment_sessions (id, clinic_id, patient_id, appointment_id, plan_id, route, drug, state, state_changed_at, checked_in_at, dose_started_at, created_at, updated_at) SELECT id, $1, patient, appt, plan, route, 'ketamine', 'discharged', at, at, at, at, at FROM bs WHERE $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO session_administrations (id, clinic_id, session_id, drug, route, dose_mg, started_at, given_by, recorded_at) SELECT gen_random_uuid(), $1, id, 'ketamine', route, 40, at, $3, at FROM bs WHERE $2::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO adverse_events (id, clinic_id, session_id, patient_id, term, emergency, severity, onset_at, outcome, recorded_by, recorded_at) SELECT gen_random_uuid(), $1, id, patient, (ARRAY['nausea','dissociation','headache','dizziness'])[1 + (hashtext(id::text) & 3)], false, 'mild', at, 'resolved', $3, at FROM bs WHERE hashtext(id::text) % 20 = 0 AND $2::uuid IS NOT NULL AND $4::int > 0`);
  await q(`INSERT INTO session_alerts (id, clinic_id, session_id, code, severity, message, source, raised_at) SELECT gen_random_uuid(), $1, id, 'VITALS_BP_RISE_FROM_BASELINE', 'warn', 'bench', '{}', at FROM bs WHERE hashtext(id::text) % 17 = 0 AND $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  console.log(`sessions, appointments, doses: ${(PATIENTS * SESSIONS).toLocaleString()} each, plus adverse events and BP alerts (${secs(t0)} s)`);
  t0 = performance.now();
  // Responses: 60 % PHQ-9, 20 % MADRS, 20 % GAD-7, every 9 days from a week before the first dose; scores fall towards a per-patient floor.
  await q(`INSERT INTO questionnaire_responses (id, clinic_id, patient_id, instrument, instrument_version, answers, result, total, completed_at, source, created_at)
    SELECT gen_random_uuid(), $1, bp.id, ins, 'bench', '{}', '{}',
      CASE ins WHEN 'madrs' THEN least(60, greatest(0, round((bp.base * 1.6) * (f + (1 - f) * exp(-k / 3.0)))))::int
               ELSE least(CASE ins WHEN 'gad7' THEN 21 ELSE 27 END, greatest(0, round(bp.base * (f + (1 - f) * exp(-k / 3.0)) + ((k * 13 + bp.n) % 5) - 2)))::int END,
      at, 'portal', at
    FROM (SELECT bp.*, CASE WHEN kind < 55 THEN 0.3 WHEN kind < 75 THEN 0.6 ELSE 0.9 END AS f FROM bp) bp,
      LATERAL (SELECT k, CASE WHEN k % 5 IN (1, 3, 4) THEN 'phq9' WHEN k % 5 = 2 THEN 'madrs' ELSE CASE WHEN k = 0 THEN 'phq9' ELSE 'gad7' END END AS ins,
        bp.t0 - interval '7 days' + k * interval '9 days' AS at FROM generate_series(0, ${PER} - 1) k) s
    WHERE $2::uuid IS NOT NULL AND $3::uuid IS NOT NULL AND $4::int > 0`);
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM questionnaire_responses')).rows;
  console.log(`questionnaire responses: ${n.toLocaleString()} (${secs(t0)} s)`);
  t0 = performance.now();
  await db.query('VACUUM ANALYZE');
  console.log(`vacuum analyze (${secs(t0)} s)`);
  return { clinic, presc };
}

const admin = new pg.Client({ connectionString: base });
await admin.connect();
if (reuse === undefined) {
  await admin.query(`CREATE DATABASE ${dbName}`);
}
let server;
try {
  const url = withDb(base, dbName);
  server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(`http://127.0.0.1:${PORT}/health/ready`, 120_000);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let clinic;
  let presc;
  if (reuse === undefined) {
    ({ clinic, presc } = await generate(db));
  } else {
    ({ clinic_id: clinic, id: presc } = (await db.query("SELECT id, clinic_id FROM users WHERE role = 'prescriber' LIMIT 1")).rows[0]);
  }
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO sessions (id, token_hash, csrf_token, user_id, clinic_id, kind, stage, idle_timeout_seconds, created_at, last_seen_at, expires_at) VALUES ($1, $2, 'x', $3, $4, 'staff', 'active', 3600, now(), now(), now() + interval '1 day')`, [randomUUID(), createHash('sha256').update(token).digest('hex'), presc, clinic]);
  await db.end();
  const headers = { cookie: `kp_session=${token}` };
  const before = rssOf(server.pid);
  const times = [];
  let body;
  for (let i = 0; i <= RUNS; i++) {
    const s = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}/api/outcomes/dashboard?${QUERY.replace('{prescriber}', presc)}`, { headers });
    body = await res.json();
    if (!res.ok) {throw new Error(`dashboard answered ${res.status}: ${JSON.stringify(body)}`);}
    times.push(performance.now() - s);
  }
  const after = rssOf(server.pid);
  const warm = times.slice(1).sort((a, b) => a - b);
  console.log(`\ncohort: ${body.patients.inCohort.toLocaleString()} patients, ${body.patients.withFollowUp.toLocaleString()} with follow-up; response ${(body.rates.overall.response.proportion * 100).toFixed(1)} %, remission ${(body.rates.overall.remission.proportion * 100).toFixed(1)} %; ${body.safety.sessions.toLocaleString()} sessions`);
  console.log(`dashboard (${QUERY}) response time: first ${times[0].toFixed(0)} ms (builds the per-patient outcome summaries when they are new); warm median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms, max ${warm.at(-1).toFixed(0)} ms (${RUNS} runs; target < 1000 ms)`);
  console.log(`server memory: RSS ${before.rssMb.toFixed(0)} MB before, ${after.rssMb.toFixed(0)} MB after, peak ${after.peakMb.toFixed(0)} MB`);
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  if (process.env.BENCH_KEEP === undefined && reuse === undefined) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  } else {
    console.log(`kept database ${dbName}`);
  }
  await admin.end();
}
