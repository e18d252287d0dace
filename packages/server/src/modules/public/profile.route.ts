import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { clinicPublicProfiles } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { presentProfile, PublicProfileOut } from './profile/presenters';
import { loadProfile } from './profile/repo';
import { ProfileContent, SECTION_KEYS, type Sections } from './profile/schemas';

export const getPublicProfileRoute = defineRoute({
  method: 'GET',
  url: '/api/public-profile',
  access: { action: 'public_profile.read' },
  summary: "This clinic's public page settings and content",
  description: 'What the clinic publishes at /c/<slug>: publish switches, per-section "last checked" dates and the entered details. Nothing here is patient data.',
  tags: ['Public page'],
  schema: { response: { 200: PublicProfileOut } },
  async handler({ deps, actor }) {
    const clinic = await loadClinic(deps.db, actor().clinicId);
    return presentProfile(clinic, await loadProfile(deps.db, clinic), deps.config.publicUrl);
  },
});

const SectionSwitch = z.object({ publish: z.boolean() });

export const updatePublicProfileRoute = defineRoute({
  method: 'PUT',
  url: '/api/public-profile',
  access: { action: 'public_profile.update' },
  summary: "Replace this clinic's public page settings and content",
  description:
    'Send the whole profile. `verify` lists the sections the administrator has just checked: their "last checked" date becomes today (clinic time). Prices are in minor units (cents). The opt-in `publishOutcomes` is stored; outcomes appear only once outcome data exists. Audited (field names only).',
  tags: ['Public page'],
  schema: {
    body: z.object({
      published: z.boolean(),
      acceptsConsultationRequests: z.boolean(),
      publishOutcomes: z.boolean(),
      sections: z.object({ team: SectionSwitch, treatments: SectionSwitch, safety: SectionSwitch, costs: SectionSwitch }),
      verify: z.array(z.enum(SECTION_KEYS)).max(SECTION_KEYS.length).default([]),
      content: ProfileContent,
    }),
    response: { 200: PublicProfileOut },
  },
  async handler({ body, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const clinic = await loadClinic(tx, me.clinicId);
      const before = await loadProfile(tx, clinic);
      const today = localDateOf(now, clinic.timeZone);
      const sections = Object.fromEntries(
        SECTION_KEYS.map((k) => [k, { publish: body.sections[k].publish, verifiedOn: body.verify.includes(k) ? today : before.sections[k].verifiedOn }]),
      ) as Sections;
      const row = {
        published: body.published,
        acceptsConsultationRequests: body.acceptsConsultationRequests,
        publishOutcomes: body.publishOutcomes,
        sections,
        content: body.content,
        updatedAt: now,
        updatedBy: me.userId,
      };
      await tx
        .insert(clinicPublicProfiles)
        .values({ clinicId: clinic.id, ...row })
        .onConflictDoUpdate({ target: clinicPublicProfiles.clinicId, set: row });
      const changed = [
        ...(['published', 'acceptsConsultationRequests', 'publishOutcomes'] as const).filter((k) => before[k] !== body[k]),
        ...SECTION_KEYS.filter((k) => before.sections[k].publish !== sections[k].publish).map((k) => `sections.${k}`),
        ...(Object.keys(body.content) as (keyof ProfileContent)[]).filter((k) => JSON.stringify(before.content[k]) !== JSON.stringify(body.content[k])).map((k) => `content.${k}`),
      ];
      await recordAudit(tx, {
        action: 'public_profile.updated',
        outcome: 'success',
        clinicId: clinic.id,
        actor: me,
        resourceType: 'public_profile',
        resourceId: clinic.id,
        details: { fields: changed, verified: [...body.verify], published: body.published },
        meta,
        at: now,
      });
      return presentProfile(clinic, { ...row, sections, content: body.content, updatedBy: me.userId }, deps.config.publicUrl);
    });
  },
});
