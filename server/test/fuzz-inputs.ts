import fc from 'fast-check';

/**
 * Input generators for the write-route fuzz suite: values shaped by a route's
 * JSON Schema (from the OpenAPI document) with hostile values mixed in at
 * every level, so a request is mostly valid and wrong in one place as often
 * as it is wrong everywhere.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  nullable?: boolean;
};

const MB = 1024 * 1024;

/** Strings that have broken servers: NUL, lone surrogates, bidi and zero-width controls, huge, injection-shaped. */
export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\uDBFF', 'invoice\u202Efdp.exe', '\u2066\u2069\u200F', '\u200B\u200C\u200D\uFEFF',
    '', ' ', '\t\n\r', '\u3000', "'; DROP TABLE cases; --", '<script>alert(1)</script>', '../../../etc/passwd', '%00%ff', '\\u0000',
    '{{7*7}}', '${process.exit()}', '0', '-1', 'null', 'true', '9'.repeat(400), 'ZZZZZZ-999999-999999', '2026-02-30', '99999-12-31',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // About 1 MB: under and over the body limit once encoded (3 bytes per CJK character).
  fc.constantFrom('x'.repeat(MB - 4096), '长'.repeat(MB / 2)),
);

/** Numbers at the edges of every range a route might check. */
export const edgeNumbers: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 1e-7),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

/** Any hostile JSON value: strings, numbers, wrong types, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: edgeNumbers },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], JSON.parse('{"__proto__": {"admin": true}}') as unknown, { constructor: { prototype: { x: 1 } } }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(64), nested(1000), nested(2500)) },
  { weight: 1, arbitrary: fc.array(hostileStrings, { maxLength: 3 }) },
);

export interface Resolver {
  ref(ref: string): JsonSchema;
  /** Real ids of rows, so a request reaches past "not found". */
  ids: readonly string[];
  /**
   * 'anywhere': any value may be replaced by a hostile one (wrong types, nesting);
   * 'strings': the shape stays valid and only strings turn hostile, so the input gets past validation to the code behind it.
   */
  hostility: 'anywhere' | 'strings';
}

const uuidArb = (r: Resolver): fc.Arbitrary<string> =>
  r.ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...r.ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();

function stringFor(s: JsonSchema, r: Resolver): fc.Arbitrary<string> {
  const clean = cleanString(s, r);
  return r.hostility === 'strings' && s.format !== 'uuid' && !s.enum ? fc.oneof({ weight: 2, arbitrary: clean }, { weight: 1, arbitrary: hostileStrings }) : clean;
}

function cleanString(s: JsonSchema, r: Resolver): fc.Arbitrary<string> {
  if (s.format === 'uuid') return uuidArb(r);
  if (s.format === 'date') return fc.constantFrom('2026-09-24', '2026-10-01', '2026-02-29', '1970-01-01', '2100-12-31');
  if (s.format === 'date-time') return fc.constantFrom('2026-09-24T02:00:00Z', '2026-09-24T02:00:00.000+08:00', '1970-01-01T00:00:00Z');
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      // A pattern JS cannot compile: fall through to plain strings.
    }
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 60));
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
    fc.constantFrom('a'.repeat(min), 'a'.repeat(Math.max(0, min - 1)), 'a'.repeat((s.maxLength ?? 200) + 1)),
  );
}

function numberFor(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const edges = [s.minimum, s.maximum, s.minimum !== undefined ? s.minimum - 1 : undefined, s.maximum !== undefined ? s.maximum + 1 : undefined]
    .filter((n): n is number => n !== undefined);
  const inRange = integer
    ? fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) })
    : fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
  return edges.length ? fc.oneof(inRange, fc.constantFrom(...edges)) : inRange;
}

/** The well-typed value for `s`, whose parts are themselves sometimes hostile. */
function shaped(s: JsonSchema, r: Resolver, depth: number): fc.Arbitrary<unknown> {
  if (s.$ref) return shaped(r.ref(s.$ref), r, depth);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => valueFor(u, r, depth)));
  if (s.allOf?.length) return valueFor(s.allOf[0]!, r, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string': return stringFor(s, r);
    case 'integer': return numberFor(s, true);
    case 'number': return numberFor(s, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(valueFor(s.items ?? {}, r, depth + 1), { minLength: Math.min(s.minItems ?? 0, 3), maxLength: Math.min(s.maxItems ?? 3, 3) });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      // Optional keys come and go; a missing required key comes from the hostile alternative in valueFor.
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of props) record[k] = valueFor(p, r, depth + 1);
      const base = fc.record(record, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
      const extra = s.additionalProperties && typeof s.additionalProperties === 'object'
        ? fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), hostileStrings.filter((x) => x.length < 100)), valueFor(s.additionalProperties, r, depth + 1), { maxKeys: 3 })
        : fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', '\u0000'), hostileValue, { maxKeys: 1 }));
      return fc.tuple(base, extra).map(([b, e]) => ({ ...e, ...b }));
    }
    default: return hostileValue;
  }
}

/** Mostly a value of the schema's shape; with hostility 'anywhere', one time in five something hostile in its place. */
export function valueFor(s: JsonSchema, r: Resolver, depth = 0): fc.Arbitrary<unknown> {
  if (r.hostility === 'strings') return shaped(s, r, depth);
  return fc.oneof({ weight: 4, arbitrary: shaped(s, r, depth) }, { weight: 1, arbitrary: hostileValue });
}

/** A path parameter: a real id, a value matching its pattern, or a hostile string (URL-encoded by the caller). */
export function pathParamFor(s: JsonSchema, r: Resolver): fc.Arbitrary<string> {
  if (r.hostility === 'strings') return cleanString(s, r);
  return fc.oneof({ weight: 4, arbitrary: cleanString(s, r) }, { weight: 1, arbitrary: hostileStrings.filter((x) => x.length < 2000) });
}
