import type { App } from '../../http/route';

export type Role = 'admin' | 'prescriber' | 'nurse' | 'front_desk';

/** Drives the real HTTP endpoints as the demo staff, so demo data passes every rule real data does. */
export class DemoDriver {
  private readonly sessions = new Map<Role, { cookie: string; csrf: string }>();
  constructor(private readonly app: App) {}

  private async login(role: Role): Promise<{ cookie: string; csrf: string }> {
    const known = this.sessions.get(role);
    if (known !== undefined) {
      return known;
    }
    const res = await this.app.inject({ method: 'POST', url: '/api/demo/login', headers: { 'x-ketapath-csrf': 'demo-seed', 'user-agent': 'Ketapath demo seed' }, payload: { role } });
    const cookie = res.cookies.find((c) => c.name === 'kp_session');
    if (res.statusCode !== 200 || cookie === undefined) {
      throw new Error(`demo login failed: ${res.statusCode}`);
    }
    const s = { cookie: `kp_session=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
    this.sessions.set(role, s);
    return s;
  }

  async call<T = Record<string, unknown>>(role: Role, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<T> {
    let s = await this.login(role);
    const send = (x: { cookie: string; csrf: string }) => this.app.inject({ method, url, headers: { cookie: x.cookie, 'x-ketapath-csrf': x.csrf, 'user-agent': 'Ketapath demo seed' }, ...(payload === undefined ? {} : { payload: payload as object }) });
    let res = await send(s);
    if (res.statusCode === 401 && res.json<{ code?: string }>().code !== 'REAUTH_FAILED') {
      // The demo user's session ended (idle time passed): sign in again once.
      this.sessions.delete(role);
      s = await this.login(role);
      res = await send(s);
    }
    if (res.statusCode >= 400) {
      throw new Error(`demo seed ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    return (res.body === '' ? {} : res.json()) as T;
  }
}
