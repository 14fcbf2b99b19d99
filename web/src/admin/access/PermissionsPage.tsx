// 权限管理: "页面默认显示所有资源以及与该资源对应的全部角色，通过选择想要的角色绑定该资源".
// Every node of the resource tree is a row, every role a column; ticking a
// box binds the node to the role, unticking unbinds it, at once.
import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Checkbox, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ErrorAlert, useShowError } from '../../ui/errors';
import { useI18n } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { accessApi, RESOURCES_KEY, ROLES_KEY, type ResourceNode, type RoleRecord } from './api';
import { useAccessT } from './messages';
import { nodeName } from './tree';

/** A table row: the node, with children only where it has some (no empty expander). */
type Row = Omit<ResourceNode, 'children'> & { children?: Row[] };
const toRow = ({ children, ...n }: ResourceNode): Row => (children.length ? { ...n, children: children.map(toRow) } : n);

export function PermissionsPage() {
  const t = useAccessT();
  const { locale } = useI18n();
  useDocumentTitle(t('perm.title'));
  const showError = useShowError();
  const queryClient = useQueryClient();
  const tree = useQuery({ queryKey: RESOURCES_KEY, queryFn: accessApi.tree, staleTime: 0 });
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: accessApi.roles, staleTime: 0 });
  const bind = useMutation({
    mutationFn: ({ node, roles: codes }: { node: Row; roles: string[] }) => accessApi.bind(node.id, codes),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RESOURCES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['auth', 'pages'] });
    },
    onError: showError,
  });
  const rows = useMemo(() => (tree.data ? [toRow(tree.data)] : []), [tree.data]);

  /** Whether a role's box on a node can change: open routes take no binding; a duty's route takes that duty only. */
  const fixed = (n: Row, r: RoleRecord) => (n.kind === 'api' && !n.guarded) || (n.duty !== null && (r.base !== n.duty || r.code === n.duty));

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('perm.resource'), key: 'resource', fixed: 'left', width: 320,
      render: (_, n) => (
        <span>
          {nodeName(n, locale)} <Typography.Text type="secondary">{n.kind === 'api' ? n.code : ''}</Typography.Text>
          {n.enabled ? null : <Tag className="tb-tag tb-tag-other" variant="outlined" style={{ marginInlineStart: 6 }}>{t('res.disabledTag')}</Tag>}
        </span>
      ),
    },
    { title: t('res.kind'), key: 'kind', width: 72, render: (_, n) => t(`kind.${n.kind}`) },
    ...(roles.data?.items ?? []).filter((r) => r.base !== 'applicant' || r.builtin).map((r) => ({
      title: r.name, key: r.code, width: 96, align: 'center' as const,
      render: (_: unknown, n: Row) => (n.kind === 'root' || (n.kind === 'api' && !n.guarded) ? null : (
        <Checkbox
          checked={n.roles.includes(r.code)}
          disabled={fixed(n, r) || bind.isPending}
          aria-label={t('perm.bind', { role: r.name, resource: nodeName(n, locale) })}
          onChange={(e) => bind.mutate({ node: n, roles: e.target.checked ? [...n.roles, r.code] : n.roles.filter((c) => c !== r.code) })}
        />
      )),
    })),
  ];

  return (
    <Card>
      <h1 className="tb-page-title">{t('perm.title')}</h1>
      <p>{t('perm.intro')}</p>
      {tree.isError || roles.isError ? (
        <ErrorAlert error={tree.error ?? roles.error} onRetry={() => { void tree.refetch(); void roles.refetch(); }} />
      ) : (
        <Table<Row>
          // Mounted again once the tree is there, so the shells open at first.
          key={tree.data ? 'tree' : 'loading'}
          rowKey="id"
          size="small"
          loading={tree.isPending || roles.isPending}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandedRowKeys: tree.data ? [tree.data.id, ...tree.data.children.map((c) => c.id)] : [] }}
        />
      )}
    </Card>
  );
}
