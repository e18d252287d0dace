/**
 * The one error taxonomy. Every failure a client can see is an AppError with a stable code;
 * src/http/error-handler.ts is the single place that turns it into application/problem+json.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  REAUTH_FAILED: 401,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  TABLET_LOCKED: 403,
  DISPLAY_ONLY: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_SET_UP: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_BLOCKED: 422,
  STATE_TRANSITION_INVALID: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Some fields need attention',
  MALFORMED_REQUEST: 'The request could not be read',
  UNAUTHENTICATED: 'Please sign in',
  INVALID_CREDENTIALS: 'Email or password is not right',
  MFA_REQUIRED: 'Enter the code from your authenticator app',
  MFA_INVALID: 'That code is not right',
  REAUTH_FAILED: 'Please confirm it is you: password or code not right',
  SESSION_EXPIRED: 'Your session ended; please sign in again',
  CSRF_FAILED: 'The request was refused for your protection; reload the page',
  FORBIDDEN: 'Your role does not allow this',
  MFA_ENROLMENT_REQUIRED: 'Set up two-step sign-in first',
  TABLET_LOCKED: 'This device is with a patient: a staff member must take it back first',
  DISPLAY_ONLY: 'This screen is a wall display of the monitoring board: sign out and in again to use anything else',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'This conflicts with the current state',
  ALREADY_SET_UP: 'This installation is already set up',
  GONE: 'This link is no longer valid',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  URI_TOO_LONG: 'The address is too long',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  RULE_BLOCKED: 'A clinical or safety rule stops this',
  STATE_TRANSITION_INVALID: 'This step is not allowed now',
  ACCOUNT_LOCKED: 'This account is locked for now',
  RATE_LIMITED: 'Too many attempts; please wait and try again',
  INTERNAL: 'Something went wrong on our side',
  UNAVAILABLE: 'The service is not ready',
};

export interface FieldIssue {
  /** Dotted path into the request, e.g. "body.email". */
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface AppErrorOptions {
  readonly detail?: string;
  readonly fields?: readonly FieldIssue[];
  /** Extra machine-readable members placed on the problem document (never patient data). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fields: readonly FieldIssue[];
  readonly extra: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? TITLES[code]);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.title = TITLES[code];
    this.detail = options.detail;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what = 'resource'): AppError => new AppError('NOT_FOUND', { detail: `No such ${what}.` });
export const conflict = (detail: string): AppError => new AppError('CONFLICT', { detail });
export const forbidden = (detail?: string): AppError =>
  new AppError('FORBIDDEN', detail === undefined ? {} : { detail });

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

export function problemTypeFor(code: ErrorCode): string {
  return `urn:ketapath:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function toProblem(err: AppError, requestId: string): ProblemDocument {
  const doc: ProblemDocument = {
    ...err.extra,
    type: problemTypeFor(err.code),
    title: err.title,
    status: err.status,
    code: err.code,
    instance: `urn:ketapath:request:${requestId}`,
  };
  if (err.detail !== undefined) {
    doc.detail = err.detail;
  }
  if (err.fields.length > 0) {
    doc.errors = [...err.fields];
  }
  return doc;
}
