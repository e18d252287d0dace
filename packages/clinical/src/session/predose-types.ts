/** Inputs and outputs of the pre-dose checklist. */
import type { Finding } from '../findings/rules.js';
import type { GateOutcome } from '../findings/types.js';
import type { InstrumentId } from '../instruments/ids.js';
import type { InstrumentResult } from '../instruments/types.js';
import type { JurisdictionCode, Route } from '../protocol/route.js';
import type { ProtocolSettings } from '../protocol/types.js';
import type { Instant } from '../time/instant.js';
import type { MonitoringFormRecord } from './rems.js';

export interface CompletedQuestionnaire {
  readonly instrumentId: InstrumentId;
  readonly completedAt: Instant;
  readonly result: InstrumentResult;
}

export interface PreDoseInput {
  readonly bloodPressure?: { readonly systolic: number; readonly diastolic: number };
  readonly lastFoodAt?: Instant;
  readonly lastLiquidsAt?: Instant;
  /** Nasal corticosteroid/decongestant today: time given, `null` = none today, absent = not asked. */
  readonly nasalMedicationAt?: Instant | null;
  readonly escortConfirmed?: boolean;
  readonly noDrivingAcknowledged?: boolean;
  /** Recent questionnaire results (any order). */
  readonly questionnaires?: readonly CompletedQuestionnaire[];
  readonly rems?: {
    readonly patientEnrolled?: boolean;
    readonly settingCertified?: boolean;
    readonly prescriberOnSite?: boolean;
    readonly pulseOximeterOnSite?: boolean;
    readonly concomitantMedicationsRecorded?: boolean;
    readonly monitoringForms?: readonly MonitoringFormRecord[];
  };
  readonly consent?: { readonly signedAt: Instant; readonly expiresAt?: Instant; readonly withdrawn?: boolean } | null;
  readonly eligibilityApproved?: boolean;
  readonly pregnant?: boolean;
  readonly baselineLiverTestsDone?: boolean;
}

export interface PreDoseContext {
  readonly route: Route;
  readonly jurisdiction: JurisdictionCode;
  readonly protocol: ProtocolSettings;
  readonly now: Instant;
  readonly patientAgeYears: number;
}

export type ChecklistStatus = 'ok' | 'missing' | 'failed';

export interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  readonly status: ChecklistStatus;
  readonly findings: readonly Finding[];
}

export interface PreDoseResult {
  readonly items: readonly ChecklistItem[];
  readonly findings: readonly Finding[];
  readonly outcome: GateOutcome;
}
