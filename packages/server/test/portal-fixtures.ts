import { eq } from 'drizzle-orm';
import { outboxMessages } from '../src/db/schema';
import type { Agent, Res } from './agent';
import type { TestApp } from './harness';

/** A patient's browser: the portal cookie and CSRF token, over app.inject. */
export class PortalAgent {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly t: TestApp) {}

  async request<T = any>(method: string, url: string, body?: Record<string, unknown>, extraCookie?: string): Promise<Res<T>> {
    const headers: Record<string, string> = {};
    const cookies = [this.cookie, extraCookie].filter((c): c is string => c !== undefined);
    if (cookies.length > 0) {
      headers.cookie = cookies.join('; ');
    }
    if (method !== 'GET') {
      headers['x-ketapath-csrf'] = this.csrf ?? 'anonymous';
    }
    const res = await this.t.app.inject({ method: method as 'GET', url, headers, remoteAddress: '10.9.9.9', ...(body === undefined ? {} : { payload: body }) });
    const set = res.cookies.find((c) => c.name === 'kp_portal');
    if (set !== undefined) {
      this.cookie = set.value === '' ? undefined : `kp_portal=${set.value}`;
    }
    const type = String(res.headers['content-type'] ?? '');
    const parsed: unknown = type.includes('json') && res.body !== '' ? JSON.parse(res.body) : res.body;
    if (parsed !== null && typeof parsed === 'object' && 'csrfToken' in parsed && typeof parsed.csrfToken === 'string') {
      this.csrf = parsed.csrfToken;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res };
  }
  get<T = any>(url: string): Promise<Res<T>> {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body: Record<string, unknown> = {}): Promise<Res<T>> {
    return this.request<T>('POST', url, body);
  }
}

/** The one-time link in the newest outbox message to `to`. */
export async function linkFromOutbox(t: TestApp, to: string): Promise<string> {
  const rows = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))[0];
  const m = /\/portal\/link\/([A-Za-z0-9_-]+)/.exec(newest?.body ?? '');
  if (m?.[1] === undefined) {
    throw new Error(`no portal link sent to ${to}`);
  }
  return m[1];
}

/** Invite a patient (staff), accept with a password (patient) and return the patient's signed-in agent. */
export async function invitedPatient(t: TestApp, staff: Agent, patientId: string, email: string): Promise<PortalAgent> {
  const inv = await staff.post(`/api/patients/${patientId}/portal/invitations`, { email });
  if (inv.status !== 201) {
    throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  }
  const token = await linkFromOutbox(t, email);
  const patient = new PortalAgent(t);
  const acc = await patient.post(`/api/portal/links/${token}/accept`, { password: 'Quiet-River-Morning-42' });
  if (acc.status !== 201) {
    throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  }
  return patient;
}

export const PHQ9 = (q9: number) => ({ q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 1, q7: 1, q8: 0, q9 });
