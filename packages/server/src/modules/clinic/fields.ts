import { z } from 'zod';

export const JURISDICTION_CODES = ['US', 'UK', 'CA', 'AU', 'DE'] as const;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'Choose a valid time zone, e.g. America/New_York' });

export const Jurisdiction = z.enum(JURISDICTION_CODES);

export const ClinicName = z.string().trim().min(2, 'Enter the clinic name').max(120);

export const PersonName = z.string().trim().min(1, 'Enter a name').max(120);

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base === '' ? 'clinic' : base;
}
