import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../lib/canonical-json';
import { ChainVerifier, GENESIS_HASH, hashAuditEvent, type StoredAuditEvent } from './chain';

function chain(n: number): StoredAuditEvent[] {
  const out: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      chainId: 'c1', chainSeq: i, occurredAt: new Date(1_800_000_000_000 + i * 1000), clinicId: 'c1', actorUserId: 'u1', actorRole: 'nurse',
      action: 'auth.login', resourceType: null, resourceId: null, patientId: null, outcome: 'success', requestId: `r${i}`, ip: '10.0.0.1', userAgent: null, details: { n: i },
    };
    const hash = hashAuditEvent(content, prev);
    out.push({ ...content, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(events: StoredAuditEvent[], head?: { lastSeq: number; lastHash: string }) {
  const v = new ChainVerifier();
  for (const e of events) {
    if (v.feed(e) !== undefined) {
      break;
    }
  }
  return v.finish(head);
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const events = chain(20);
    expect(verify(events, { lastSeq: 20, lastHash: events[19]!.hash })).toBeUndefined();
  });

  it('detects any single-field edit anywhere in the chain', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom('action', 'ip', 'outcome', 'actorUserId', 'details'), (index, field) => {
      const events = chain(10);
      const victim = events[index]!;
      events[index] = { ...victim, [field]: field === 'details' ? { n: -1 } : 'tampered' };
      expect(verify(events)).toMatchObject({ kind: 'hash_mismatch', seq: index + 1 });
    }));
  });

  it('detects removal, reordering and truncation', () => {
    const events = chain(5);
    expect(verify([events[0]!, events[2]!, events[3]!])).toMatchObject({ kind: 'sequence_gap', expectedSeq: 2, foundSeq: 3 });
    expect(verify([events[1]!, events[0]!])).toMatchObject({ kind: 'sequence_gap' });
    expect(verify(events.slice(0, 4), { lastSeq: 5, lastHash: events[4]!.hash })).toMatchObject({ kind: 'head_mismatch', seq: 4 });
    const relinked = { ...events[1]!, prevHash: 'f'.repeat(64) };
    expect(verify([events[0]!, relinked])).toMatchObject({ kind: 'prev_hash_mismatch', seq: 2 });
  });

  it('canonical JSON does not depend on key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
    }));
  });
});
