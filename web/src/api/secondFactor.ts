// 两步验证 of one's own staff account (server: iam/second-factor-routes.ts).
import { http, ok } from './http';
import type { ResponseOf } from './types';

export type SecondFactorState = ResponseOf<'/api/auth/second-factor'>;
/** What an authenticator app scans: the secret as a QR code (SVG) and as text. */
export type Enrolment = ResponseOf<'/api/auth/second-factor/setup', 'post'>;

export const secondFactorApi = {
  state: () => ok(http.GET('/api/auth/second-factor')),
  setup: () => ok(http.POST('/api/auth/second-factor/setup')),
  /** The first code from the app turns it on; the answer's recovery codes are shown once. */
  confirm: (code: string) => ok(http.POST('/api/auth/second-factor/confirm', { body: { code } })),
  replaceRecoveryCodes: (code: string) => ok(http.POST('/api/auth/second-factor/recovery-codes', { body: { code } })),
  disable: (code: string) => ok(http.POST('/api/auth/second-factor/disable', { body: { code } })),
};

/** The enrolment an ENROLMENT_REQUIRED sign-in answer carries in its details, if it is one. */
export function enrolmentOf(details: unknown): Enrolment | null {
  const d = details as Partial<Enrolment> | null | undefined;
  return d && typeof d.secret === 'string' && typeof d.qrSvg === 'string' && typeof d.otpauthUri === 'string' ? (d as Enrolment) : null;
}

/** How an account proves the second factor at sign-in, from a SECOND_FACTOR_REQUIRED answer's details (the app alone when absent). */
export type SecondFactorMethod = 'totp' | 'webauthn';

export function methodsOf(details: unknown): SecondFactorMethod[] {
  const given = (details as { methods?: unknown } | null | undefined)?.methods;
  const methods = Array.isArray(given) ? given.filter((m): m is SecondFactorMethod => m === 'totp' || m === 'webauthn') : [];
  return methods.length ? methods : ['totp'];
}
