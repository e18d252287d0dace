import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('configuration', () => {
  it('has safe defaults for a first run', () => {
    const r = parseConfig({}, '/srv/app');
    expect(r).toMatchObject({ ok: true, config: { port: 3000, dataDir: '/srv/app/data', databaseUrl: undefined, publicUrl: 'http://localhost:3000', cookieSecure: false, session: { staffIdleMinutes: 15 } } });
  });

  it('reads PostgreSQL, TLS and timeouts from the environment', () => {
    const r = parseConfig({ DATABASE_URL: 'postgres://app@db:5432/ketapath', PUBLIC_URL: 'https://clinic.example/', SESSION_IDLE_MINUTES: '20', PORT: '8080' }, '/');
    expect(r).toMatchObject({ ok: true, config: { port: 8080, databaseUrl: 'postgres://app@db:5432/ketapath', publicUrl: 'https://clinic.example', cookieSecure: true, session: { staffIdleMinutes: 20 } } });
  });

  it('lists every problem at once', () => {
    const r = parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0', TRUST_PROXY: 'maybe' }, '/');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'SESSION_IDLE_MINUTES', 'TRUST_PROXY']);
    }
  });
});
