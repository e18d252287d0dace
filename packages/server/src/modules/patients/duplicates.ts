/**
 * Likely-duplicate detection at registration (pure). A candidate is "likely" when two independent
 * identifiers agree (date of birth plus a name match, or an exact phone or email match).
 */
export interface PersonKey {
  readonly legalFirstName: string;
  readonly legalLastName: string;
  readonly dateOfBirth: string;
  readonly phoneDigits: string | null;
  readonly email: string | null;
}

export interface DuplicateMatch {
  readonly score: number;
  readonly reasons: string[];
}

export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function phoneDigits(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) {
    return null;
  }
  const d = phone.replace(/\D/g, '');
  return d.length >= 7 ? d.slice(-10) : null;
}

export function compareForDuplicate(a: PersonKey, b: PersonKey): DuplicateMatch {
  const reasons: string[] = [];
  let score = 0;
  const sameDob = a.dateOfBirth === b.dateOfBirth;
  const firstA = normaliseName(a.legalFirstName);
  const firstB = normaliseName(b.legalFirstName);
  const lastA = normaliseName(a.legalLastName);
  const lastB = normaliseName(b.legalLastName);
  const sameLast = lastA !== '' && lastA === lastB;
  const sameFirst = firstA !== '' && firstA === firstB;
  const firstInitial = firstA.slice(0, 1) !== '' && firstA.slice(0, 1) === firstB.slice(0, 1);
  if (sameDob) {
    score += 2;
    reasons.push('same date of birth');
  }
  if (sameLast && sameFirst) {
    score += 2;
    reasons.push('same name');
  } else if (sameLast && firstInitial) {
    score += 1;
    reasons.push('same last name and first initial');
  } else if (sameFirst && sameDob) {
    score += 1;
    reasons.push('same first name');
  }
  if (a.phoneDigits !== null && a.phoneDigits === b.phoneDigits) {
    score += 2;
    reasons.push('same phone number');
  }
  if (a.email !== null && b.email !== null && a.email.toLowerCase() === b.email.toLowerCase()) {
    score += 2;
    reasons.push('same email');
  }
  return { score, reasons };
}

export const LIKELY_DUPLICATE_SCORE = 3;
