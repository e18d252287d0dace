import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldIssue } from '../http/errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set((dictionary['passwords-common']).map((p) => p.toLowerCase()));

/** argon2id with the library defaults (m=19456 KiB, t=2, p=1: the OWASP setting). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A fixed hash verified when the account does not exist, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-for-timing-only');
  await verifyPassword(await dummyHash, password);
}

/**
 * Password policy: at least 12 characters, not a common or breached password from the bundled list
 * (also with digits or symbols added at either end), not one repeated or sequential pattern, and not
 * built from the person's own email or name.
 */
export function checkPasswordPolicy(password: string, personal: readonly string[], path = 'body.password'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    issues.push({ path, code: 'PASSWORD_TOO_SHORT', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
    return issues;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    issues.push({ path, code: 'PASSWORD_TOO_LONG', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
    return issues;
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  if (common.has(lower) || (core.length >= 4 && common.has(core))) {
    issues.push({
      path,
      code: 'PASSWORD_COMMON',
      message: 'This password appears in lists of common or breached passwords. Choose another.',
    });
  } else if (new Set(lower).size < 5 || isSequence(lower)) {
    issues.push({ path, code: 'PASSWORD_PATTERN', message: 'This password is too easy to guess (repeated or sequential characters).' });
  } else {
    const tokens = personal.flatMap((p) => {
      const local = p.toLowerCase().split('@')[0] ?? '';
      return [local.replace(/[^a-z0-9]/g, ''), ...local.split(/[^a-z0-9]+/)];
    });
    for (const w of tokens) {
      if (w.length >= 4 && lower.replace(/[^a-z0-9]/g, '').includes(w)) {
        issues.push({ path, code: 'PASSWORD_PERSONAL', message: 'Do not build the password from your name or email.' });
        break;
      }
    }
  }
  return issues;
}

function isSequence(s: string): boolean {
  let ascending = 0;
  let descending = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d === 1) {
      ascending++;
    }
    if (d === -1) {
      descending++;
    }
  }
  return ascending >= s.length - 2 || descending >= s.length - 2;
}
