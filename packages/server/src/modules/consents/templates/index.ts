import { ESKETAMINE_NASAL } from './esketamine';
import { IM_KETAMINE, ORAL_KETAMINE } from './im-oral';
import { IV_KETAMINE } from './iv-ketamine';
import type { ConsentContent, ConsentKind } from './types';

export * from './types';

/** The default templates every clinic starts with; clinics edit them into their own versions. */
export const DEFAULT_CONSENT_TEMPLATES: Record<ConsentKind, ConsentContent> = {
  iv_ketamine: IV_KETAMINE,
  esketamine_nasal: ESKETAMINE_NASAL,
  im_ketamine: IM_KETAMINE,
  oral_ketamine: ORAL_KETAMINE,
};
