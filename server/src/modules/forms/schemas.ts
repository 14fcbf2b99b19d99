import { z } from 'zod';

/**
 * A FormSpec on the wire. Its inside is checked by checkFormSpec (shared/forms),
 * which names the broken field; zod only bounds the shape and size here.
 */
export const formSpecSchema = z.object({
  schema: z.record(z.string(), z.unknown()),
  layout: z.array(z.record(z.string(), z.unknown())).max(400),
}).meta({ description: 'FormSpec: JSON Schema 2020-12 object (x-widget, x-showIf … extensions) + layout; see ARCHITECTURE.md, Forms' });

export const checkFormBody = z.object({ form: z.unknown() });
export const specProblemsSchema = z.object({
  problems: z.array(z.object({ field: z.string().nullable(), code: z.string() })),
});

const cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
/** Submitted form data: field → value, a table being a list of rows. validateFormData judges the rest. */
export const formDataSchema = z.record(z.string().max(64), z.union([cell, z.array(z.record(z.string().max(64), cell)).max(200)]));
