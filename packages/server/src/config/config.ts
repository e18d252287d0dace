import path from 'node:path';
import { z } from 'zod';

/** Typed configuration, validated once at startup from the environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly publicUrl: string;
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly demo: boolean;
  readonly session: {
    readonly staffIdleMinutes: number;
    readonly patientIdleMinutes: number;
    readonly absoluteHours: number;
  };
  readonly login: {
    readonly maxFailuresBeforeLock: number;
    readonly lockMinutes: number;
    readonly ipWindowMinutes: number;
    readonly maxFailuresPerIp: number;
  };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly webDistDir: string | undefined;
  /** Browser tests only: a file holding milliseconds to add to the clock (refused in production). */
  readonly testClockFile: string | undefined;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: intIn(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KETAPATH_DEMO: bool.default(false),
  SESSION_IDLE_MINUTES: intIn(1, 24 * 60).default(15),
  PATIENT_SESSION_IDLE_MINUTES: intIn(1, 24 * 60).default(10),
  SESSION_ABSOLUTE_HOURS: intIn(1, 24 * 7).default(12),
  LOGIN_MAX_FAILURES: intIn(1, 100).default(5),
  LOGIN_LOCK_MINUTES: intIn(1, 24 * 60).default(15),
  LOGIN_IP_WINDOW_MINUTES: intIn(1, 24 * 60).default(15),
  LOGIN_MAX_FAILURES_PER_IP: intIn(1, 100_000).default(50),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Ketapath <no-reply@localhost>'),
  WEB_DIST_DIR: z.string().min(1).optional(),
  KP_TEST_CLOCK_FILE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parse the environment. Returns every problem at once so an operator can fix them in one go. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): ConfigResult {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      cleaned[key] = value;
    }
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    };
  }
  const e = parsed.data;
  if (e.KP_TEST_CLOCK_FILE !== undefined && e.NODE_ENV === 'production') {
    return { ok: false, problems: ['KP_TEST_CLOCK_FILE: a test clock cannot be used when NODE_ENV=production'] };
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(cwd, e.DATA_DIR),
      databaseUrl: e.DATABASE_URL,
      publicUrl,
      trustProxy: e.TRUST_PROXY,
      cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
      logLevel: e.LOG_LEVEL,
      demo: e.KETAPATH_DEMO,
      session: {
        staffIdleMinutes: e.SESSION_IDLE_MINUTES,
        patientIdleMinutes: e.PATIENT_SESSION_IDLE_MINUTES,
        absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      },
      login: {
        maxFailuresBeforeLock: e.LOGIN_MAX_FAILURES,
        lockMinutes: e.LOGIN_LOCK_MINUTES,
        ipWindowMinutes: e.LOGIN_IP_WINDOW_MINUTES,
        maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      },
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      webDistDir: e.WEB_DIST_DIR === undefined ? undefined : path.resolve(cwd, e.WEB_DIST_DIR),
      testClockFile: e.KP_TEST_CLOCK_FILE === undefined ? undefined : path.resolve(cwd, e.KP_TEST_CLOCK_FILE),
    },
  };
}
