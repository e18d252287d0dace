/** The state of one signed consent (pure). */
export type ConsentStatus = 'awaiting_countersignature' | 'valid' | 'needs_reconsent' | 'withdrawn';

export interface ConsentState {
  readonly version: number;
  readonly countersignedAt: Date | null;
  readonly withdrawnAt: Date | null;
}

export function consentStatus(c: ConsentState, latestMaterialVersion: number): ConsentStatus {
  if (c.withdrawnAt !== null) {
    return 'withdrawn';
  }
  if (c.version < latestMaterialVersion) {
    return 'needs_reconsent';
  }
  return c.countersignedAt === null ? 'awaiting_countersignature' : 'valid';
}

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  awaiting_countersignature: 'Signed by patient; waiting for staff countersignature',
  valid: 'Valid',
  needs_reconsent: 'The form has changed: the patient must sign the new version',
  withdrawn: 'Withdrawn by the patient',
};
