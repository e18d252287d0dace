import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config';
import { fileOffsetClock } from './test-clock';

describe('test clock (browser tests only)', () => {
  it('adds the milliseconds in the file to the system time, and ignores a missing or garbled file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-clock-')), 'offset');
    const clock = fileOffsetClock(file, () => 1_000_000);
    expect(clock.now().getTime()).toBe(1_000_000);
    fs.writeFileSync(file, '7200000\n');
    expect(clock.now().getTime()).toBe(8_200_000);
    fs.writeFileSync(file, 'soon');
    expect(clock.now().getTime()).toBe(1_000_000);
  });

  it('is refused in production', () => {
    const r = parseConfig({ KP_TEST_CLOCK_FILE: '/tmp/x', NODE_ENV: 'production' }, '/srv');
    expect(r.ok).toBe(false);
    expect(parseConfig({ KP_TEST_CLOCK_FILE: 'clock' }, '/srv')).toMatchObject({ ok: true, config: { testClockFile: '/srv/clock' } });
  });
});
