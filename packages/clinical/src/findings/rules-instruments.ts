/** Rules raised while scoring instruments. */
import { rule, type RuleDef } from './rule-def.js';

const I = 'instruments';

export const INSTRUMENT_RULES = {
  PHQ9_ITEM9_POSITIVE: rule(I, 'block', 'PHQ-9 item 9 scored above 0: same-day C-SSRS screen required before dosing', 'phq9_item9'),
  GAD7_FURTHER_EVALUATION: rule(I, 'info', 'GAD-7 total 10 or more: further evaluation for anxiety', 'gad7'),
  CSSRS_HIGH_RISK: rule(I, 'override', 'C-SSRS: yes to Q4 or Q5 (past month) or suicidal behaviour in the past 3 months — safety precautions and mental-health evaluation before dosing', 'cssrs_triage'),
  CSSRS_MODERATE_RISK: rule(I, 'warn', 'C-SSRS: yes to Q3 or lifetime suicidal behaviour — referral and crisis resources', 'cssrs_triage'),
  CSSRS_LOW_RISK: rule(I, 'warn', 'C-SSRS: yes to Q1 or Q2 only — referral and crisis resources', 'cssrs_triage'),
  CADSS_DISSOCIATION_PRESENT: rule(I, 'warn', 'CADSS total above the dissociation limit and above the pre-dose score', 'cadss', ['discharge.cadssMax']),
  MOAAS_MODERATE_SEDATION: rule(I, 'warn', 'MOAA/S 3 or lower: moderate or deeper sedation', 'moaas'),
  MOAAS_UNRESPONSIVE: rule(I, 'block', 'MOAA/S 0: no response to painful stimulus (loss of consciousness)', 'moaas'),
  URINARY_RED_FLAG_SYMPTOMS: rule(I, 'warn', 'Urinary screen: dysuria, haematuria or urgency reported — escalate', 'urinary_screen'),
  URINARY_SYMPTOMS_REPORTED: rule(I, 'info', 'Urinary screen: frequency or suprapubic pain reported', 'urinary_screen'),
  MISUSE_NONPRESCRIBED_USE: rule(I, 'override', 'Misuse check: ketamine or similar drugs used outside the clinic', 'misuse_check'),
  MISUSE_INDICATORS_PRESENT: rule(I, 'warn', 'Misuse check: craving, dose-seeking, between-session symptoms or withdrawal reported', 'misuse_check'),
} as const satisfies Record<string, RuleDef>;
