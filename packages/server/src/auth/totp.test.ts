import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totpAt, verifyTotp } from './totp';

// RFC 6238 Appendix B, SHA-1 rows (8 digits), secret "12345678901234567890".
const RFC_SECRET = Buffer.from('12345678901234567890');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC test vector at t=%i', (seconds, expected) => {
    expect(hotp(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it('round-trips base32 for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
    }));
  });

  it('accepts the current and adjacent steps, refuses replays and far steps', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1_800_000_000_000);
    const code = totpAt(secret, at);
    const step = verifyTotp(secret, code, at, null);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000), null)).toBe(step);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 90_000), null)).toBeNull();
    expect(verifyTotp(secret, code, at, step)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', at, null)).toBeNull();
    expect(verifyTotp(secret, '12345', at, null)).toBeNull();
  });

  it('builds an otpauth URI authenticator apps understand', () => {
    expect(otpauthUri('ABC', 'nurse@clinic.example', 'Ketapath Riverside')).toBe(
      'otpauth://totp/Ketapath%20Riverside%3Anurse%40clinic.example?secret=ABC&issuer=Ketapath+Riverside&algorithm=SHA1&digits=6&period=30',
    );
  });
});
