import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './harness';

type Json = Record<string, unknown> | unknown[] | null;

export interface Res<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: LightMyRequestResponse['headers'];
  readonly raw: LightMyRequestResponse;
}

/** An HTTP client over app.inject with a cookie jar and the CSRF header, like a browser tab. */
export class Agent {
  cookie: string | undefined;
  csrf: string | undefined;
  ip = '10.0.0.1';

  constructor(private readonly t: TestApp) {}

  async request<T = any>(method: string, url: string, body?: Json, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie !== undefined) {
      h.cookie = this.cookie;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      h['x-ketapath-csrf'] ??= this.csrf ?? 'anonymous';
    }
    const res = await this.t.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'kp_session');
    if (setCookie !== undefined) {
      this.cookie = setCookie.value === '' ? undefined : `kp_session=${setCookie.value}`;
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
  post<T = any>(url: string, body: Json = {}): Promise<Res<T>> {
    return this.request<T>('POST', url, body);
  }
  patch<T = any>(url: string, body: Json = {}): Promise<Res<T>> {
    return this.request<T>('PATCH', url, body);
  }
}
