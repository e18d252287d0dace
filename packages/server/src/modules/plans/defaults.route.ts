import { INSTRUMENTS, type InstrumentId } from '@ketapath/clinical';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { loadClinic } from '../clinic/load';
import { clinicProtocol } from '../protocol/load';
import { followUpSummary } from './facts';
import { DEFAULT_FOLLOW_UPS, DEFAULT_MEASUREMENT_PLAN, FOLLOW_UP_ITEMS, MEASUREMENT_TIMINGS, MeasurementItem } from './schemas';

export const planDefaultsRoute = defineRoute({
  method: 'GET',
  url: '/api/plans/defaults',
  access: { action: 'plan.read' },
  summary: 'What a new plan starts from: the default measurement plan, follow-up items with their protocol intervals, and the instruments',
  tags: ['Treatment plans'],
  schema: {
    response: {
      200: z.object({
        measurementPlan: z.array(MeasurementItem),
        timings: z.array(z.string()),
        followUps: z.array(z.object({ id: z.string(), label: z.string(), interval: z.string(), default: z.boolean() })),
        instruments: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
        doseDefaults: z.object({ ivMgPerKg: z.number(), ivInfusionMinutes: z.number(), imMgPerKg: z.number(), oralStartMg: z.number(), sublingualMg: z.number(), esketamineDosesMg: z.array(z.number()) }),
      }),
    },
  },
  async handler({ deps, actor }) {
    const p = clinicProtocol(await loadClinic(deps.db, actor().clinicId)).protocol;
    return {
      measurementPlan: DEFAULT_MEASUREMENT_PLAN,
      timings: [...MEASUREMENT_TIMINGS],
      followUps: followUpSummary([...FOLLOW_UP_ITEMS], p).map((f) => ({ ...f, default: (DEFAULT_FOLLOW_UPS as string[]).includes(f.id) })),
      instruments: (Object.keys(INSTRUMENTS) as InstrumentId[]).map((id) => ({ id, title: INSTRUMENTS[id].title, kind: INSTRUMENTS[id].kind })),
      doseDefaults: { ivMgPerKg: p.iv.defaultMgPerKg, ivInfusionMinutes: p.iv.infusionMinutes, imMgPerKg: p.im.defaultMgPerKg, oralStartMg: p.oral.startMg, sublingualMg: p.sublingual.defaultMg, esketamineDosesMg: [...p.esketamine.allowedDosesMg] },
    };
  },
});
