/** `INSTRUMENTS`: every instrument definition, keyed by id. */
import { CADSS, CGI_I, CGI_S, MADRS } from './clinician.js';
import { CSSRS_SCREENER } from './cssrs.js';
import { GAD7 } from './gad7.js';
import type { InstrumentId } from './ids.js';
import { PHQ9 } from './phq9.js';
import { QIDS_SR16 } from './qids.js';
import { ALDRETE, MOAAS, PADSS } from './recovery.js';
import { MISUSE_CHECK, URINARY_SCREEN } from './screens.js';
import type { InstrumentDefinition } from './types.js';

export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  phq9: PHQ9,
  gad7: GAD7,
  qids_sr16: QIDS_SR16,
  cssrs_screener: CSSRS_SCREENER,
  urinary_screen: URINARY_SCREEN,
  misuse_check: MISUSE_CHECK,
  madrs: MADRS,
  cadss: CADSS,
  moaas: MOAAS,
  cgi_s: CGI_S,
  cgi_i: CGI_I,
  padss: PADSS,
  aldrete: ALDRETE,
};
