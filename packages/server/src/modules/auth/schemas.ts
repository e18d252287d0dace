import { z } from 'zod';
import { STAFF_ROLES } from '../../policy/roles';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Enter a valid email address' }))
  .transform((e) => e.toLowerCase());

/** Passwords are checked by the policy in the handler; here only the size limits. */
export const Password = z.string().min(1, 'Enter a password').max(1024);

export const Role = z.enum(STAFF_ROLES);

export const SessionStage = z.enum(['active', 'mfa_pending', 'mfa_enrolment']);

export const SignInResult = z.object({
  stage: SessionStage,
  csrfToken: z.string(),
});
