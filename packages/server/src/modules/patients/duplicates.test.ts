import { describe, expect, it } from 'vitest';
import { compareForDuplicate, LIKELY_DUPLICATE_SCORE, phoneDigits, type PersonKey } from './duplicates';

const base: PersonKey = { legalFirstName: 'Maria', legalLastName: 'García', dateOfBirth: '1980-02-03', phoneDigits: '5550100200', email: 'maria@example.test' };

describe('likely-duplicate detection', () => {
  it.each([
    ['same person typed without accents', { legalLastName: 'Garcia' }, true],
    ['same name and DOB, different phone', { phoneDigits: '5559999999', email: null }, true],
    ['different person, same DOB only', { legalFirstName: 'John', legalLastName: 'Smith', phoneDigits: null, email: null }, false],
    ['same phone, different person and DOB', { legalFirstName: 'Ana', legalLastName: 'Lopez', dateOfBirth: '1990-01-01', email: null }, false],
    ['same phone and DOB (family member typo)', { legalFirstName: 'Marta', legalLastName: 'Ruiz', email: null }, true],
    ['same email only', { legalFirstName: 'X', legalLastName: 'Y', dateOfBirth: '2000-01-01', phoneDigits: null }, false],
    ['same last name, first initial and DOB', { legalFirstName: 'Mariana', phoneDigits: null, email: null }, true],
  ])('%s', (_label, change, likely) => {
    const m = compareForDuplicate(base, { ...base, ...change });
    expect(m.score >= LIKELY_DUPLICATE_SCORE).toBe(likely);
  });

  it('normalises phone numbers to their last 10 digits', () => {
    expect(phoneDigits('+1 (555) 010-0200')).toBe('5550100200');
    expect(phoneDigits('12')).toBeNull();
  });
});
