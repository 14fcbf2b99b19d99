// The process designer: bpmn-js (loaded on demand) with our palette, Chinese
// labels and properties panel; import / export .bpmn, validate, save a draft,
// publish. Managers get the same page as a read-only viewer.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-js services are untyped JavaScript */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useShowError } from '../ui/errors';
import { useMe } from '../ui/auth';
import { LinkButton } from '../ui/LinkButton';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { findingsOf, workflowApi, type Finding } from './api';
import { useAdminT } from './messages';
import { PropertiesPanel } from './PropertiesPanel';
import { withLayout } from '../process/model';
import { freshKey, newDiagramXml } from './template';
import type { Diagram } from './bpmn/loader';

interface Current {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published';
}

const NEW = '__new__';

/** Errors first, then warnings; the validator's order within each. */
const bySeverity = (findings: Finding[]): Finding[] => [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];

export function DesignerPage() {
  const t = useAdminT();
  const { locale } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const me = useMe();
  const editable = me.data?.role === 'admin';
  useDocumentTitle(editable ? t('designer.title') : t('designer.viewerTitle'));

  const containerRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const loadedRef = useRef<string | null>(null);
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [selected, setSelected] = useState<any>(null);
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [importNote, setImportNote] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);
  // Read by bpmn-js's translate at each call: switching language must not throw the diagram away.
  const localeRef = useRef(locale);
  localeRef.current = locale;

  // bpmn-js, created once per page (and per edit right), loaded on demand.
  useEffect(() => {
    let disposed = false;
    let instance: Diagram | null = null;
    import('./bpmn/loader')
      .then(({ createDiagram }) => {
        if (disposed || !containerRef.current) return;
        instance = createDiagram(containerRef.current, { editable, locale: () => localeRef.current });
        const events = instance.get('eventBus') as any;
        const canvas = instance.get('canvas') as any;
        events.on('selection.changed', (e: any) => setSelected(e.newSelection?.[0] ?? canvas.getRootElement()));
        events.on('elements.changed', () => setRevision((r) => r + 1));
        events.on('commandStack.changed', () => setDirty(true));
        setDiagram(instance);
      })
      .catch((err: unknown) => setLoadError(err));
    return () => {
      disposed = true;
      instance?.destroy();
      loadedRef.current = null;
      setDiagram(null);
    };
  }, [editable]);

  const show = useCallback(
    async (xml: string) => {
      if (!diagram) return { warnings: [] as unknown[] };
      // Definitions written without a diagram (the demo processes) get a generated left-to-right layout.
      const result = await diagram.importXML(withLayout(xml));
      const canvas = diagram.get('canvas') as any;
      // Fit the diagram into the canvas, leaving room on the left for the palette that floats over it.
      const { inner, outer } = canvas.viewbox();
      const left = editable ? 130 : 20;
      const room = Math.max(outer.width - left - 20, 100);
      const scale = Math.min(1, room / Math.max(inner.width, 1), (outer.height - 40) / Math.max(inner.height, 1));
      canvas.viewbox({
        x: inner.x - (left + (room - inner.width * scale) / 2) / scale,
        y: inner.y - (outer.height - inner.height * scale) / 2 / scale,
        width: outer.width / scale,
        height: outer.height / scale,
      });
      setSelected(canvas.getRootElement());
      setDirty(false);
      setFindings(null);
      return result;
    },
    [diagram, editable],
  );

  // What the address names: a stored version, or a new diagram.
  useEffect(() => {
    if (!diagram) return;
    const wanted = id ?? NEW;
    if (loadedRef.current === wanted) return;
    loadedRef.current = wanted;
    setImportNote(null);
    if (!id) {
      setCurrent(null);
      void show(newDiagramXml(freshKey(), localeRef.current === 'zh' ? '新流程' : 'New process'));
      return;
    }
    workflowApi
      .get(id)
      .then(async (def) => {
        await show(def.xml);
        setCurrent({ id: def.id, key: def.key, version: def.version, status: def.status });
      })
      .catch((err: unknown) => setLoadError(err));
  }, [diagram, id, show]);

  const xmlNow = async (): Promise<string> => {
    const { xml } = await diagram!.saveXML({ format: true });
    return xml ?? '';
  };

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (err) {
      if (err instanceof ApiError) {
        const found = findingsOf(err.details);
        if (found) setFindings(bySeverity(found));
      }
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const onNew = () => {
    const go = () => {
      loadedRef.current = null;
      setCurrent(null);
      if (id) navigate('/admin/processes/new');
      else {
        loadedRef.current = NEW;
        void show(newDiagramXml(freshKey(), locale === 'zh' ? '新流程' : 'New process'));
      }
    };
    if (dirty) modal.confirm({ title: t('designer.confirmNew'), onOk: go });
    else go();
  };

  const onFile = async (file: File) => {
    const xml = await file.text();
    try {
      const { warnings } = await show(xml);
      setCurrent(null);
      setDirty(true);
      setImportNote(
        warnings.length
          ? { type: 'warning', text: t('designer.importWarnings', { file: file.name, count: warnings.length }) }
          : { type: 'success', text: t('designer.imported', { file: file.name }) },
      );
    } catch (err) {
      setImportNote({ type: 'error', text: t('designer.importFailed', { file: file.name, message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const onExport = () =>
    run('export', async () => {
      const xml = await xmlNow();
      const root = (diagram!.get('canvas') as any).getRootElement();
      const name = `${current ? `${current.key}-v${current.version}` : (root?.businessObject?.id ?? 'process')}.bpmn`.replace(/[^\w.-]/g, '_');
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });

  const onValidate = () =>
    run('validate', async () => {
      setFindings(null);
      const result = await workflowApi.validate(await xmlNow());
      setFindings(bySeverity(result.findings));
    });

  const saved = async (summary: Current) => {
    setCurrent(summary);
    setDirty(false);
    await queryClient.invalidateQueries({ queryKey: ['workflow', 'definitions'] });
    loadedRef.current = summary.id;
    navigate(`/admin/processes/${summary.id}`, { replace: true });
  };

  const onSave = () =>
    run('save', async () => {
      const summary = await workflowApi.deploy(await xmlNow(), false);
      setFindings(null);
      await saved(summary);
      void message.success(t('designer.saved', { version: summary.version }));
    });

  const onDeleteDraft = () => {
    if (!current || current.status !== 'draft') return;
    const draft = current;
    modal.confirm({
      title: t('list.confirmDelete', { key: draft.key, version: draft.version }),
      content: t('list.confirmDeleteBody'),
      okText: t('designer.deleteDraft'),
      okButtonProps: { danger: true },
      onOk: () =>
        run('delete', async () => {
          await workflowApi.deleteDraft(draft.id);
          await queryClient.invalidateQueries({ queryKey: ['workflow', 'definitions'] });
          setDirty(false);
          void message.success(t('list.deleted', { version: draft.version }));
          navigate('/admin/processes');
        }),
    });
  };

  const onPublish = () =>
    run('publish', async () => {
      const summary = current && current.status === 'draft' && !dirty ? await workflowApi.publish(current.id) : await workflowApi.deploy(await xmlNow(), true);
      await saved(summary);
      void message.success(t('designer.publishedOk', { version: summary.version }));
    });

  // Every element with an error finding is drawn red; the one whose finding was clicked, emphasised.
  const focusedRef = useRef<string | null>(null);
  useEffect(() => {
    if (!diagram) return;
    const canvas = diagram.get('canvas') as any;
    const registry = diagram.get('elementRegistry') as any;
    const marked = new Set((findings ?? []).filter((f) => f.severity === 'error' && f.elementId).map((f) => f.elementId!));
    for (const id of marked) if (registry.get(id)) canvas.addMarker(id, 'tb-marker-error');
    return () => {
      for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, 'tb-marker-error');
      if (focusedRef.current && registry.get(focusedRef.current)) canvas.removeMarker(focusedRef.current, 'tb-marker-focus');
      focusedRef.current = null;
    };
  }, [diagram, findings]);

  const selectElement = (elementId: string | null) => {
    if (!diagram || !elementId) return;
    const registry = diagram.get('elementRegistry') as any;
    const el = registry.get(elementId);
    if (!el) return;
    const canvas = diagram.get('canvas') as any;
    if (focusedRef.current && registry.get(focusedRef.current)) canvas.removeMarker(focusedRef.current, 'tb-marker-focus');
    canvas.addMarker(el, 'tb-marker-focus');
    focusedRef.current = elementId;
    (diagram.get('selection') as any).select(el);
    canvas.scrollToElement?.(el);
  };

  /** The element's name for a finding ("审查"), when it has one. */
  const nameOf = (elementId: string | null): string | null => {
    if (!diagram || !elementId) return null;
    const name = (diagram.get('elementRegistry') as any).get(elementId)?.businessObject?.name;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  };

  if (loadError) {
    return (
      <div>
        <Alert type="error" showIcon role="alert" title={loadError instanceof Error ? loadError.message : String(loadError)} />
        <LinkButton to="/admin/processes" style={{ marginTop: 16 }}>{t('designer.back')}</LinkButton>
      </div>
    );
  }

  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;
  const status = current ? (
    <Space size={4}>
      <Typography.Text>{t('designer.version', { key: current.key, version: current.version })}</Typography.Text>
      <Tag color={current.status === 'published' ? 'green' : 'gold'}>{t(`status.${current.status}`)}</Tag>
      {dirty ? <Tag color="orange">{t('status.changed')}</Tag> : null}
    </Space>
  ) : (
    <Tag>{t('status.unsaved')}</Tag>
  );

  return (
    <div className="tb-designer">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="tb-page-title" style={{ margin: 0 }}>
          {editable ? t('designer.title') : t('designer.viewerTitle')}
        </Typography.Title>
        {status}
      </Space>
      {!editable ? <Alert type="info" showIcon title={t('designer.readOnly')} style={{ marginTop: 8 }} /> : null}
      <Space wrap className="tb-designer-toolbar" role="toolbar" aria-label={t('designer.title')}>
        <LinkButton to="/admin/processes">{t('designer.back')}</LinkButton>
        {editable ? (
          <>
            <Button onClick={onNew} disabled={!diagram}>{t('designer.new')}</Button>
            <Button onClick={() => fileRef.current?.click()} disabled={!diagram}>{t('designer.import')}</Button>
            <input
              ref={fileRef}
              type="file"
              accept=".bpmn,.xml,application/xml,text/xml"
              hidden
              aria-hidden
              tabIndex={-1}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void onFile(file);
              }}
            />
          </>
        ) : null}
        <Button onClick={onExport} disabled={!diagram} loading={busy === 'export'}>{t('designer.export')}</Button>
        {editable ? (
          <>
            <Button onClick={onValidate} disabled={!diagram} loading={busy === 'validate'}>{t('designer.validate')}</Button>
            <Button onClick={onSave} disabled={!diagram} loading={busy === 'save'}>{t('designer.saveDraft')}</Button>
            {current?.status === 'draft' ? (
              <Button danger onClick={onDeleteDraft} loading={busy === 'delete'}>{t('designer.deleteDraft')}</Button>
            ) : null}
            <Button type="primary" onClick={onPublish} disabled={!diagram || (current?.status === 'published' && !dirty)} loading={busy === 'publish'}>
              {t('designer.publish')}
            </Button>
          </>
        ) : null}
      </Space>
      {importNote ? <Alert type={importNote.type} showIcon title={importNote.text} role={importNote.type === 'error' ? 'alert' : 'status'} style={{ marginBottom: 8 }} /> : null}
      <div className="tb-designer-main">
        <div className="tb-designer-canvas-wrap">
          <div ref={containerRef} className="tb-designer-canvas" role="region" aria-label={t('designer.canvas')} data-testid="bpmn-canvas" />
          {!diagram ? (
            <div className="tb-designer-loading">
              <Spin description={t('designer.loadingModeler')} />
            </div>
          ) : null}
        </div>
        <aside className="tb-designer-props" aria-label={t('props.title')}>
          <PropertiesPanel modeler={diagram} element={selected} editable={editable} t={t} revision={revision} key={`${selected?.id ?? ''}-${revision}`} />
        </aside>
      </div>
      {findings ? (
        <section className="tb-designer-findings" aria-label={t('findings.title')}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('findings.title')}
          </Typography.Title>
          {findings.length === 0 ? (
            <Alert type="success" showIcon title={t('findings.none')} role="status" />
          ) : (
            <>
              <Typography.Paragraph type="secondary" role="status">
                {t('findings.summary', { errors, warnings: findings.length - errors })} {t('findings.hint')}
              </Typography.Paragraph>
              <List
                size="small"
                bordered
                dataSource={findings}
                renderItem={(f, i) => {
                  const name = nameOf(f.elementId);
                  return (
                    <List.Item key={`${f.code}-${f.elementId}-${i}`}>
                      <button type="button" className="tb-finding" onClick={() => selectElement(f.elementId)} disabled={!f.elementId}
                        title={f.elementId ? t('findings.show', { element: name ?? f.elementId }) : undefined}>
                        <Tag color={f.severity === 'error' ? 'red' : 'gold'}>{t(f.severity === 'error' ? 'findings.error' : 'findings.warning')}</Tag>
                        {name ? <strong className="tb-finding-name">{name} </strong> : null}
                        <span className="tb-finding-element">{f.elementId ?? t('findings.process')}</span>
                        {f.elementType ? <span className="tb-finding-type"> ({f.elementType})</span> : null} — {locale === 'zh' ? f.zh : f.en}{' '}
                        <code className="tb-finding-code">{f.code}</code>
                      </button>
                    </List.Item>
                  );
                }}
              />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
