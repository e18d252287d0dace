import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'unknown'] as const;

export const Medication = z.object({
  name: text(120).min(1, 'Enter the medication name'),
  dose: text(60).optional(),
  frequency: text(60).optional(),
});

/** Fields of a patient record; names and date of birth are required, everything else optional. */
export const PatientFields = z.object({
  legalFirstName: text(80).min(1, 'Enter the legal first name'),
  legalLastName: text(80).min(1, 'Enter the legal last name'),
  preferredName: optionalText(80),
  pronouns: optionalText(40),
  dateOfBirth: z.iso.date({ error: 'Enter the date of birth as YYYY-MM-DD' }),
  sexAtBirth: z.enum(SEX_AT_BIRTH),
  genderIdentity: optionalText(80),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Enter a valid email address' }))
    .nullish()
    .or(z.literal('').transform(() => null)),
  address: optionalText(400),
  emergencyContactName: optionalText(120),
  emergencyContactPhone: optionalText(40),
  emergencyContactRelationship: optionalText(60),
  escortName: optionalText(120),
  escortPhone: optionalText(40),
  referringClinician: optionalText(200),
  insurance: optionalText(1000),
  allergies: z.array(text(120).min(1)).max(50),
  medications: z.array(Medication).max(60),
  remsPatientId: optionalText(60),
  remsEnrolledAt: z.iso.date().nullish(),
});
export type PatientFields = z.infer<typeof PatientFields>;

export const Weight = z.number().min(20, 'Weight below 20 kg: check the units (kg)').max(400, 'Weight above 400 kg: check the units (kg)');
export const Height = z.number().min(90, 'Height below 90 cm: check the units (cm)').max(250, 'Height above 250 cm: check the units (cm)');
