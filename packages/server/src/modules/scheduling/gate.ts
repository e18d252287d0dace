import { RULES } from '@ketapath/clinical';

export interface GateFacts {
  readonly route: string;
  /** Decision of the eligibility review in force for the route, if any. */
  readonly eligibility: 'approved' | 'approved_with_override' | 'declined' | null;
  /** Status of the newest consent covering the route. */
  readonly consent: 'valid' | 'awaiting_countersignature' | 'needs_reconsent' | 'withdrawn' | 'none';
  readonly planSigned: boolean;
  readonly remsEnrolled: boolean;
}

export interface GateItem {
  readonly code: string;
  readonly ok: boolean;
  readonly message: string;
  readonly source: string;
}

const CONSENT_TEXT: Record<GateFacts['consent'], string> = {
  valid: 'Consent signed and countersigned.',
  awaiting_countersignature: 'Consent signed by the patient but not yet countersigned by staff.',
  needs_reconsent: 'The consent form changed: the patient must sign the new version.',
  withdrawn: 'The patient withdrew consent.',
  none: 'No signed consent for this treatment.',
};

/**
 * What must be true before a treatment session can be checked in (pure). Codes are the clinical core's
 * rule codes, so the checklist and the pre-dose rules speak the same language.
 */
export function checkInGate(f: GateFacts): { ready: boolean; items: GateItem[] } {
  const src = (code: keyof typeof RULES): string => RULES[code].source.citation;
  const items: GateItem[] = [
    {
      code: 'ELIGIBILITY_NOT_APPROVED',
      ok: f.eligibility === 'approved' || f.eligibility === 'approved_with_override',
      message: f.eligibility === null ? 'Eligibility has not been reviewed by a prescriber.' : f.eligibility === 'declined' ? 'Eligibility was declined.' : 'Eligibility approved.',
      source: src('ELIGIBILITY_NOT_APPROVED'),
    },
    { code: 'CONSENT_NOT_VALID', ok: f.consent === 'valid', message: CONSENT_TEXT[f.consent], source: src('CONSENT_NOT_VALID') },
    { code: 'PLAN_NOT_SIGNED', ok: f.planSigned, message: f.planSigned ? 'Treatment plan signed.' : 'No signed treatment plan for this treatment.', source: 'Ketapath: treatment plan signed by a prescriber' },
  ];
  if (f.route === 'esketamine_nasal') {
    items.push({ code: 'REMS_PATIENT_NOT_ENROLLED', ok: f.remsEnrolled, message: f.remsEnrolled ? 'Enrolled in the SPRAVATO REMS.' : 'REMS enrolment is not recorded.', source: src('REMS_PATIENT_NOT_ENROLLED') });
  }
  return { ready: items.every((i) => i.ok), items };
}
