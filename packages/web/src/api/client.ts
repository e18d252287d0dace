import type { ErrorCode, FieldIssue, ProblemDocument } from '@ketapath/server/contracts';

/** A failed API call, carrying the server's problem document (stable code, field paths). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly title: string;
  readonly detail: string | undefined;
  readonly fields: readonly FieldIssue[];
  /** The whole problem document, including extension members (e.g. `conflicts`, `duplicates`, `items`). */
  readonly problem: Partial<ProblemDocument>;

  constructor(status: number, problem: Partial<ProblemDocument>) {
    super(problem.detail ?? problem.title ?? 'Request failed');
    this.status = status;
    this.code = problem.code ?? 'INTERNAL';
    this.title = problem.title ?? 'Request failed';
    this.detail = problem.detail;
    this.fields = problem.errors ?? [];
    this.problem = problem;
  }

  /** The message for one form field, matched by its path (e.g. "body.email"). */
  fieldError(name: string): string | undefined {
    return this.fields.find((f) => f.path === `body.${name}` || f.path === name || f.path === `querystring.${name}`)?.message;
  }
}

let csrfToken: string | undefined;
const sessionListeners = new Set<(code: string) => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const narrowedListeners = new Set<() => void>();

/**
 * Called when the server says this session has been handed to a patient or made a wall display (from another
 * tab), so the app reloads the session and shows the tablet view or the board.
 */
export function onSessionNarrowed(listener: () => void): () => void {
  narrowedListeners.add(listener);
  return () => narrowedListeners.delete(listener);
}

/** Called when the server says the session is gone, so the app can return to sign-in. */
export function onSessionLost(listener: (code: string) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['x-ketapath-csrf'] = csrfToken ?? 'none';
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, { code: 'NETWORK' as ErrorCode, title: 'No connection to the server', detail: 'Check the network and try again.' });
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const problem: Partial<ProblemDocument> = type.includes('json') ? ((await res.json()) as Partial<ProblemDocument>) : { title: res.statusText };
    const err = new ApiError(res.status, problem);
    if (res.status === 401 && (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED')) {
      for (const l of sessionListeners) {
        l(err.code);
      }
    }
    if (res.status === 403 && (err.code === 'TABLET_LOCKED' || err.code === 'DISPLAY_ONLY')) {
      for (const l of narrowedListeners) {
        l();
      }
    }
    throw err;
  }
  if (res.status === 204 || !type.includes('json')) {
    return (type.includes('json') ? undefined : await res.text()) as T;
  }
  const data = (await res.json()) as T;
  if (data !== null && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') {
    csrfToken = data.csrfToken;
  }
  return data;
}

export const api = {
  get: <T>(url: string): Promise<T> => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}): Promise<T> => request<T>('POST', url, body),
  patch: <T>(url: string, body: unknown): Promise<T> => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown): Promise<T> => request<T>('PUT', url, body),
  delete: <T>(url: string): Promise<T> => request<T>('DELETE', url),
};

export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      p.set(k, String(v));
    }
  }
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}
