import type { ConsentOut } from './schemas';
import type { ConsentRow } from './repo';
import { consentStatus } from './status';

export function presentConsent(c: ConsentRow, latestMaterial: number, names: Map<string, string>): ConsentOut {
  return {
    id: c.id,
    patientId: c.patientId,
    kind: c.kind as ConsentOut['kind'],
    version: c.version,
    contentHash: c.contentHash,
    status: consentStatus(c, latestMaterial),
    signerName: c.signerName,
    signerRelationship: c.signerRelationship as ConsentOut['signerRelationship'],
    signedAt: c.signedAt.toISOString(),
    signedVia: c.signedVia,
    countersignedByName: c.countersignedBy === null ? null : (names.get(c.countersignedBy) ?? null),
    countersignedAt: c.countersignedAt?.toISOString() ?? null,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: c.withdrawnReason,
  };
}
