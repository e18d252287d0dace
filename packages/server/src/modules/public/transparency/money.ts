import type { Currency } from '../profile/schemas';

/** Amount in minor units (cents) as currency text, e.g. 45000 USD → "$450.00". */
export function formatMoney(minor: number, currency: Currency): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
}

/** Decimal amount for structured data ("450.00"). */
export function decimalAmount(minor: number): string {
  return (minor / 100).toFixed(2);
}

export interface CourseEstimate {
  readonly sessions: number;
  readonly pricePerSessionMinor: number;
  readonly totalMinor: number;
}

/** Price per session × sessions in the protocol's first course (exact, in minor units). */
export function courseEstimate(pricePerSessionMinor: number, sessions: number): CourseEstimate {
  return { sessions, pricePerSessionMinor, totalMinor: pricePerSessionMinor * sessions };
}
