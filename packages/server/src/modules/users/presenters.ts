import { z } from 'zod';
import type { invitations, users } from '../../db/schema';
import { Role } from '../auth/schemas';

export const UserOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  status: z.enum(['active', 'deactivated']),
  mfaEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserOut = z.infer<typeof UserOut>;

export function presentUser(u: typeof users.$inferSelect, now: Date): UserOut {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as UserOut['role'],
    status: u.status as UserOut['status'],
    mfaEnabled: u.mfaEnabledAt !== null,
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export const InvitationOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  status: z.enum(['pending', 'expired', 'accepted', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationOut = z.infer<typeof InvitationOut>;

export function invitationStatus(i: typeof invitations.$inferSelect, now: Date): InvitationOut['status'] {
  if (i.acceptedAt !== null) {
    return 'accepted';
  }
  if (i.revokedAt !== null) {
    return 'revoked';
  }
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export function presentInvitation(i: typeof invitations.$inferSelect, now: Date): InvitationOut {
  return {
    id: i.id,
    name: i.name,
    email: i.email,
    role: i.role as InvitationOut['role'],
    status: invitationStatus(i, now),
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}
