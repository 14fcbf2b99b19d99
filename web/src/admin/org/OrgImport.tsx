// 组织机构导入导出: the organisation and its staff as a workbook, downloaded
// (also the template) and read back, checked first (a dry run that writes
// nothing), then imported; a refused file shows each wrong cell.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { ImportProblemTable, type ImportProblem } from '../../ui/ImportProblemTable';
import { orgApi, type OrgImportResult } from './api';
import { useOrgT } from './messages';

const SHEETS = ['centers', 'departments', 'windows', 'staff'] as const;

export function OrgImport() {
  const t = useOrgT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<OrgImportResult | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: ImportProblem[] } | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => orgApi.importWorkbook(file!, dryRun),
    onMutate: () => { setResult(null); setFailure(null); },
    onSuccess: (r) => {
      setResult(r);
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: (e) => setFailure({
      message: e instanceof Error ? e.message : String(e),
      problems: e instanceof ApiError ? ((e.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []) : [],
    }),
  });
  const close = () => { setOpen(false); setFile(null); setResult(null); setFailure(null); };

  return (
    <>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setOpen(true)}>{t('import.open')}</Button>
      <Modal open={open} title={t('import.title')} onCancel={close} footer={null} width={760} destroyOnHidden>
        <p>{t('import.intro')}</p>
        <p><a href={orgApi.exportUrl} download><DownloadOutlined aria-hidden /> {t('import.export')}</a></p>
        <Space wrap style={{ marginBottom: 12 }}>
          <label>
            {t('import.file')}{' '}
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setFailure(null); }}
            />
          </label>
          <Button disabled={!file} loading={run.isPending && run.variables} onClick={() => run.mutate(true)}>{t('import.dryRun')}</Button>
          <Button type="primary" disabled={!file} loading={run.isPending && !run.variables} onClick={() => run.mutate(false)}>{t('import.run')}</Button>
        </Space>
        {failure && (
          <Alert type="error" showIcon role="alert" message={failure.message} description={failure.problems.length ? <ImportProblemTable problems={failure.problems} /> : undefined} />
        )}
        {result && (
          <Alert
            type={result.dryRun ? 'info' : 'success'} showIcon role="status"
            message={result.dryRun ? t('import.checked') : t('import.done')}
            description={(
              <Table
                size="small" pagination={false} rowKey="sheet"
                dataSource={SHEETS.map((s) => ({ sheet: t(`import.${s}`), ...result[s] }))}
                columns={[
                  { title: t('import.sheetName'), dataIndex: 'sheet' },
                  { title: t('import.created'), dataIndex: 'created' },
                  { title: t('import.updated'), dataIndex: 'updated' },
                  { title: t('import.unchanged'), dataIndex: 'unchanged' },
                ]}
              />
            )}
          />
        )}
      </Modal>
    </>
  );
}
