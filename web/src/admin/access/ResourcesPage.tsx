// 资源管理: the resource tree (shells, menus, pages, actions, routes). On any
// node: add a child, change its attributes (name, enabled), move it up or
// down among its siblings, delete a node an administrator added.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Tag, Tree, TreeSelect } from 'antd';
import type { TreeDataNode } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { accessApi, RESOURCES_KEY, type ResourceCreate, type ResourceNode } from './api';
import { useAccessT } from './messages';
import { findNode, nodeName } from './tree';

type ChildKind = ResourceCreate['kind'];
const CHILD_KINDS: readonly ChildKind[] = ['menu', 'page', 'action'];

interface ChildValues { kind: ChildKind; code: string; name: string; nameEn: string }
interface EditValues { name: string; nameEn: string; enabled: boolean; parentId: string | null }

/** Where a node may go: any node but a route, and not into the node itself or its own. */
interface ParentOption { value: string; title: string; disabled?: boolean; children: ParentOption[] }

export function ResourcesPage() {
  const t = useAccessT();
  const { locale } = useI18n();
  useDocumentTitle(t('res.title'));
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const tree = useQuery({ queryKey: RESOURCES_KEY, queryFn: accessApi.tree, staleTime: 0 });
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'child' | 'edit' | null>(null);
  const [childForm] = Form.useForm<ChildValues>();
  const [editForm] = Form.useForm<EditValues>();
  const node = findNode(tree.data, selected);
  // The menus read the tree too (hidden pages): refresh them with it.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
    void queryClient.invalidateQueries({ queryKey: ['auth', 'pages'] });
  };
  const done = () => {
    setDialog(null);
    void message.success(t('saved'));
    refresh();
  };

  const addChild = useMutation({
    mutationFn: (v: ChildValues) => accessApi.addChild({ parentId: node!.id, kind: v.kind, code: v.code.trim(), name: v.name.trim(), nameEn: v.nameEn?.trim() ?? '' }),
    onSuccess: (made) => {
      setSelected(made.id);
      done();
    },
    onError: showError,
  });
  const edit = useMutation({
    mutationFn: (v: EditValues) => accessApi.updateNode(node!.id, { name: v.name.trim(), nameEn: v.nameEn?.trim() ?? '', enabled: v.enabled, parentId: v.parentId ?? node!.parentId }),
    onSuccess: done,
    onError: showError,
  });
  const move = useMutation({ mutationFn: (direction: 'up' | 'down') => accessApi.move(node!.id, direction), onSuccess: refresh, onError: showError });
  const remove = useMutation({
    mutationFn: async (n: ResourceNode) => {
      await accessApi.deleteNode(n.id);
      return n;
    },
    onSuccess: (n) => {
      setSelected(n.parentId);
      void message.success(t('res.deleted', { name: n.name }));
      refresh();
    },
    onError: showError,
  });

  // The server refuses a move under the node itself or its own (RESOURCE_PARENT_CYCLE); the picker does not offer one.
  const toParent = (n: ResourceNode, inside: boolean): ParentOption => ({
    value: n.id, title: nodeName(n, locale), disabled: inside || n.id === node?.id,
    children: n.children.filter((c) => c.kind !== 'api').map((c) => toParent(c, inside || n.id === node?.id)),
  });

  const toData = (n: ResourceNode): TreeDataNode => ({
    key: n.id,
    title: (
      <span>
        <span>{nodeName(n, locale)}</span>
        {n.enabled ? null : <Tag className="tb-tag tb-tag-other" variant="outlined" style={{ marginInlineStart: 6 }}>{t('res.disabledTag')}</Tag>}
      </span>
    ),
    children: n.children.map(toData),
  });

  return (
    <Card>
      <h1 className="tb-page-title">{t('res.title')}</h1>
      <p>{t('res.intro')}</p>
      {tree.isError ? <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h2 className="tb-card-title">{t('res.tree')}</h2>}>
            {tree.data ? (
              <Tree
                treeData={[toData(tree.data)]}
                defaultExpandedKeys={[tree.data.id, ...tree.data.children.map((c) => c.id)]}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
                height={560}
                aria-label={t('res.tree')}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {node ? (
            <Card size="small" title={<h2 className="tb-card-title">{nodeName(node, locale)}</h2>}>
              <Space wrap style={{ marginBottom: 12 }}>
                <Button onClick={() => { childForm.resetFields(); childForm.setFieldsValue({ kind: 'page', code: '', name: '', nameEn: '' }); setDialog('child'); }} disabled={node.kind === 'api'}>
                  {t('res.addChild')}
                </Button>
                <Button onClick={() => { editForm.resetFields(); editForm.setFieldsValue({ name: node.name, nameEn: node.nameEn, enabled: node.enabled, parentId: node.parentId }); setDialog('edit'); }}>
                  {t('res.edit')}
                </Button>
                <Button onClick={() => move.mutate('up')} disabled={node.parentId === null} loading={move.isPending && move.variables === 'up'}>{t('res.up')}</Button>
                <Button onClick={() => move.mutate('down')} disabled={node.parentId === null} loading={move.isPending && move.variables === 'down'}>{t('res.down')}</Button>
                {node.builtin ? null : (
                  <Popconfirm title={t('res.deleteConfirm', { name: node.name })} onConfirm={() => remove.mutate(node)} okText={t('res.delete')} cancelText={t('cancel')}>
                    <Button danger>{t('res.delete')}</Button>
                  </Popconfirm>
                )}
              </Space>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('res.kind')}>{t(`kind.${node.kind}`)}</Descriptions.Item>
                <Descriptions.Item label={t('res.code')}>{node.code}</Descriptions.Item>
                <Descriptions.Item label={t('res.name')}>{node.name}</Descriptions.Item>
                <Descriptions.Item label={t('res.nameEn')}>{node.nameEn || t('res.none')}</Descriptions.Item>
                <Descriptions.Item label={t('res.enabled')}>{node.enabled ? t('roles.on') : t('roles.off')}</Descriptions.Item>
                {node.method ? <Descriptions.Item label={t('res.route')}>{`${node.method} ${node.route}`}</Descriptions.Item> : null}
                <Descriptions.Item label={t('res.roles')}>
                  {node.kind === 'api' && !node.guarded ? t('res.open') : node.roles.join('、') || t('res.none')}
                  {node.duty ? <div>{t('res.duty', { duty: node.duty })}</div> : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('res.builtin')}>{node.builtin ? t('roles.builtin') : t('roles.custom')}</Descriptions.Item>
              </Descriptions>
            </Card>
          ) : (
            <Empty description={t('res.pick')} />
          )}
        </Col>
      </Row>

      <Modal open={dialog === 'child'} title={t('res.addChild')} okText={t('save')} cancelText={t('cancel')} confirmLoading={addChild.isPending}
        onCancel={() => setDialog(null)} onOk={() => childForm.submit()} destroyOnHidden forceRender>
        <Form<ChildValues> form={childForm} name="resourceChild" layout="vertical" onFinish={(v) => addChild.mutate(v)}>
          <Form.Item name="kind" label={t('res.kind')}>
            <Select options={CHILD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('res.code')} extra={t('res.codeHint')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <NameFields />
        </Form>
      </Modal>

      <Modal open={dialog === 'edit'} title={t('res.edit')} okText={t('save')} cancelText={t('cancel')} confirmLoading={edit.isPending}
        onCancel={() => setDialog(null)} onOk={() => editForm.submit()} destroyOnHidden forceRender>
        <Form<EditValues> form={editForm} name="resourceEdit" layout="vertical" onFinish={(v) => edit.mutate(v)}>
          <NameFields />
          <Form.Item name="enabled" label={t('res.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {node?.parentId && tree.data ? (
            <Form.Item name="parentId" label={t('res.parent')}>
              <TreeSelect treeData={[toParent(tree.data, false)]} treeDefaultExpandedKeys={[node.parentId]} showSearch treeNodeFilterProp="title" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}

/** A node's names, in both of its forms. */
function NameFields() {
  const t = useAccessT();
  return (
    <>
      <Form.Item name="name" label={t('res.name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('res.nameEn')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
