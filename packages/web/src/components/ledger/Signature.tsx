import { ApiError } from '../../api/client';
import { Field } from '../Field';

export interface SignatureValue {
  password: string;
  totpCode: string;
}
export interface WitnessValue {
  email: string;
  password: string;
  totpCode: string;
}
export const EMPTY_SIGNATURE: SignatureValue = { password: '', totpCode: '' };
export const EMPTY_WITNESS: WitnessValue = { email: '', password: '', totpCode: '' };

/** The body fields of a signature: the code only when one was typed. */
export function signatureBody(v: SignatureValue): { password: string; totpCode?: string } {
  return v.totpCode.trim() === '' ? { password: v.password } : { password: v.password, totpCode: v.totpCode.trim() };
}

export function witnessBody(v: WitnessValue): { email: string; password: string; totpCode?: string } {
  return { email: v.email.trim(), ...signatureBody(v) };
}

const fe = (error: unknown, path: string): string | undefined => (error instanceof ApiError ? error.fieldError(path) : undefined);

/** The person doing it signs with their own password (and code when they use two-step sign-in). */
export function MySignature({ value, onChange, mfa, error }: { value: SignatureValue; onChange: (v: SignatureValue) => void; mfa: boolean; error: unknown }) {
  return (
    <fieldset className="signature">
      <legend>Your signature</legend>
      <div className="form-row">
        <Field label="Your password" type="password" autoComplete="current-password" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} error={fe(error, 'password')} />
        {mfa && <Field label="Your 6-digit code" inputMode="numeric" autoComplete="one-time-code" value={value.totpCode} onChange={(e) => onChange({ ...value, totpCode: e.target.value })} error={fe(error, 'totpCode')} />}
      </div>
    </fieldset>
  );
}

/** A second member of staff types their own credentials on this screen. */
export function WitnessFields({ value, onChange, error, prefix = 'Witness', path = 'witness' }: { value: WitnessValue; onChange: (v: WitnessValue) => void; error: unknown; prefix?: string; path?: string }) {
  return (
    <fieldset className="signature witness">
      <legend>{prefix}: a second member of staff signs here</legend>
      <div className="form-row">
        <Field label={`${prefix} email`} type="email" autoComplete="off" value={value.email} onChange={(e) => onChange({ ...value, email: e.target.value })} error={fe(error, `${path}.email`)} />
        <Field label={`${prefix} password`} type="password" autoComplete="off" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} error={fe(error, `${path}.password`)} />
        <Field
          label={`${prefix} code (if they use two-step sign-in)`}
          inputMode="numeric"
          autoComplete="off"
          value={value.totpCode}
          onChange={(e) => onChange({ ...value, totpCode: e.target.value })}
          error={fe(error, `${path}.totpCode`)}
        />
      </div>
    </fieldset>
  );
}

/** Say whose signature failed: the title of REAUTH_FAILED is about the signed-in user, but a witness may be the one who mistyped. */
export function signatureError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'REAUTH_FAILED') {
    return error;
  }
  const witness = error.fields.length > 0 && error.fields.every((f) => /^body\.witness/.test(f.path));
  return new ApiError(error.status, {
    code: error.code,
    title: witness ? 'The witness could not be confirmed' : 'Your password or code is not right',
    detail: witness ? 'Ask the witness to type their email, password and code again.' : 'Type your own password (and code) again to sign.',
    errors: [...error.fields],
  });
}
