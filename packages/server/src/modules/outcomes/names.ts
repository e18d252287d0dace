import type { InstrumentId } from '@ketapath/clinical';

/** Short instrument names for charts and tables (the definitions carry the full title). */
export const SHORT_NAMES: Readonly<Record<InstrumentId, string>> = {
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  qids_sr16: 'QIDS-SR16',
  madrs: 'MADRS',
  cssrs_screener: 'C-SSRS screener',
  urinary_screen: 'Urinary symptom screen',
  misuse_check: 'Misuse check',
  cadss: 'CADSS',
  moaas: 'MOAA/S',
  cgi_s: 'CGI-S',
  cgi_i: 'CGI-I',
  padss: 'PADSS',
  aldrete: 'Aldrete',
};
