import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { revokeSession } from '../../auth/sessions';
import { hashToken, newRecoveryCode } from '../../auth/tokens';
import { generateTotpSecret, otpauthUri, verifyTotp } from '../../auth/totp';
import { clinics, recoveryCodes, users } from '../../db/schema';
import type { SessionInfo } from '../../http/context';
import { AppError, conflict } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { SessionStage } from './schemas';
import { openSession } from './sign-in';

const RECOVERY_CODE_COUNT = 10;

export const mfaEnrolStartRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/mfa/enrolment',
  access: { action: 'self.update', stages: ['active', 'mfa_enrolment'] },
  summary: 'Start enrolling an authenticator app (TOTP)',
  description: 'Returns a secret as text and as a QR code (the same one until it is confirmed). Two-step sign-in is on only after the first code is confirmed.',
  tags: ['Authentication'],
  schema: {
    response: {
      200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
    },
  },
  async handler({ deps, req }) {
    const session = req.sessionInfo as SessionInfo;
    const [user] = await deps.db.select().from(users).where(eq(users.id, session.userId));
    if (user === undefined) {
      throw new AppError('UNAUTHENTICATED');
    }
    if (user.mfaEnabledAt !== null) {
      throw conflict('Two-step sign-in is already set up. An administrator can reset it.');
    }
    const [clinic] = await deps.db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, user.clinicId));
    // Idempotent: a reload (or a second tab) shows the same key until it is confirmed.
    const secret = user.mfaPendingSecret ?? generateTotpSecret();
    if (user.mfaPendingSecret === null) {
      await deps.db.update(users).set({ mfaPendingSecret: secret }).where(eq(users.id, user.id));
    }
    const uri = otpauthUri(secret, user.email, `Ketapath ${clinic?.name ?? ''}`.trim());
    const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { secret, otpauthUri: uri, qrSvg };
  },
});

export const mfaEnrolConfirmRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/mfa/enrolment/confirm',
  access: { action: 'self.update', stages: ['active', 'mfa_enrolment'] },
  summary: 'Confirm the authenticator app with its first code',
  description: 'Turns on two-step sign-in and returns recovery codes, shown only this once.',
  tags: ['Authentication'],
  schema: {
    body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code') }),
    response: {
      200: z.object({ recoveryCodes: z.array(z.string()), stage: SessionStage, csrfToken: z.string() }),
    },
  },
  async handler({ body, deps, meta, req, reply }) {
    const session = req.sessionInfo as SessionInfo;
    const now = deps.clock.now();
    const [user] = await deps.db.select().from(users).where(eq(users.id, session.userId));
    if (user?.mfaPendingSecret === null || user === undefined) {
      throw conflict('Start the enrolment first.');
    }
    const step = verifyTotp(user.mfaPendingSecret, body.code, now, null);
    if (step === null) {
      throw new AppError('MFA_INVALID', {
        fields: [{ path: 'body.code', message: 'That code is not right. Check the time on your phone and try the newest code.' }],
      });
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    return deps.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: now, mfaLastStep: step })
        .where(eq(users.id, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await tx.insert(recoveryCodes).values(codes.map((c) => ({ id: randomUUID(), userId: user.id, codeHash: hashToken(c), createdAt: now })));
      await recordAudit(tx, {
        action: 'auth.mfa_enrolled',
        outcome: 'success',
        clinicId: user.clinicId,
        actor: { userId: user.id, role: session.role },
        resourceType: 'user',
        resourceId: user.id,
        meta,
        at: now,
      });
      let csrfToken = session.csrfToken;
      if (session.stage === 'mfa_enrolment') {
        await revokeSession(tx, session.id, now, 'mfa_completed');
        csrfToken = (await openSession(tx, deps, reply, user, 'active', meta)).csrfToken;
      }
      return { recoveryCodes: codes, stage: 'active' as const, csrfToken };
    });
  },
});
