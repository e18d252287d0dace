import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { lookupPatientSession, clearPortalCookie, PORTAL_COOKIE } from '../../auth/patient-sessions';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { revokeSession, touchSession } from '../../auth/sessions';
import { clinics, patientAccounts, patientLinks, patients } from '../../db/schema';
import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { Email, Password } from '../auth/schemas';
import { recentFailuresFromIp, recordAttempt } from '../auth/throttle';
import { enqueueMessage } from '../messages/outbox';
import { findLink, issueLink, linkStatus, openPortalSession } from './links';

const Token = z.object({ token: z.string().min(20).max(128).regex(/^[A-Za-z0-9_-]+$/) });
const SignedIn = z.object({ csrfToken: z.string() });
const GONE = 'This link has expired or was already used. Ask for a new sign-in link, or ask your clinic to send a new invitation.';
const patientActor = (accountId: string) => ({ userId: accountId, role: 'patient' });

export const viewLinkRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/links/:token',
  access: { public: true, reason: 'The patient is not signed in yet; the one-time token is the credential.' },
  summary: 'Look at a portal link (invitation or sign-in link) before using it',
  tags: ['Patient portal'],
  schema: { params: Token, response: { 200: z.object({ purpose: z.enum(['invitation', 'sign_in']), clinicName: z.string(), firstName: z.string(), hasPassword: z.boolean(), expiresAt: z.string() }) } },
  async handler({ params, deps }) {
    const found = await findLink(deps.db, params.token);
    if (found === undefined || linkStatus(found.link, deps.clock.now()) !== 'open' || found.account.status === 'disabled') {
      throw new AppError('GONE', { detail: GONE });
    }
    const [row] = await deps.db.select({ clinic: clinics.name, first: patients.legalFirstName, preferred: patients.preferredName }).from(patients).innerJoin(clinics, eq(clinics.id, patients.clinicId)).where(eq(patients.id, found.account.patientId));
    return { purpose: found.link.purpose as 'invitation', clinicName: row?.clinic ?? '', firstName: row?.preferred ?? row?.first ?? '', hasPassword: found.account.passwordHash !== null, expiresAt: found.link.expiresAt.toISOString() };
  },
});

export const acceptLinkRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/links/:token/accept',
  access: { public: true, reason: 'The patient is not signed in yet; the one-time token is the credential.' },
  summary: 'Use a portal link: accept the invitation (optionally choosing a password) or sign in with a sign-in link',
  tags: ['Patient portal'],
  schema: { params: Token, body: z.object({ password: Password.optional() }), response: { 201: SignedIn } },
  async handler({ params, body, deps, meta, reply }) {
    const now = deps.clock.now();
    const found = await findLink(deps.db, params.token);
    if (found === undefined || linkStatus(found.link, now) !== 'open' || found.account.status === 'disabled') {
      throw new AppError('GONE', { detail: GONE });
    }
    const { link, account } = found;
    let passwordHash: string | null = null;
    if (body.password !== undefined) {
      const issues = checkPasswordPolicy(body.password, [account.email]);
      if (issues.length > 0) {
        throw new AppError('VALIDATION_FAILED', { fields: issues });
      }
      passwordHash = await hashPassword(body.password);
    }
    return deps.db.transaction(async (tx) => {
      const claimed = await tx.update(patientLinks).set({ usedAt: now }).where(sql`${patientLinks.id} = ${link.id} AND ${patientLinks.usedAt} IS NULL AND ${patientLinks.revokedAt} IS NULL`).returning({ id: patientLinks.id });
      if (claimed.length === 0) {
        throw new AppError('GONE', { detail: GONE });
      }
      await tx.update(patientAccounts).set({ status: 'active', ...(passwordHash === null ? {} : { passwordHash }) }).where(eq(patientAccounts.id, account.id));
      const session = await openPortalSession(tx, deps, reply, account, meta);
      await recordAudit(tx, { action: link.purpose === 'invitation' ? 'portal.invitation_accepted' : 'portal.login', outcome: 'success', clinicId: account.clinicId, actor: patientActor(account.id), resourceType: 'session', resourceId: session.sessionId, patientId: account.patientId, details: { via: link.purpose, passwordSet: passwordHash !== null }, meta, at: now });
      return { csrfToken: session.csrfToken };
    });
  },
});

