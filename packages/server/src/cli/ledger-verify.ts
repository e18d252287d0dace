/**
 * `npm run ledger:verify`: walk every clinic's controlled-substance ledger chain, re-add every container's
 * movements, and report the first broken link or any balance that differs from its movements.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first: it holds the lock).
 * Exit code 0 = every ledger intact, 1 = a ledger is broken, 2 = could not run.
 */
import { parseConfig } from '../config/config';
import { openDatabase } from '../db/open';
import { verifyAllLedgers } from '../modules/ledger/verify';

async function main(): Promise<number> {
  const parsed = parseConfig(process.env, process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`configuration problems:\n${parsed.problems.join('\n')}\n`);
    return 2;
  }
  const database = await openDatabase(parsed.config);
  try {
    const reports = await verifyAllLedgers(database.db);
    let broken = 0;
    for (const r of reports) {
      if (r.ok) {
        process.stdout.write(`ok      ledger ${r.clinicId}: ${r.entriesChecked} entries intact, ${r.containersChecked} container balances equal their movements\n`);
      } else {
        broken++;
        const what = r.firstBreak !== null ? `first break ${JSON.stringify(r.firstBreak)} after ${r.entriesChecked} good entries` : `balances differ from movements: ${JSON.stringify(r.balanceMismatches)}`;
        process.stdout.write(`BROKEN  ledger ${r.clinicId}: ${what}\n`);
      }
    }
    process.stdout.write(broken === 0 ? `All ${reports.length} controlled-substance ledgers intact.\n` : `${broken} of ${reports.length} controlled-substance ledgers broken.\n`);
    return broken === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`ledger:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
