/** Identifiers of the instruments defined in this package (leaf module: imports nothing). */
export const INSTRUMENT_IDS = [
  'phq9',
  'gad7',
  'qids_sr16',
  'cssrs_screener',
  'urinary_screen',
  'misuse_check',
  'madrs',
  'cadss',
  'moaas',
  'cgi_s',
  'cgi_i',
  'padss',
  'aldrete',
] as const;

export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}
