/** Jurisdiction profile shape. */
import type { SourceRef } from '../findings/types.js';
import type { JurisdictionCode, Route } from '../protocol/route.js';

export interface PrescribingNote {
  readonly text: string;
  /** Routes the note applies to. */
  readonly routes: readonly Route[];
  readonly source: SourceRef;
}

export interface JurisdictionProfile {
  readonly code: JurisdictionCode;
  readonly name: string;
  readonly ketamineSchedule: { readonly text: string; readonly source: SourceRef };
  readonly esketamine: {
    readonly approved: boolean;
    readonly approvalNote: string;
    /** US Spravato REMS applies (patient enrolment, certified setting, monitoring form). */
    readonly remsApplies: boolean;
    /** Licensed only together with an SSRI/SNRI; `null` = not stated in the reference. */
    readonly requiresSsriOrSnri: boolean | null;
    readonly source: SourceRef;
  };
  readonly offLabelRacemic: { readonly note: string; readonly source: SourceRef };
  readonly records: {
    readonly retentionYears: number | null;
    readonly inventoryIntervalMonths: number | null;
    readonly initialInventoryRequired: boolean | null;
    /** Witnesses for routine partial-dose waste; `null` = not confirmed. */
    readonly wasteWitnessesRequired: number | null;
    readonly destructionWitnesses: number | null;
    readonly theftLossInitialNoticeBusinessDays: number | null;
    readonly theftLossReportDays: number | null;
    readonly notes: readonly string[];
    readonly source: SourceRef;
  };
  /** Default crisis line shown to patients; `null` = the clinic must configure it (never invented). */
  readonly crisisLine: { readonly number: string | null; readonly name: string | null; readonly configurable: true; readonly source: SourceRef | null };
  readonly prescribingNotes: readonly PrescribingNote[];
  /** Items in this profile the reference marks UNCONFIRMED or CONFLICT. */
  readonly unconfirmed: readonly string[];
}
