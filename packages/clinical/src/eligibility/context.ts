/** Context shared by the eligibility rule modules. */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/rules.js';
import type { JurisdictionCode, Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import type { Instant } from '../time/instant.js';

export interface EligibilityContext {
  readonly route: Route;
  readonly jurisdiction: JurisdictionCode;
  readonly protocol: ProtocolSettings;
  /** When the screening is done (ISO with offset, or epoch ms). */
  readonly asOf: Instant;
}

/** INTAKE_ITEM_NOT_ASSESSED for an unanswered safety item. */
export function notAssessed(field: string, label: string, absolute: boolean): Finding {
  return finding('INTAKE_ITEM_NOT_ASSESSED', `Not assessed: ${label}.`, {
    field,
    severity: absolute ? 'override' : 'warn',
    action: absolute ? 'Answer this item before treatment: it is a contraindication for this route.' : 'Answer this item to complete the screening.',
  });
}
