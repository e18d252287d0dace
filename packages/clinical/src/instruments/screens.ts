/**
 * Ketapath's own yes/no safety checklists, written from the reference's suggested rules (not validated instruments):
 * urinary symptom screen (§6.2) and misuse/craving check (§6.5).
 */
import { SOURCES } from '../findings/sources.js';
import { yesNoItem } from './common.js';
import type { InstrumentDefinition } from './types.js';

export const URINARY_SCREEN: InstrumentDefinition = {
  id: 'urinary_screen',
  version: 'Ketapath urinary symptom screen v1 (reference §6.2 suggested rule)',
  title: 'Bladder and urinary symptom check',
  kind: 'patient',
  recallPeriod: 'since the last visit',
  instructions: 'Since your last visit, have you had any of the following?',
  items: [
    yesNoItem('frequency', 'Frequency', 'Needing to pass urine much more often than usual'),
    yesNoItem('urgency', 'Urgency', 'A sudden, strong need to pass urine that is hard to hold'),
    yesNoItem('dysuria', 'Dysuria', 'Pain or burning when passing urine'),
    yesNoItem('haematuria', 'Haematuria', 'Blood in your urine'),
    yesNoItem('suprapubic_pain', 'Suprapubic pain', 'Pain in the lower tummy, above the pubic bone'),
  ],
  scoring: 'count_yes',
  scoreRange: { min: 0, max: 5 },
  bands: [
    { min: 0, max: 0, key: 'negative', label: 'No symptoms' },
    { min: 1, max: 5, key: 'positive', label: 'Symptoms reported' },
  ],
  cutoffs: {},
  licence: { note: 'Ketapath wording (Apache-2.0). Not a validated questionnaire; a specific screening tool is UNCONFIRMED in the reference.' },
  wordingReproduced: true,
  source: SOURCES.urinary_screen,
};

export const MISUSE_CHECK: InstrumentDefinition = {
  id: 'misuse_check',
  version: 'Ketapath misuse/craving check v1 (reference §6.5)',
  title: 'Ketamine misuse and craving check',
  kind: 'patient',
  recallPeriod: 'since the last visit',
  instructions: 'Since your last visit:',
  items: [
    yesNoItem('nonprescribed_use', 'Non-prescribed use', 'Have you used ketamine or a similar drug outside this clinic?'),
    yesNoItem('craving', 'Craving', 'Have you had strong urges or cravings to take ketamine between sessions?'),
    yesNoItem('dose_seeking', 'Dose-seeking', 'Have you wanted sessions sooner or a higher dose than planned, for the feeling rather than your mood?'),
    yesNoItem('between_session_symptoms', 'Between-session symptoms', 'Between sessions, have you had anxiety, very low or irritable mood, confusion, trouble sleeping, flashbacks, hallucinations, or a floating/detached feeling?'),
    yesNoItem('withdrawal', 'Withdrawal', 'Have you felt unwell when a session was delayed or missed?'),
  ],
  scoring: 'count_yes',
  scoreRange: { min: 0, max: 5 },
  bands: [
    { min: 0, max: 0, key: 'negative', label: 'No indicators' },
    { min: 1, max: 5, key: 'positive', label: 'Indicators reported' },
  ],
  cutoffs: {},
  licence: { note: 'Ketapath wording (Apache-2.0). Not a validated questionnaire; validated tools (AUDIT, DAST-10) are UNCONFIRMED for ketamine clinics.' },
  wordingReproduced: true,
  source: SOURCES.misuse_check,
};
