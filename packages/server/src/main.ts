import { buildApp } from './app';
import { parseConfig, type Config } from './config/config';
import { DataDirLockedError } from './db/data-dir-lock';
import { openDatabase } from './db/open';
import type { Database } from './db/types';
import { systemClock, type Deps } from './http/deps';
import { fileOffsetClock } from './http/test-clock';
import { createLogger } from './http/logger';
import { seedDemoJourney } from './modules/demo/journey-seed';
import { seedDemo } from './modules/demo/seed';
import { seedDemoOutcomeHistory } from './modules/demo/outcomes-history';
import { DemoDriver } from './modules/demo/demo-driver';
import { seedDemoPortal } from './modules/demo/portal-demo';
import { startDemoMonitors } from './modules/demo/monitor-sim';
import { demoContext, seedDemoTreatment } from './modules/demo/treatment-seed';
import { startEscalationWorker } from './modules/treatment';
import { startOutboxWorker } from './modules/messages/deliver';
import { startReminderWorker } from './modules/messages/reminders';
import { startRiskEscalationWorker } from './modules/risk/escalation';

function fail(message: string, code: number): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(code);
}

function loadConfig(): Config {
  const args = process.argv.slice(2);
  const env = { ...process.env };
  if (args.includes('--demo')) {
    env.KETAPATH_DEMO = 'true';
  }
  const result = parseConfig(env, process.cwd());
  if (!result.ok) {
    fail(`Ketapath cannot start: the configuration has problems:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`, 1);
  }
  return result.config;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dbConfig = config.demo && config.databaseUrl === undefined ? { ...config, dataDir: `${config.dataDir}/demo` } : config;
  let database: Database;
  try {
    database = await openDatabase(dbConfig, (err) => { logger.error({ errType: err.name }, 'database connection error'); });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      fail(err.message, 2);
    }
    throw err;
  }
  const clock = config.testClockFile === undefined ? systemClock : fileOffsetClock(config.testClockFile);
  if (config.testClockFile !== undefined) {
    logger.warn('KP_TEST_CLOCK_FILE is set: this server runs on a test clock and must not hold real patient data');
  }
  const deps: Deps = { config, database, db: database.db, clock, log: logger };
  const app = await buildApp(deps, logger);
  let stopDemo = (): void => undefined;
  if (config.demo) {
    const { clinicId, created } = await seedDemo(deps);
    await seedDemoJourney(app, deps, clinicId);
    const driver = new DemoDriver(app);
    const base = await demoContext(driver, deps, clinicId);
    const patients = await seedDemoTreatment(deps, base);
    await seedDemoPortal(deps, clinicId);
    const historyStarted = Date.now();
    await seedDemoOutcomeHistory(deps, clinicId);
    logger.info({ ms: Date.now() - historyStarted }, 'demo outcome history ready');
    stopDemo = startDemoMonitors(app, deps, driver, { ...base, patients });
    logger.info({ created }, 'demo clinic ready (synthetic data; chair monitors simulated)');
  }
  const stopEscalation = startEscalationWorker(deps);
  const stopRiskEscalation = startRiskEscalationWorker(deps);
  const stopOutbox = startOutboxWorker(deps);
  const stopReminders = startReminderWorker(deps);
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) {
      return;
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    stopEscalation();
    stopRiskEscalation();
    stopOutbox();
    stopReminders();
    stopDemo();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded database in ${dbConfig.dataDir} (single machine, trials only: use PostgreSQL for patient data)` : 'PostgreSQL';
  process.stdout.write(`\nKetapath${config.demo ? ' DEMO' : ''} is running at ${config.publicUrl}\n  ${where}\n\n`);
}

main().catch((err: unknown) => {
  const e = err as Error;
  process.stderr.write(`Ketapath failed to start: ${e.name}: ${e.message}\n${e.stack ?? ''}\n`);
  process.exit(1);
});
