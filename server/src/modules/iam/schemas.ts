import { z } from 'zod';
import { LANGUAGES } from './language.ts';

export const roleSchema = z.enum(['applicant', 'clerk', 'approver', 'manager', 'supervisor', 'admin', 'agency_head', 'government_head', 'supervision_leader', 'audit_admin', 'security_admin']);

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  /** The duty of the role the person acts in now (a session starts in their main role). */
  role: roleSchema,
  /** The role record the person acts in now. */
  roleCode: z.string(),
  /** Every role the person may act in (切换角色), the main one first; empty for applicants. */
  roles: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), base: roleSchema, main: z.boolean() })),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  /** Preferred language: of the screens after sign-in and of the notifications sent to this person. */
  language: z.enum(LANGUAGES),
});

export const registerBody = z.object({
  // Letters, digits, underscore, dot, dash: a name that is safe to show anywhere.
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/),
  // Length, common list and likeness to the name are checked by password-policy.ts (codes per reason).
  password: z.string().min(1).max(128),
  displayName: z.string().trim().min(1).max(50),
  phone: z.string().trim().regex(/^1\d{10}$/).optional(),
  language: z.enum(LANGUAGES).optional(),
});

export const languageBody = z.object({ language: z.enum(LANGUAGES) });

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(128),
  // The policy of the person's role is checked by password-policy.ts (codes per reason).
  newPassword: z.string().min(1).max(128),
});

export const passwordChangeResponse = z.object({
  /** How many other sessions of the person ended (this one stays). */
  sessionsEnded: z.number().int(),
});

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** The authenticator's 6-digit code or a recovery code, when the account has a second factor. */
  code: z.string().trim().min(1).max(20).optional(),
});

export const userResponse = z.object({ user: userSchema });
/** A sign-in's answer; `recoveryCodes` only when this sign-in completed a required enrolment (shown once). */
export const loginResponse = userResponse.extend({ recoveryCodes: z.array(z.string()).optional() });

export const secondFactorStateSchema = z.object({ enrolled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() });
export const enrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const secondFactorCodeBody = z.object({ code: z.string().trim().min(1).max(20) });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const sessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  current: z.boolean(),
});

export const sessionListResponse = z.object({ items: z.array(sessionSchema) });
