// Drafts inside the application form: restore the saved draft, 保存草稿,
// autosave once a draft exists, submit through the draft (the server removes
// it in the same transaction as it creates the case), delete it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm } from 'antd';
import type { FormInstance, UploadFile } from 'antd';
import { api, type ItemDetail, type SubmitCaseInput, type Upload as UploadResult } from '../api';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';
import { portalApi, type Draft, type DraftInput } from './api';
import { usePortalT } from './messages';

interface Values {
  formData?: Record<string, unknown>;
  materials?: Record<string, UploadFile<UploadResult | string>[] | undefined>;
}

const AUTOSAVE_MS = 4000;

function uploadedId(file: UploadFile<UploadResult | string> | undefined): string | null {
  if (!file || file.status !== 'done') return null;
  const r = file.response;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' ? r.id : null;
}

/** The form's values as a draft: filled fields (tables as their rows) and finished uploads only. */
export function collectDraft(item: ItemDetail, values: Values): DraftInput {
  const formData: DraftInput['formData'] = {};
  for (const [key, raw] of Object.entries(values.formData ?? {})) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') continue;
    // JSON round trip: the form holds only text, numbers, codes, ids and rows of them.
    formData[key] = JSON.parse(JSON.stringify(value)) as DraftInput['formData'][string];
  }
  const materials = item.materials.flatMap((m) => {
    const uploadId = uploadedId(values.materials?.[m.id]?.[0]);
    return uploadId ? [{ materialId: m.id, uploadId }] : [];
  });
  return { itemId: item.id, formData, materials };
}

/** A stored draft as form values (uploads shown as finished files). */
function draftValues(draft: Draft): Values {
  const materials: Values['materials'] = {};
  for (const m of draft.materials) {
    materials[m.materialId] = [
      { uid: m.uploadId, name: m.originalName, status: 'done', response: { id: m.uploadId, originalName: m.originalName, mimeType: '', sizeBytes: m.sizeBytes } },
    ];
  }
  return { formData: draft.formData, materials };
}

export function useApplicationDraft(item: ItemDetail, form: FormInstance) {
  const p = usePortalT();
  const { formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const key = ['portal', 'draft', item.id];
  const loaded = useQuery({ queryKey: key, queryFn: () => portalApi.draftForItem(item.id), staleTime: Infinity });
  const draft = loaded.data?.draft ?? null;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef<string>('');

  // Restore once, into an untouched form.
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (!draft || restoredFor.current === draft.id || form.isFieldsTouched()) return;
    restoredFor.current = draft.id;
    form.setFieldsValue(draftValues(draft));
    lastSaved.current = JSON.stringify(collectDraft(item, draftValues(draft)));
    setRestoredAt(draft.updatedAt);
  }, [draft, form, item]);

  const cancelAutosave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => cancelAutosave, [cancelAutosave]);

  const save = useMutation({
    mutationFn: (input: { body: ReturnType<typeof collectDraft>; auto: boolean }) => portalApi.saveDraft(input.body),
    onSuccess: (saved, input) => {
      lastSaved.current = JSON.stringify(input.body);
      queryClient.setQueryData(key, { draft: saved });
      void queryClient.invalidateQueries({ queryKey: ['portal', 'drafts'] });
      const time = formatDateTime(saved.updatedAt);
      void message.success(input.auto ? p('draft.autosaved', { time }) : p('draft.saved', { time }));
    },
    onError: (error, input) => (input.auto ? undefined : showError(error)),
  });

  const saveNow = (auto = false) => {
    cancelAutosave();
    const body = collectDraft(item, form.getFieldsValue(true) as Values);
    if (auto && JSON.stringify(body) === lastSaved.current) return;
    save.mutate({ body, auto });
  };

  const discard = useMutation({
    mutationFn: (id: string) => portalApi.deleteDraft(id),
    onSuccess: () => {
      cancelAutosave();
      queryClient.setQueryData(key, { draft: null });
      void queryClient.invalidateQueries({ queryKey: ['portal', 'drafts'] });
      setRestoredAt(null);
      void message.success(p('draft.discarded'));
    },
    onError: showError,
  });

  /** Once a draft exists, changes are saved a few seconds after the last keystroke. */
  const onValuesChange = () => {
    if (!draft) return;
    cancelAutosave();
    timer.current = setTimeout(() => saveNow(true), AUTOSAVE_MS);
  };

  /** Submits through the draft when there is one, so the server removes it with the same transaction. */
  const submit = (input: SubmitCaseInput) => {
    cancelAutosave();
    return draft ? portalApi.submitDraft(draft.id, { formData: input.formData, materials: input.materials, idempotencyKey: input.idempotencyKey, itemVersionId: input.itemVersionId }) : api.cases.submit(input);
  };

  const submitted = () => {
    cancelAutosave();
    queryClient.setQueryData(key, { draft: null });
    void queryClient.invalidateQueries({ queryKey: ['portal', 'drafts'] });
    setRestoredAt(null);
  };

  const notice: ReactNode = draft ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={restoredAt ? p('draft.restored', { time: formatDateTime(restoredAt) }) : p('draft.saved', { time: formatDateTime(draft.updatedAt) })}
      description={p('draft.autosaveNote')}
      action={
        <Popconfirm title={p('drafts.deleteConfirm', { name: item.name })} onConfirm={() => discard.mutate(draft.id)} okText={p('drafts.delete')}>
          <Button size="small" danger loading={discard.isPending}>
            {p('draft.discard')}
          </Button>
        </Popconfirm>
      }
    />
  ) : null;

  const saveButton: ReactNode = (
    <Button size="large" onClick={() => saveNow(false)} loading={save.isPending && !save.variables?.auto}>
      {p('draft.save')}
    </Button>
  );

  return { draft, notice, saveButton, onValuesChange, submit, submitted, cancelAutosave };
}
