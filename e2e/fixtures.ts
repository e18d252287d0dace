import { totpAt } from '../packages/server/src/auth/totp';

/** A minimal HTTP client with a cookie jar and the CSRF header, for building fixtures through the real API. */
export class ApiClient {
  private cookie = '';
  private csrf = 'fixture';
  constructor(private readonly base: string) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-ketapath-csrf': this.csrf, ...(this.cookie === '' ? {} : { cookie: this.cookie }) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    const set = res.headers.get('set-cookie');
    if (set !== null) {
      this.cookie = set.split(';')[0] ?? '';
    }
    const text = await res.text();
    const data: unknown = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) {
      throw new Error(`${method} ${path} → ${res.status} ${text}`);
    }
    if (typeof data === 'object' && data !== null && typeof (data as { csrfToken?: unknown }).csrfToken === 'string') {
      this.csrf = (data as { csrfToken: string }).csrfToken;
    }
    return data as T;
  }
}

export const STAFF_PASSWORD = 'Chairside-Tablet-7am-Safe';

export interface ClinicFixture {
  readonly admin: { email: string; password: string; totpSecret: string };
  readonly staff: Record<'prescriber' | 'nurse' | 'front_desk', { email: string; password: string; name: string }>;
  readonly adminApi: ApiClient;
}

/**
 * Set up a clinic through the real endpoints: first-run setup, the administrator's TOTP enrolment,
 * two-step sign-in for the administrator only, and one invited, signed-up user per role.
 */
export async function seedClinic(url: string, clinicName = 'Harbour Ketamine Clinic'): Promise<ClinicFixture> {
  const admin = new ApiClient(url);
  const adminCreds = { email: 'admin@harbour.example', password: 'Quiet-Harbour-Lamp-2026' };
  await admin.call('POST', '/api/setup', { clinicName, timeZone: 'America/New_York', jurisdiction: 'US', adminName: 'Morgan Admin', adminEmail: adminCreds.email, adminPassword: adminCreds.password });
  const enrol = await admin.call<{ secret: string }>('POST', '/api/auth/mfa/enrolment');
  await admin.call('POST', '/api/auth/mfa/enrolment/confirm', { code: totpAt(enrol.secret, new Date()) });
  await admin.call('PATCH', '/api/clinic', { mfaRequiredRoles: ['admin'] });
  const people = { prescriber: 'Dr Priya Shah', nurse: 'Sam Okafor', front_desk: 'Jordan Lee' } as const;
  const staff = {} as ClinicFixture['staff'];
  for (const [role, name] of Object.entries(people) as [keyof typeof people, string][]) {
    const email = `${role.replace('_', '')}@harbour.example`;
    const inv = await admin.call<{ inviteUrl: string }>('POST', '/api/users/invitations', { email, name, role });
    const token = inv.inviteUrl.split('/invite/')[1] ?? '';
    await new ApiClient(url).call('POST', `/api/invitations/${token}/accept`, { name, password: STAFF_PASSWORD });
    staff[role] = { email, password: STAFF_PASSWORD, name };
  }
  return { admin: { ...adminCreds, totpSecret: enrol.secret }, staff, adminApi: admin };
}

/** Sign a staff member in through the API (for API-side fixture steps). */
export async function apiAs(url: string, who: { email: string; password: string }): Promise<ApiClient> {
  const c = new ApiClient(url);
  await c.call('POST', '/api/auth/login', who);
  return c;
}
