import type { StaffRole } from '../policy/roles';

/** Who is making the request, resolved once from the session cookie. */
export interface Actor {
  readonly userId: string;
  readonly clinicId: string;
  readonly role: StaffRole;
  readonly sessionId: string;
  readonly name: string;
  readonly email: string;
}

/** Where the request came from: written into every audit event. */
export interface RequestMeta {
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string | null;
}

export type SessionStage = 'active' | 'mfa_pending' | 'mfa_enrolment';

export interface SessionInfo {
  readonly id: string;
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly userId: string;
  readonly clinicId: string;
  readonly role: StaffRole;
  readonly name: string;
  readonly email: string;
  readonly expiresAt: Date;
  readonly idleTimeoutSeconds: number;
  /** The patient this browser has been handed to (tablet mode), or null. */
  readonly tabletPatientId: string | null;
  /** This browser is a wall display of the monitoring board: only `display` routes answer it. */
  readonly display: boolean;
}

/** A registered clinic device (monitor or gateway) authenticated by its bearer token. */
export interface DeviceInfo {
  readonly deviceId: string;
  readonly clinicId: string;
  readonly name: string;
}

/**
 * A patient signed in to the portal. The patient id comes from the session, never from the request: a portal
 * route can only ever act on this one patient's record.
 */
export interface PatientActor {
  readonly accountId: string;
  readonly patientId: string;
  readonly clinicId: string;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly firstName: string;
  readonly email: string;
  readonly expiresAt: Date;
  readonly idleTimeoutSeconds: number;
}
