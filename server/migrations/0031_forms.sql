-- Dynamic forms: an item's application form becomes a FormSpec — a JSON Schema
-- (draft 2020-12) object with our x- keywords, plus a layout that orders the
-- fields (shared/forms/spec.ts). The same spec validates on the server and in
-- the browser (shared/forms/validate.ts).
--
-- The old flat list `form_fields` ([{key, label, type, required}]) is converted
-- here, field by field, exactly as shared/forms/legacy.ts formSpecFromLegacyFields
-- does (a test keeps the two in step). `form_fields` stays as a derived, read-only
-- view for readers not yet moved (the forms module rewrites it on every save);
-- nothing reads it to decide anything.

ALTER TABLE service_items
  ADD COLUMN form_spec jsonb,
  -- Counts the designer's saves: a save made over a newer revision is refused.
  ADD COLUMN form_revision int NOT NULL DEFAULT 0;

CREATE FUNCTION pg_temp.form_spec_from_fields(fields jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'schema', jsonb_build_object(
      '$schema', 'https://json-schema.org/draft/2020-12/schema',
      'type', 'object',
      'properties', COALESCE((
        SELECT jsonb_object_agg(f->>'key', jsonb_build_object(
          'type', CASE WHEN f->>'type' = 'number' THEN 'number' ELSE 'string' END,
          'x-widget', f->>'type',
          'title', f->>'label'))
        FROM jsonb_array_elements(fields) f), '{}'::jsonb),
      'required', COALESCE((
        SELECT jsonb_agg(f->>'key' ORDER BY n)
        FROM jsonb_array_elements(fields) WITH ORDINALITY AS t(f, n) WHERE (f->>'required')::boolean), '[]'::jsonb),
      'additionalProperties', false),
    'layout', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('field', f->>'key') ORDER BY n)
      FROM jsonb_array_elements(fields) WITH ORDINALITY AS t(f, n)), '[]'::jsonb))
$$;

UPDATE service_items SET form_spec = pg_temp.form_spec_from_fields(form_fields);

-- Left nullable, without a default: a row written with only the old list (an
-- older writer, a catalogue import) reads as that list converted (forms module,
-- itemFormSpec), never as an empty form.

COMMENT ON COLUMN service_items.form_fields IS
  'Deprecated since 0031: a flat view derived from form_spec for old readers; form_spec is the form.';

-- The item versions of 0030 snapshot the form with formSpec still null: fill it
-- in from the snapshot's own formFields. This is the same form in its new
-- notation, not a change of a published version, so the immutability trigger
-- steps aside for this one statement.
ALTER TABLE item_versions DISABLE TRIGGER item_versions_immutable;
UPDATE item_versions
   SET content = jsonb_set(content, '{formSpec}', pg_temp.form_spec_from_fields(COALESCE(content->'formFields', '[]'::jsonb)))
 WHERE content ? 'formFields' AND (content->'formSpec' IS NULL OR content->'formSpec' = 'null'::jsonb);
ALTER TABLE item_versions ENABLE TRIGGER item_versions_immutable;
