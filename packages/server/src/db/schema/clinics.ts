import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  mfaRequiredRoles: text('mfa_required_roles').array().notNull().default(['admin', 'prescriber']),
  staffIdleMinutes: integer('staff_idle_minutes'),
  protocolOverrides: jsonb('protocol_overrides').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
