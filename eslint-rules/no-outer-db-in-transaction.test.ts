import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './no-outer-db-in-transaction.js';

RuleTester.describe = describe;
RuleTester.it = it;

new RuleTester().run('no-outer-db-in-transaction', rule, {
  valid: [
    'deps.db.transaction(async (tx) => { await tx.select(); });',
    'await deps.db.select(); deps.db.transaction(async (tx) => tx.insert());',
    'other.transaction(async (tx) => { deps.db.select(); });',
  ],
  invalid: [
    { code: 'deps.db.transaction(async (tx) => { await deps.db.select(); });', errors: [{ messageId: 'outer' }] },
    { code: 'this.db.transaction(async function (t) { return helper(this.db); });', errors: [{ messageId: 'outer' }] },
  ],
});
