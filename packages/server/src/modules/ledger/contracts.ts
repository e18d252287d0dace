/** Types of the ledger API's answers, for the web app (`import type` only). */
import type { z } from 'zod';
import type { CountLineOut, CountOut } from './counts-query';
import type { ContainerOut, EntryBrief, EntryOut, LocationOut, ProductOut } from './presenters';
import type { RulesOut } from './rules-presenter';
import type { LossReportOut, TaskOut } from './tasks-presenter';

export type LedgerProductDto = ProductOut;
export type LedgerLocationDto = LocationOut;
export type LedgerContainerDto = ContainerOut;
export type LedgerEntryDto = EntryOut;
export type LedgerEntryBriefDto = EntryBrief;
export type LedgerRulesDto = RulesOut;
export type LedgerCountDto = CountOut;
export type LedgerCountLineDto = CountLineOut;
export type LedgerLossReportDto = LossReportOut;
export type LedgerTaskDto = TaskOut;
export type LedgerCountKind = z.infer<typeof CountOut>['kind'];
