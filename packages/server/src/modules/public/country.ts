import { JURISDICTION_CODES, JURISDICTIONS, type JurisdictionCode, type JurisdictionProfile } from '@ketapath/clinical';

/** Region subtags (ISO 3166) that map to a jurisdiction profile of the clinical core. */
const REGION_TO_JURISDICTION: Readonly<Record<string, JurisdictionCode>> = { US: 'US', GB: 'UK', UK: 'UK', CA: 'CA', AU: 'AU', DE: 'DE' };

export interface VisitorCountry {
  /** The profile to show, or null when we have none for the visitor's country. */
  readonly code: JurisdictionCode | null;
  /** How we chose it: the visitor's explicit choice, their browser language, or nothing. */
  readonly from: 'query' | 'browser' | 'none';
}

export function parseCountryParam(value: unknown): JurisdictionCode | null {
  if (typeof value !== 'string') {
    return null;
  }
  return REGION_TO_JURISDICTION[value.trim().toUpperCase()] ?? null;
}

/** The region of the most preferred language tag that names one we have a profile for (e.g. en-GB → UK). */
export function countryFromAcceptLanguage(header: string | undefined): JurisdictionCode | null {
  if (header === undefined || header.length > 500) {
    return null;
  }
  const tags = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.tag !== '' && Number.isFinite(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    const region = tag
      .split('-')
      .slice(1)
      .find((s) => /^[A-Za-z]{2}$/.test(s));
    const code = region === undefined ? undefined : REGION_TO_JURISDICTION[region.toUpperCase()];
    if (code !== undefined) {
      return code;
    }
  }
  return null;
}

export function visitorCountry(query: unknown, acceptLanguage: string | undefined): VisitorCountry {
  const param = query !== null && typeof query === 'object' && 'country' in query ? query.country : undefined;
  const chosen = parseCountryParam(param);
  if (chosen !== null) {
    return { code: chosen, from: 'query' };
  }
  const browser = countryFromAcceptLanguage(acceptLanguage);
  return browser === null ? { code: null, from: 'none' } : { code: browser, from: 'browser' };
}

export function profileOf(code: JurisdictionCode | null): JurisdictionProfile | null {
  return code === null ? null : JURISDICTIONS[code];
}

export const COUNTRY_OPTIONS: readonly { readonly code: JurisdictionCode; readonly name: string }[] = JURISDICTION_CODES.map((code) => ({ code, name: JURISDICTIONS[code].name }));

const PHRASES: Readonly<Record<JurisdictionCode, string>> = { US: 'the United States', UK: 'the United Kingdom', CA: 'Canada', AU: 'Australia', DE: 'Germany and the EU' };

/** The country as it reads inside a sentence ("in the United States"). */
export function countryPhrase(code: JurisdictionCode): string {
  return PHRASES[code];
}
