import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A security key in software for server tests: an ES256 (P-256) key pair
 * that answers WebAuthn ceremonies as a browser would pass them on, with
 * `none` attestation (W3C WebAuthn §6.5, §8.7). It builds the bytes the
 * spec defines — authenticator data, CBOR attestation object, client data
 * JSON, a DER ECDSA signature — so the server library checks real
 * responses; each field can be bent to test a refusal.
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly cosePublicKey: Uint8Array;
  /** The signature counter; every assertion counts up first unless told the value. */
  counter = 0;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    this.cosePublicKey = isoCBOR.encode(new Map<number, number | Uint8Array>([
      [1, 2], [3, -7], [-1, 1], [-2, isoBase64URL.toBuffer(jwk.x!)], [-3, isoBase64URL.toBuffer(jwk.y!)],
    ]));
  }

  get id(): string {
    return isoBase64URL.fromBuffer(new Uint8Array(this.credentialId));
  }

  /** The answer to registration options: `challenge` and `origin` as the browser would report them. */
  register(opts: { rpId: string; challenge: string; origin: string }) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    // Flags: user present (0x01), attested credential data included (0x40).
    const authData = Buffer.concat([
      rpIdHash(opts.rpId), Buffer.from([0x41]), counterBytes(this.counter), Buffer.alloc(16), idLength, this.credentialId, this.cosePublicKey,
    ]);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', new Uint8Array(authData)]]) as Parameters<typeof isoCBOR.encode>[0]);
    return {
      id: this.id, rawId: this.id, type: 'public-key' as const, clientExtensionResults: {},
      response: {
        clientDataJSON: clientData('webauthn.create', opts.challenge, opts.origin),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ['usb'],
      },
    };
  }

  /** The answer to authentication options, signed with this key (or `signWith`), counting up unless `counter` is given. */
  assert(opts: { rpId: string; challenge: string; origin: string; counter?: number; signWith?: SoftwareAuthenticator }) {
    this.counter = opts.counter ?? this.counter + 1;
    const authData = Buffer.concat([rpIdHash(opts.rpId), Buffer.from([0x01]), counterBytes(this.counter)]);
    const clientDataJSON = clientData('webauthn.get', opts.challenge, opts.origin);
    const signed = Buffer.concat([authData, createHash('sha256').update(isoBase64URL.toBuffer(clientDataJSON)).digest()]);
    const signature = sign('sha256', signed, (opts.signWith ?? this).privateKey);
    return {
      id: this.id, rawId: this.id, type: 'public-key' as const, clientExtensionResults: {},
      response: {
        clientDataJSON, authenticatorData: isoBase64URL.fromBuffer(new Uint8Array(authData)), signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
      },
    };
  }
}

const rpIdHash = (rpId: string): Buffer => createHash('sha256').update(rpId).digest();

function counterBytes(counter: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(counter);
  return b;
}

function clientData(type: string, challenge: string, origin: string): string {
  return isoBase64URL.fromUTF8String(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}
