import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';

describe('password policy', () => {
  it.each([
    ['short', 'Abc-123-xyz', 'PASSWORD_TOO_SHORT'],
    ['common', 'qwerty123456', 'PASSWORD_COMMON'],
    ['common word padded with digits and symbols', '!!password2026!!', 'PASSWORD_COMMON'],
    ['common case-insensitively', 'PassWord1234', 'PASSWORD_COMMON'],
    ['repeated characters', 'aaaaaaaaaaaaaaaa', 'PASSWORD_PATTERN'],
    ['a sequence', 'abcdefghijklmnop', 'PASSWORD_PATTERN'],
    ['built from the email', 'morgan.harbour-2026', 'PASSWORD_PERSONAL'],
    ['built from the name', 'QuackenbushRocks99', 'PASSWORD_PERSONAL'],
  ])('refuses a %s password', (_label, password, code) => {
    const issues = checkPasswordPolicy(password, ['morgan.harbour@clinic.example', 'Zeb Quackenbush']);
    expect(issues.map((i) => i.code)).toEqual([code]);
  });

  it.each(['Quiet-Harbour-Lamp-2026', 'correct horse battery staple', 'Chairside-Tablet-7am-Safe'])('accepts %s', (password) => {
    expect(checkPasswordPolicy(password, ['morgan@clinic.example', 'Morgan Admin'])).toEqual([]);
  });

  it('accepts exactly 12 characters and refuses 11', () => {
    expect(checkPasswordPolicy('Tz9!kq2@Lw4#', [])).toEqual([]);
    expect(checkPasswordPolicy('Tz9!kq2@Lw4', [])[0]?.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Quiet-Harbour-Lamp-2026');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Quiet-Harbour-Lamp-2026')).toBe(true);
    expect(await verifyPassword(h, 'quiet-harbour-lamp-2026')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
