import type { StaffRole } from './roles';

const ALL: readonly StaffRole[] = ['admin', 'prescriber', 'nurse', 'front_desk'];
const ADMIN: readonly StaffRole[] = ['admin'];
const CLINICAL: readonly StaffRole[] = ['admin', 'prescriber', 'nurse'];
const ADMIN_OR_PRESCRIBER: readonly StaffRole[] = ['admin', 'prescriber'];
const PRESCRIBER: readonly StaffRole[] = ['prescriber'];
/** Staff who answer enquiries from prospective patients. */
const INTAKE: readonly StaffRole[] = ['admin', 'prescriber', 'front_desk'];

/**
 * The one authorization table: action → roles allowed. Every non-public route declares one action.
 * Resource-level rules (same clinic, same patient) are enforced by the repositories, which always
 * scope by the actor's clinic.
 */
export const POLICY = {
  'self.read': ALL,
  'self.update': ALL,
  'clinic.read': ALL,
  'clinic.update': ADMIN,
  'user.list': ADMIN,
  'user.invite': ADMIN,
  'user.update': ADMIN,
  'user.deactivate': ADMIN,
  'user.reset_mfa': ADMIN,
  'user.unlock': ADMIN,
  'audit.read': ADMIN,
  'audit.verify': ADMIN,
  'patient.read': ALL,
  'patient.register': ALL,
  'patient.update': ALL,
  'consent.read': ALL,
  'consent.record': ALL,
  'consent.countersign': CLINICAL,
  'consent.template_edit': ADMIN_OR_PRESCRIBER,
  'clinical.read': CLINICAL,
  'intake.edit': CLINICAL,
  'eligibility.decide': PRESCRIBER,
  'protocol.read': ALL,
  'protocol.edit': ADMIN_OR_PRESCRIBER,
  'plan.read': CLINICAL,
  'plan.sign': PRESCRIBER,
  'schedule.read': ALL,
  'schedule.book': ALL,
  'schedule.manage': ADMIN,
  'schedule.check_in': ALL,
  'public_profile.read': ALL,
  'public_profile.update': ADMIN,
  'consultation.read': INTAKE,
  'consultation.handle': INTAKE,
  'board.read': ALL,
  'session.read': CLINICAL,
  'session.chart': CLINICAL,
  'session.override': PRESCRIBER,
  'session.sign': PRESCRIBER,
  'vitals.record': CLINICAL,
  'alert.acknowledge': CLINICAL,
  'rems.read': CLINICAL,
  'rems.submit': CLINICAL,
  'device.manage': ADMIN,
  'notice.read': ALL,
  'ledger.read': CLINICAL,
  'ledger.export': CLINICAL,
  'ledger.receive': CLINICAL,
  'ledger.waste': CLINICAL,
  'ledger.transfer': CLINICAL,
  'ledger.count': CLINICAL,
  'ledger.configure': ADMIN,
  'ledger.return': ADMIN,
  'ledger.destroy': ADMIN,
  'ledger.adjust': ADMIN,
  'ledger.report_loss': ADMIN,
  'ledger.resolve': ADMIN,
  'ledger.verify': ADMIN,
  'portal.invite': ALL,
  'questionnaire.read': CLINICAL,
  'questionnaire.record': CLINICAL,
  'questionnaire.tablet': ALL,
  'risk_alert.read': CLINICAL,
  'risk_alert.acknowledge': CLINICAL,
  'outbox.read': ADMIN,
  'outcomes.read': CLINICAL,
  'followup.read': CLINICAL,
  'followup.record': CLINICAL,
  'followup.review': PRESCRIBER,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof POLICY;

/**
 * Actions checked inside a handler with `can()` for one part of a request that a wider action lets in
 * (e.g. a nurse charts the dose; overriding a finding in it needs `session.override`).
 */
export const HANDLER_CHECKED_ACTIONS: readonly Action[] = ['session.override'];

export function isAction(value: string): value is Action {
  return Object.hasOwn(POLICY, value);
}

export function can(role: StaffRole, action: Action): boolean {
  return (POLICY[action]).includes(role);
}

/** The actions a role may perform, sent to the UI so it shows only what the server would allow. */
export function abilitiesOf(role: StaffRole): Action[] {
  return (Object.keys(POLICY) as Action[]).filter((a) => can(role, a));
}

/**
 * What a patient may do in the portal. A patient is a subject of exactly one record: portal routes take the
 * patient from the session (never from the URL or body), and no staff action is ever granted to a patient.
 */
export const PORTAL_ACTIONS = ['portal.read', 'portal.questionnaire', 'portal.consent', 'portal.self'] as const;
export type PortalAction = (typeof PORTAL_ACTIONS)[number];
