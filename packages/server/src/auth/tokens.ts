import { createHash, randomBytes } from 'node:crypto';

/** A random opaque token for cookies and one-time links; only its hash is ever stored. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Recovery codes: 10 groups like "7KQ4-M2XD-9PLA", easy to read aloud and type. */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += alphabet.charAt((bytes[i] ?? 0) % alphabet.length);
    if (i === 3 || i === 7) {
      out += '-';
    }
  }
  return out;
}

export function normaliseRecoveryCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : compact;
}
