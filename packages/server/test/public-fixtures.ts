import type { Agent } from './agent';

/** A complete public profile body for PUT /api/public-profile (override parts per test). */
export function profileBody(overrides: Record<string, unknown> = {}, content: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    published: true,
    acceptsConsultationRequests: true,
    publishOutcomes: false,
    sections: { team: { publish: true }, treatments: { publish: true }, safety: { publish: true }, costs: { publish: true } },
    verify: ['team', 'treatments', 'safety', 'costs'],
    content: {
      team: [{ name: 'Dr Ada Quill', role: 'Psychiatrist', licence: 'MD-778899, Test Medical Board', credentials: 'MD', affiliations: 'Test University' }],
      address: { street: '1 Test Street', locality: 'Testville', region: 'TS', postalCode: '12345', country: 'United States' },
      hours: [{ days: ['Mo', 'Tu', 'We'], opens: '09:00', closes: '17:00' }],
      hoursNote: null,
      phone: '+1 555-0142',
      email: 'hello@clinic.example',
      website: 'https://clinic.example',
      emergencyContact: 'Call the clinic line; after hours it reaches the on-call prescriber.',
      emergencyEquipment: ['Oxygen', 'Defibrillator (AED)'],
      emergencyProcedures: 'Dosing stops and the prescriber assesses you.',
      controlledDrugHandling: 'Stored in a locked safe; waste is witnessed.',
      routesOffered: ['iv', 'esketamine_nasal'],
      currency: 'USD',
      prices: [
        { route: 'iv', perSessionMinor: 45000, perCourseMinor: 250000, included: 'Monitoring and a follow-up call.' },
        { route: 'esketamine_nasal', perSessionMinor: null, perCourseMinor: null, included: null },
      ],
      insuranceAccepted: ['Test Health PPO'],
      insuranceNotes: 'IV ketamine is usually self-pay.',
      esketamineCoverageNotes: 'Often covered after prior authorisation.',
      ...content,
    },
    ...overrides,
  };
}

export async function publish(admin: Agent, overrides: Record<string, unknown> = {}, content: Record<string, unknown> = {}) {
  const res = await admin.request('PUT', '/api/public-profile', profileBody(overrides, content));
  if (res.status !== 200) {
    throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** The JSON-LD data block of a page. */
export function jsonLdOf(html: string): any {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m === null ? null : JSON.parse(m[1] ?? 'null');
}
