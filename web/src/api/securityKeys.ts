// 安全密钥 (WebAuthn) of one's own staff account, and a sign-in with one
// (server: iam/webauthn-routes.ts). The browser's own prompt is
// @simplewebauthn/browser's; the server's options and the browser's answers
// pass through unchanged.
import { browserSupportsWebAuthn, startAuthentication, startRegistration, type AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { http, ok } from './http';
import type { SecondFactorState } from './secondFactor';

export type SecurityKey = SecondFactorState['securityKeys'][number];

/** Why the browser's prompt did not give a key's answer; each is a message of the dictionaries (`securityKey.problem.*`). */
export type BrowserKeyProblem = 'unsupported' | 'cancelled' | 'alreadyRegistered' | 'domain' | 'failed';

/** A failure of the browser's WebAuthn prompt (not of the server, which answers ApiError). */
export class BrowserKeyError extends Error {
  constructor(readonly problem: BrowserKeyProblem, cause: unknown) {
    super(`security key: ${problem}`, { cause });
    this.name = 'BrowserKeyError';
  }
}

/**
 * Runs the browser's prompt, turning its DOMException names (kept by the
 * library's WebAuthnError) into the problems a person can act on:
 * NotAllowedError is both "cancelled" and "timed out" (browsers do not tell
 * them apart, on purpose), InvalidStateError a key already on the account,
 * SecurityError a page not opened by its domain name.
 */
async function prompt<T>(run: () => Promise<T>): Promise<T> {
  if (!browserSupportsWebAuthn()) throw new BrowserKeyError('unsupported', null);
  try {
    return await run();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const problem: BrowserKeyProblem =
      name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled'
        : name === 'InvalidStateError' ? 'alreadyRegistered'
          : name === 'SecurityError' ? 'domain'
            : name === 'NotSupportedError' ? 'unsupported'
              : 'failed';
    throw new BrowserKeyError(problem, error);
  }
}

export const securityKeyApi = {
  /** The browser creates a key (its own prompt: touch the key, the fingerprint reader…), then the server keeps it under `name`. */
  add: async (name: string) => {
    const optionsJSON = await ok(http.POST('/api/auth/webauthn/registration-options'));
    const response = await prompt(() => startRegistration({ optionsJSON }));
    return ok(http.POST('/api/auth/webauthn/keys', { body: { name, response } }));
  },
  /** Removes one of one's keys; answers the second-factor state without it. */
  remove: (id: string) => ok(http.DELETE('/api/auth/webauthn/keys/{id}', { params: { path: { id } } })),
  /** A sign-in's key answer: the options for the account's keys (the password is checked again), then the browser's prompt. */
  signIn: async (credentials: { username: string; password: string }): Promise<AuthenticationResponseJSON> => {
    const optionsJSON = await ok(http.POST('/api/auth/webauthn/login-options', { body: credentials }));
    return prompt(() => startAuthentication({ optionsJSON }));
  },
};
