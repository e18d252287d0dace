import { clinicPublicProfiles } from '../../../db/schema';
import type { Queryable } from '../../../db/types';
import { localDateOf } from '../../../lib/zoned';
import { ProfileContent, SECTION_KEYS, type Sections } from './schemas';

/**
 * The demo clinic's public page: complete and clearly synthetic. The phone number is in the 555-01xx range
 * reserved for fiction, the email domain is .invalid, and every entered statement says "(demo)". The one
 * price (IV, $450 a session) lies inside the ranges in the clinical reference §8.
 */
export const DEMO_PROFILE_CONTENT: ProfileContent = ProfileContent.parse({
  team: [
    { name: 'Dr Priya Shah (demo)', role: 'Psychiatrist and medical director', licence: 'DEMO-MD-000123, Demo State Medical Board (synthetic)', credentials: 'MD, board-certified psychiatrist (demo)', affiliations: 'Riverside Demo Hospital (synthetic)' },
    { name: 'Sam Okafor RN (demo)', role: 'Monitoring nurse', licence: 'DEMO-RN-000456, Demo State Board of Nursing (synthetic)', credentials: 'RN, Advanced Cardiovascular Life Support certified (demo)', affiliations: null },
    { name: 'Jordan Lee (demo)', role: 'Patient coordinator', licence: null, credentials: null, affiliations: null },
  ],
  address: { street: '100 Example Avenue, Suite 2 (demo address)', locality: 'Riverside', region: 'Demo State', postalCode: '00000', country: 'United States' },
  hours: [{ days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '08:00', closes: '17:00' }],
  hoursNote: 'Closed on public holidays (demo).',
  phone: '+1 555-0100',
  email: 'hello@demo.ketapath.invalid',
  website: null,
  emergencyContact: 'During opening hours, call the clinic. Outside opening hours, the clinic phone line reaches the on-call prescriber (demo).\nIn a medical emergency, call your local emergency number.',
  emergencyEquipment: ['Oxygen and masks', 'Automated external defibrillator (AED)', 'Emergency cart with airway equipment', 'Blood pressure, oxygen and ECG monitors in every room', 'Infusion pumps', 'Call bell in every room'],
  emergencyProcedures: 'A prescriber trained in advanced life support is on site during every session (demo). If you become unwell, dosing stops, the prescriber assesses you, and staff call emergency services if needed. Staff practise the emergency plan regularly (demo).',
  controlledDrugHandling: 'Ketamine and esketamine are kept in a locked safe in the treatment area. Every vial received, dose given and amount wasted is recorded, and waste is witnessed by a second licensed staff member (demo).',
  routesOffered: ['iv', 'esketamine_nasal'],
  currency: 'USD',
  prices: [
    { route: 'iv', perSessionMinor: 45_000, perCourseMinor: null, included: 'Check-in assessment, the infusion, monitoring until you leave, and a follow-up call the next day (demo).' },
    { route: 'esketamine_nasal', perSessionMinor: null, perCourseMinor: null, included: 'Monitoring for at least two hours; billed to insurance where covered (demo).' },
  ],
  insuranceAccepted: ['Demo Health PPO (synthetic)', 'Example Mutual (synthetic)'],
  insuranceNotes: 'IV ketamine is usually not covered by insurance. We give you a receipt you can send to your insurer (demo).',
  esketamineCoverageNotes: 'Esketamine nasal spray is more often covered, usually after your insurer approves it first. We help with the approval request (demo).',
});

/** Give the demo clinic its public page (published, taking requests) unless it already has one. */
export async function seedDemoPublicProfile(q: Queryable, clinic: { id: string; timeZone: string }, now: Date): Promise<void> {
  const today = localDateOf(now, clinic.timeZone);
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, { publish: true, verifiedOn: today }])) as Sections;
  await q
    .insert(clinicPublicProfiles)
    .values({ clinicId: clinic.id, published: true, acceptsConsultationRequests: true, publishOutcomes: true, sections, content: DEMO_PROFILE_CONTENT, updatedAt: now, updatedBy: null })
    .onConflictDoNothing();
}
