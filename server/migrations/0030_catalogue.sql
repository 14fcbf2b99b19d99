-- The versioned service-item catalogue (事项目录): a category tree (项目分类),
-- the standard elements of an item and of its materials, and item versions
-- (draft → published → superseded). service_items / item_materials hold the
-- projection of the current published version, so the rest of the system
-- reads them as before; a case records the version it started on.

CREATE TABLE item_categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id   uuid REFERENCES item_categories(id),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  sort_order  int NOT NULL DEFAULT 0,
  CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX item_categories_parent_idx ON item_categories (parent_id, sort_order);

ALTER TABLE service_items
  ADD COLUMN category_id uuid REFERENCES item_categories(id),
  -- 受理条件
  ADD COLUMN conditions text NOT NULL DEFAULT '',
  -- 收费: free, or a list of {name, amount (yuan, number), basis (legal basis)}.
  -- The text column `fee` keeps a one-line summary for display.
  ADD COLUMN fee_free boolean NOT NULL DEFAULT true,
  ADD COLUMN fee_items jsonb NOT NULL DEFAULT '[]',
  -- 办理地点 / 办理时间
  ADD COLUMN apply_location text NOT NULL DEFAULT '',
  ADD COLUMN apply_hours text NOT NULL DEFAULT '',
  -- 咨询电话 / 监督投诉电话
  ADD COLUMN contact_phone text NOT NULL DEFAULT '',
  ADD COLUMN complaint_phone text NOT NULL DEFAULT '',
  -- 容缺受理 allowed for this item
  ADD COLUMN allows_deficient_acceptance boolean NOT NULL DEFAULT false,
  -- The parts of the item code (GB/T 39554.1): basic code = type code +
  -- main item code + sub item code; implementation code = the implementing
  -- body's unified social credit code + basic code; handling item code =
  -- implementation code + handling item sequence. `code` stays the local key.
  ADD COLUMN code_type text CHECK (code_type ~ '^[0-9A-Z]{2}$'),
  ADD COLUMN code_main text CHECK (code_main ~ '^[0-9A-Z]{5,7}$'),
  ADD COLUMN code_sub text CHECK (code_sub ~ '^[0-9A-Z]{3}$'),
  ADD COLUMN implementer_code text CHECK (implementer_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  ADD COLUMN handling_seq text CHECK (handling_seq ~ '^[0-9]{2,3}$'),
  -- The published version the columns above reflect (null until the first publish).
  ADD COLUMN current_version_id uuid;
CREATE INDEX service_items_category_idx ON service_items (category_id);

ALTER TABLE item_materials
  -- 原件 / 复印件 / 原件和复印件; `copies` is the count.
  ADD COLUMN original_or_copy text NOT NULL DEFAULT 'original' CHECK (original_or_copy IN ('original','copy','both')),
  -- 必要 / 容缺 conditional: needed only when `condition_text` applies.
  ADD COLUMN requirement text NOT NULL DEFAULT 'required' CHECK (requirement IN ('required','conditional')),
  ADD COLUMN condition_text text NOT NULL DEFAULT '',
  -- 纸质 / 电子 / 纸质和电子; the text column `form` keeps the display label.
  ADD COLUMN medium text NOT NULL DEFAULT 'electronic' CHECK (medium IN ('paper','electronic','both')),
  -- 样表 / 示例文件
  ADD COLUMN sample_upload_id uuid REFERENCES uploads(id) ON DELETE SET NULL,
  -- A reusable electronic licence (电子证照) type that may stand in for the material.
  ADD COLUMN elicence_type text,
  -- May be owed under 容缺受理.
  -- (named is_deferrable: DEFERRABLE is an SQL reserved word)
  ADD COLUMN is_deferrable boolean NOT NULL DEFAULT false,
  -- A material dropped by a newer version stays for the cases that used it.
  ADD COLUMN retired boolean NOT NULL DEFAULT false;

UPDATE item_materials SET requirement = 'conditional' WHERE NOT required;
UPDATE item_materials SET medium = CASE
  WHEN form LIKE '%纸质%' AND form LIKE '%电子%' THEN 'both'
  WHEN form LIKE '%纸质%' THEN 'paper'
  ELSE 'electronic' END;

CREATE TABLE item_versions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id       uuid NOT NULL REFERENCES service_items(id),
  version       int NOT NULL CHECK (version >= 1),
  status        text NOT NULL CHECK (status IN ('draft','published','superseded')),
  -- The full snapshot of the item: elements, materials, form, bound process.
  content       jsonb NOT NULL,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  published_by  uuid REFERENCES users(id),
  published_at  timestamptz,
  UNIQUE (item_id, version),
  CHECK ((status = 'draft') = (published_at IS NULL))
);
CREATE UNIQUE INDEX item_versions_one_draft ON item_versions (item_id) WHERE status = 'draft';
CREATE UNIQUE INDEX item_versions_one_published ON item_versions (item_id) WHERE status = 'published';

