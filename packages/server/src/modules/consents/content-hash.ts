import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json';
import type { ConsentContent } from './templates';

/** The fingerprint of exactly what the patient reads: signing sends it back to prove which text was shown. */
export function consentContentHash(content: ConsentContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
