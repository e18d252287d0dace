/**
 * `npm run audit:verify`: walk every clinic's audit hash chain and report the first broken link.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first: it holds the lock).
 * Exit code 0 = every chain intact, 1 = a chain is broken, 2 = could not run.
 */
import { parseConfig } from '../config/config';
import { verifyAllChains } from '../audit/verify';
import { openDatabase } from '../db/open';

async function main(): Promise<number> {
  const parsed = parseConfig(process.env, process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`configuration problems:\n${parsed.problems.join('\n')}\n`);
    return 2;
  }
  const database = await openDatabase(parsed.config);
  try {
    const reports = await verifyAllChains(database.db);
    let broken = 0;
    for (const r of reports) {
      if (r.ok) {
        process.stdout.write(`ok      chain ${r.chainId}: ${r.eventsChecked} events intact\n`);
      } else {
        broken++;
        process.stdout.write(`BROKEN  chain ${r.chainId}: first break ${JSON.stringify(r.firstBreak)} after ${r.eventsChecked} good events\n`);
      }
    }
    process.stdout.write(broken === 0 ? `All ${reports.length} audit chains intact.\n` : `${broken} of ${reports.length} audit chains broken.\n`);
    return broken === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
