import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../audit/chain';
import { EVERY_FIELD_HASHED, hashLedgerEntry, LedgerVerifier, type LedgerEntryContent, type StoredLedgerEntry } from './chain';

function entry(i: number, deltaUg: number, balanceUg: number): LedgerEntryContent {
  return {
    id: `e${i}`, clinicId: 'c1', chainSeq: i, kind: i === 1 ? 'receipt' : 'administration', occurredAt: new Date(1_800_000_000_000 + i * 1000), recordedAt: new Date(1_800_000_000_000 + i * 1000),
    containerId: 'v1', productId: 'p1', deltaUg, deltaUl: null, deltaUnits: null, balanceUg, balanceUnits: null, fromLocationId: null, toLocationId: null,
    patientId: i === 1 ? null : 'pt1', sessionId: null, administrationId: null, route: i === 1 ? null : 'iv', refType: null, refId: null, performedBy: 'u1',
    performedByName: 'Nurse', signedWith: 'password', witness1Id: null, witness1Name: null, witness2Id: null, witness2Name: null, reason: null, details: { n: i }, flagged: false,
  };
}

function chain(n: number): StoredLedgerEntry[] {
  const out: StoredLedgerEntry[] = [];
  let prev = GENESIS_HASH;
  let balance = 0;
  for (let i = 1; i <= n; i++) {
    const delta = i === 1 ? 500_000 : -10_000;
    balance += delta;
    const c = entry(i, delta, balance);
    const hash = hashLedgerEntry(c, prev);
    out.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(entries: StoredLedgerEntry[], head?: { lastSeq: number; lastHash: string }) {
  const v = new LedgerVerifier();
  for (const e of entries) {
    if (v.feed(e) !== undefined) {
      break;
    }
  }
  return v.finish(head);
}

describe('ledger hash chain', () => {
  it('hashes every field', () => {
    expect(EVERY_FIELD_HASHED).toBe(true);
  });

  it('accepts an intact chain and checks cached balances', () => {
    const entries = chain(10);
    const v = new LedgerVerifier();
    entries.forEach((e) => v.feed(e));
    expect(v.finish({ lastSeq: 10, lastHash: entries[9]!.hash })).toBeUndefined();
    expect(v.cacheMismatches([{ id: 'v1', balanceUg: 410_000, balanceUnits: null }])).toEqual([]);
    expect(v.cacheMismatches([{ id: 'v1', balanceUg: 411_000, balanceUnits: null }])).toEqual([{ containerId: 'v1', ledgerUg: 410_000, cachedUg: 411_000, ledgerUnits: null, cachedUnits: null }]);
  });

  it('detects any single-field edit anywhere', () => {
    const fields = ['kind', 'deltaUg', 'balanceUg', 'patientId', 'performedByName', 'reason', 'details', 'flagged', 'occurredAt', 'witness1Name'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.constantFrom(...fields), (index, field) => {
        const entries = chain(8);
        const victim = entries[index]!;
        const value = field === 'details' ? { n: -1 } : field === 'flagged' ? true : field === 'occurredAt' ? new Date(0) : field === 'deltaUg' || field === 'balanceUg' ? 1 : 'tampered';
        entries[index] = { ...victim, [field]: value };
        expect(verify(entries)).toMatchObject({ kind: 'hash_mismatch', seq: index + 1 });
      }),
    );
  });

  it('detects removal, reordering, truncation and a doctored balance even when re-hashed', () => {
    const e = chain(5);
    expect(verify([e[0]!, e[2]!])).toMatchObject({ kind: 'sequence_gap', expectedSeq: 2, foundSeq: 3 });
    expect(verify(e.slice(0, 4), { lastSeq: 5, lastHash: e[4]!.hash })).toMatchObject({ kind: 'head_mismatch', seq: 4 });
    expect(verify([e[0]!, { ...e[1]!, prevHash: 'f'.repeat(64) }])).toMatchObject({ kind: 'prev_hash_mismatch', seq: 2 });
    const forged = entry(2, -10_000, 495_000);
    const forgedHash = hashLedgerEntry(forged, e[0]!.hash);
    expect(verify([e[0]!, { ...forged, prevHash: e[0]!.hash, hash: forgedHash }])).toMatchObject({ kind: 'balance_mismatch', seq: 2, containerId: 'v1' });
  });
});
