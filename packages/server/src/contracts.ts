/**
 * Types of the API's answers, derived from the zod schemas declared beside each route. The web app
 * imports these with `import type` only, so the contract is declared once.
 */
import type { z } from 'zod';
import type { AuditEventOut } from './modules/audit/query';
import type { SessionOut } from './modules/auth/session.route';
import type { SignInResult } from './modules/auth/schemas';
import type { ClinicOut } from './modules/clinic/clinic.route';
import type { InvitationOut, UserOut } from './modules/users/presenters';

export type SessionDto = z.infer<typeof SessionOut>;
export type SignInDto = z.infer<typeof SignInResult>;
export type UserDto = UserOut;
export type InvitationDto = InvitationOut;
export type AuditEventDto = AuditEventOut;
export type ClinicDto = z.infer<typeof ClinicOut>;
export type * from './modules/ledger/contracts';
export type { ProblemDocument, FieldIssue, ErrorCode } from './http/errors';
export type { StaffRole } from './policy/roles';
export type { Action } from './policy/policy';
