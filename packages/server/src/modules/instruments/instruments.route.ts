import { INSTRUMENT_IDS, INSTRUMENTS, type InstrumentId } from '@ketapath/clinical';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

const Option = z.object({ label: z.string(), score: z.number() });
const Item = z.object({ id: z.string(), name: z.string(), text: z.string().nullable(), options: z.array(Option), yesNo: z.boolean(), scored: z.boolean(), required: z.boolean(), showIf: z.unknown().nullable(), domain: z.string().nullable() });
export const InstrumentOut = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  kind: z.enum(['patient', 'clinician']),
  recallPeriod: z.string().nullable(),
  instructions: z.string().nullable(),
  items: z.array(Item),
  scoreRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  bands: z.array(z.object({ min: z.number(), max: z.number(), key: z.string(), label: z.string() })),
  licence: z.string(),
  wordingReproduced: z.boolean(),
  source: z.string(),
});

export const instrumentRoute = defineRoute({
  method: 'GET',
  url: '/api/instruments/:id',
  access: { action: 'protocol.read', tablet: true },
  summary: 'An instrument definition (items, answer options, bands) as the clinical core scores it, for forms to render',
  description: 'Item wording is included only where the instrument may be reproduced (`wordingReproduced`); otherwise items carry a short name.',
  tags: ['Instruments'],
  schema: { params: z.object({ id: z.enum(INSTRUMENT_IDS) }), response: { 200: InstrumentOut } },
  async handler({ params }) {
    return Promise.resolve(presentInstrument(params.id));
  },
});

/** An instrument as forms render it (shared with the patient portal). */
export function presentInstrument(id: InstrumentId): z.infer<typeof InstrumentOut> {
  const d = INSTRUMENTS[id];
  return {
      id: d.id,
      version: d.version,
      title: d.title,
      kind: d.kind,
      recallPeriod: d.recallPeriod,
      instructions: d.instructions ?? null,
      items: d.items.map((i) => ({ id: i.id, name: i.name, text: i.text ?? null, options: i.options.map((o) => ({ ...o })), yesNo: i.yesNo ?? false, scored: i.scored, required: i.required, showIf: i.showIf ?? null, domain: i.domain ?? null })),
      scoreRange: d.scoreRange,
      bands: d.bands.map((b) => ({ ...b })),
      licence: d.licence.note,
      wordingReproduced: d.wordingReproduced,
      source: d.source.citation,
  };
}
