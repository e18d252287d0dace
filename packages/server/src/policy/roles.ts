export const STAFF_ROLES = ['admin', 'prescriber', 'nurse', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Clinic administrator',
  prescriber: 'Prescriber',
  nurse: 'Monitoring nurse',
  front_desk: 'Front desk',
};

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