ALTER TABLE service_items ADD CONSTRAINT service_items_current_version_fk
  FOREIGN KEY (current_version_id) REFERENCES item_versions(id);

-- A published version never changes: only its status may move on to superseded.
CREATE FUNCTION item_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.version <> OLD.version
      OR NEW.item_id <> OLD.item_id OR NEW.created_at <> OLD.created_at OR NEW.updated_at <> OLD.updated_at
      OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.published_by IS DISTINCT FROM OLD.published_by
      OR (NEW.status <> OLD.status AND NOT (OLD.status = 'published' AND NEW.status = 'superseded'))) THEN
    RAISE EXCEPTION 'item version % is published and immutable', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER item_versions_immutable BEFORE UPDATE ON item_versions
  FOR EACH ROW EXECUTE FUNCTION item_versions_immutable();
CREATE FUNCTION item_versions_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'item version % is published and immutable', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER item_versions_no_delete BEFORE DELETE ON item_versions
  FOR EACH ROW EXECUTE FUNCTION item_versions_no_delete();

-- Version 1 of every existing item: its current state, published.
INSERT INTO item_versions (item_id, version, status, content, created_at, updated_at, published_at)
SELECT i.id, 1, 'published', jsonb_build_object(
    'code', i.code, 'name', i.name, 'departmentId', i.department_id, 'categoryId', i.category_id,
    'itemType', i.item_type, 'legalBasis', i.legal_basis, 'legalDays', i.legal_days,
    'promisedDays', i.promised_days, 'limitUnit', i.limit_unit, 'description', i.description,
    'codeParts', jsonb_build_object('typeCode', i.code_type, 'mainCode', i.code_main, 'subCode', i.code_sub,
      'implementerCode', i.implementer_code, 'handlingSeq', i.handling_seq),
    'conditions', i.conditions,
    'fee', jsonb_build_object('free', i.fee_free, 'items', i.fee_items),
    'location', i.apply_location, 'hours', i.apply_hours,
    'contactPhone', i.contact_phone, 'complaintPhone', i.complaint_phone,
    'allowsDeficientAcceptance', i.allows_deficient_acceptance,
    'formFields', i.form_fields, 'formSpec', NULL, 'processKey', i.process_key,
    'materials', COALESCE((SELECT jsonb_agg(jsonb_build_object(
        'id', m.id, 'name', m.name, 'originalOrCopy', m.original_or_copy, 'copies', m.copies,
        'requirement', m.requirement, 'condition', m.condition_text, 'medium', m.medium,
        'sampleUploadId', m.sample_upload_id, 'elicenceType', m.elicence_type, 'deferrable', m.is_deferrable)
        ORDER BY m.sort_order, m.name) FROM item_materials m WHERE m.item_id = i.id), '[]'::jsonb)),
  now(), now(), now()
FROM service_items i;
UPDATE service_items i SET current_version_id = v.id FROM item_versions v WHERE v.item_id = i.id;

-- The version a case started on; it keeps it when a newer one is published.
ALTER TABLE cases ADD COLUMN item_version_id uuid REFERENCES item_versions(id);
UPDATE cases c SET item_version_id = i.current_version_id FROM service_items i WHERE i.id = c.item_id;
CREATE INDEX cases_item_version_idx ON cases (item_version_id);
