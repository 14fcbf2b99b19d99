import { z } from 'zod';
import { LANGUAGES } from './language.ts';
import { TRANSPORTS } from './webauthn.ts';

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

// Security keys (WebAuthn, webauthn.ts). The options are the W3C
// PublicKeyCredential*OptionsJSON the browser library takes as they are; the
// responses are what it gives back (base64url fields), checked in full by the
// server library, so the schemas hold their shape and no more.
const transport = z.enum(TRANSPORTS);
const userVerification = z.enum(['required', 'preferred', 'discouraged']);
const hints = z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional();
const extensionInputs = z.object({ appid: z.string().optional(), credProps: z.boolean().optional(), hmacCreateSecret: z.boolean().optional(), minPinLength: z.boolean().optional() }).optional();
const credentialDescriptor = z.object({ id: z.string(), type: z.literal('public-key'), transports: z.array(transport).optional() });
export const securityKeySchema = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export const registrationOptionsSchema = z.object({
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number() })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(credentialDescriptor).optional(),
  authenticatorSelection: z.object({
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    requireResidentKey: z.boolean().optional(),
    residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
    userVerification: userVerification.optional(),
  }).optional(),
  hints,
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  attestationFormats: z.array(z.enum(['fido-u2f', 'packed', 'android-safetynet', 'android-key', 'tpm', 'apple', 'none'])).optional(),
  extensions: extensionInputs,
});
export const authenticationOptionsSchema = z.object({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptor).optional(),
  userVerification: userVerification.optional(),
  hints,
  extensions: extensionInputs,
});
const b64url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+=*$/);
const credentialResponse = {
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  clientExtensionResults: z.object({ appid: z.boolean().optional(), credProps: z.object({ rk: z.boolean().optional() }).optional(), hmacCreateSecret: z.boolean().optional() }).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};
export const registrationResponseSchema = z.object({
  ...credentialResponse,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    // A browser may know transports newer than this list: those are left out rather than refused.
    transports: z.array(z.string().max(32)).max(10).optional()
      .transform((ts) => ts?.filter((t): t is z.infer<typeof transport> => transport.safeParse(t).success)),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
});
export const authenticationResponseSchema = z.object({
  ...credentialResponse,
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
});
export const securityKeyBody = z.object({
  /** The person's own label for the key, e.g. 办公电脑指纹. */
  name: z.string().trim().min(1).max(40),
  response: registrationResponseSchema,
});

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** The authenticator's 6-digit code or a recovery code, when the account has a second factor. */
  code: z.string().trim().min(1).max(20).optional(),
  /** Instead of `code`: a security key's answer to the options of POST /api/auth/webauthn/login-options. */
  webauthn: authenticationResponseSchema.optional(),
});
/** The password step alone: what a security key's sign-in options are asked with. */
export const securityKeyOptionsBody = loginBody.pick({ username: true, password: true });

export const userResponse = z.object({ user: userSchema });
/** A sign-in's answer; `recoveryCodes` only when this sign-in completed a required enrolment (shown once). */
export const loginResponse = userResponse.extend({ recoveryCodes: z.array(z.string()).optional() });

export const secondFactorStateSchema = z.object({
  enrolled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int(), securityKeys: z.array(securityKeySchema),
});
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

