import { describe, expect, it } from 'vitest';
import { countryFromAcceptLanguage, parseCountryParam, visitorCountry } from './country';

describe('visitor country', () => {
  it.each([
    ['en-US,en;q=0.9', 'US'],
    ['en-GB', 'UK'],
    ['fr-CA,fr;q=0.8', 'CA'],
    ['de-DE', 'DE'],
    ['en-AU', 'AU'],
    ['fr-FR,en-GB;q=0.5', 'UK'],
    ['en;q=0.2,en-US;q=0.1, en-AU;q=0.9', 'AU'],
    ['zh-Hant-TW', null],
    ['en', null],
    ['', null],
    [undefined, null],
    ['en-US;q=0', null],
    ['x'.repeat(600), null],
  ])('Accept-Language %s → %s', (header, code) => {
    expect(countryFromAcceptLanguage(header)).toBe(code);
  });

  it('prefers the visitor\'s explicit choice, accepts GB for the UK and ignores unknown values', () => {
    expect(visitorCountry({ country: 'uk' }, 'en-US')).toEqual({ code: 'UK', from: 'query' });
    expect(visitorCountry({ country: 'GB' }, undefined)).toEqual({ code: 'UK', from: 'query' });
    expect(visitorCountry({ country: 'FR' }, 'en-US')).toEqual({ code: 'US', from: 'browser' });
    expect(visitorCountry({ country: ['US', 'UK'] }, undefined)).toEqual({ code: null, from: 'none' });
    expect(parseCountryParam('<script>')).toBeNull();
  });
});