export const portalLoginRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/login',
  access: { public: true, reason: 'Signing in needs no session.' },
  summary: 'Patient sign-in with email and password (throttled per IP address; accounts lock after repeated failures)',
  tags: ['Patient portal'],
  schema: { body: z.object({ email: Email, password: Password }), response: { 200: SignedIn } },
  async handler({ body, deps, meta, reply }) {
    const now = deps.clock.now();
    const { login } = deps.config;
    if ((await recentFailuresFromIp(deps.db, meta.ip, new Date(now.getTime() - login.ipWindowMinutes * 60_000))) >= login.maxFailuresPerIp) {
      throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(login.ipWindowMinutes * 60) } });
    }
    const [acc] = await deps.db.select().from(patientAccounts).where(eq(sql`lower(${patientAccounts.email})`, body.email));
    const ok = acc?.passwordHash !== undefined && acc.passwordHash !== null ? await verifyPassword(acc.passwordHash, body.password) : (await verifyAgainstDummy(body.password), false);
    if (acc !== undefined && acc.lockedUntil !== null && acc.lockedUntil.getTime() > now.getTime()) {
      throw new AppError('ACCOUNT_LOCKED', { detail: 'Too many failed attempts. Try again later, or ask for a sign-in link by email.' });
    }
    if (acc === undefined || !ok || acc.status !== 'active') {
      await deps.db.transaction(async (tx) => {
        await recordAttempt(tx, meta.ip, null, false, now);
        if (acc !== undefined) {
          const failures = acc.failedLoginCount + 1;
          await tx.update(patientAccounts).set({ failedLoginCount: failures, lockedUntil: failures >= login.maxFailuresBeforeLock ? new Date(now.getTime() + login.lockMinutes * 60_000) : null }).where(eq(patientAccounts.id, acc.id));
        }
        await recordAudit(tx, { action: 'portal.login_failed', outcome: 'failure', clinicId: acc?.clinicId ?? null, actor: acc === undefined ? null : patientActor(acc.id), meta, at: now });
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    return deps.db.transaction(async (tx) => {
      const session = await openPortalSession(tx, deps, reply, acc, meta);
      await recordAudit(tx, { action: 'portal.login', outcome: 'success', clinicId: acc.clinicId, actor: patientActor(acc.id), resourceType: 'session', resourceId: session.sessionId, patientId: acc.patientId, details: { via: 'password' }, meta, at: now });
      return { csrfToken: session.csrfToken };
    });
  },
});

export const signInLinkRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/sign-in-link',
  access: { public: true, reason: 'A patient who is not signed in asks for a one-time sign-in link by email.' },
  summary: 'Email me a sign-in link (one-time, valid 15 minutes). The answer is the same whether or not the address has an account.',
  tags: ['Patient portal'],
  schema: { body: z.object({ email: Email }), response: { 202: z.object({ sent: z.literal(true) }) } },
  async handler({ body, deps, meta }) {
    const now = deps.clock.now();
    const [acc] = await deps.db.select().from(patientAccounts).where(eq(sql`lower(${patientAccounts.email})`, body.email));
    if (acc !== undefined && acc.status !== 'disabled') {
      await deps.db.transaction(async (tx) => {
        const link = await issueLink(tx, deps, acc, 'sign_in', null);
        const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, acc.clinicId));
        await enqueueMessage(tx, { clinicId: acc.clinicId, patientId: acc.patientId, kind: 'portal_sign_in_link', to: acc.email, subject: `${clinic?.name ?? 'Your clinic'}: your sign-in link`, body: `Open this link to sign in to your patient portal. It works once and expires in 15 minutes:\n${link.url}\n\nIf you did not ask for it, you can ignore this email.\n`, now });
        await recordAudit(tx, { action: 'portal.sign_in_link_sent', outcome: 'success', clinicId: acc.clinicId, actor: patientActor(acc.id), resourceType: 'patient_account', resourceId: acc.id, patientId: acc.patientId, meta, at: now });
      });
    }
    return { sent: true as const };
  },
});

const PortalSessionOut = z.object({ signedIn: z.boolean(), firstName: z.string().nullable(), csrfToken: z.string().nullable(), idleTimeoutSeconds: z.number().nullable() });

export const portalSessionRoute = defineRoute({
  method: 'GET',
  url: '/api/portal/session',
  access: { public: true, reason: 'Tells the portal page whether the patient is signed in.' },
  summary: 'Whether a patient is signed in to the portal (and the CSRF token for their requests)',
  tags: ['Patient portal'],
  schema: { response: { 200: PortalSessionOut } },
  async handler({ deps, req, reply }) {
    const token = req.cookies[PORTAL_COOKIE];
    if (token === undefined || token === '') {
      return { signedIn: false, firstName: null, csrfToken: null, idleTimeoutSeconds: null };
    }
    const found = await lookupPatientSession(deps.db, token, deps.clock.now());
    if (found.status !== 'ok') {
      clearPortalCookie(reply, deps.config.cookieSecure);
      return { signedIn: false, firstName: null, csrfToken: null, idleTimeoutSeconds: null };
    }
    return { signedIn: true, firstName: found.actor.firstName, csrfToken: found.actor.csrfToken, idleTimeoutSeconds: found.actor.idleTimeoutSeconds };
  },
});

export const portalKeepaliveRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/keepalive',
  access: { portal: 'portal.self' },
  summary: 'Keep the portal session alive while the patient is active',
  tags: ['Patient portal'],
  schema: { response: { 204: z.null() } },
  async handler({ deps, patient }) {
    await touchSession(deps.db, patient().sessionId, deps.clock.now());
    return null;
  },
});

export const portalLogoutRoute = defineRoute({
  method: 'POST',
  url: '/api/portal/logout',
  access: { portal: 'portal.self' },
  summary: 'Sign out of the portal',
  tags: ['Patient portal'],
  schema: { response: { 204: z.null() } },
  async handler({ deps, patient, meta, reply }) {
    const me = patient();
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await revokeSession(tx, me.sessionId, now, 'logout');
      await recordAudit(tx, { action: 'portal.logout', outcome: 'success', clinicId: me.clinicId, actor: patientActor(me.accountId), resourceType: 'session', resourceId: me.sessionId, patientId: me.patientId, meta, at: now });
    });
    clearPortalCookie(reply, deps.config.cookieSecure);
    return null;
  },
});
