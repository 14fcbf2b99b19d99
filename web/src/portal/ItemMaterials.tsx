// 申请材料 of a service guide: a table on wide screens; on narrow ones a list,
// because seven columns cannot fit 320 px and hiding columns would hide facts.
import { Grid, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ItemDetail, ItemMaterial } from '../api';
import { useI18n } from '../i18n';

/** The public route that serves a material's sample (样表) to anyone reading the guide. */
function sampleUrl(itemId: string, materialId: string): string {
  return `/api/items/${encodeURIComponent(itemId)}/materials/${encodeURIComponent(materialId)}/sample`;
}

/** 必需 or 按条件提交 as text: the colour only repeats it (WCAG 1.4.1). */
function RequirementTag({ material }: { material: ItemMaterial }) {
  const { t } = useI18n();
  return material.requirement === 'required' ? (
    <Tag className="tb-tag tb-tag-refused" variant="outlined">
      {t('item.required')}
    </Tag>
  ) : (
    <Tag className="tb-tag tb-tag-other" variant="outlined">
      {t('item.conditional')}
    </Tag>
  );
}

/** When a conditional material is needed, spelled out. */
function ConditionText({ material }: { material: ItemMaterial }) {
  const { t } = useI18n();
  if (material.requirement !== 'conditional' || !material.condition) return null;
  return <div className="tb-material-condition">{t('item.conditionText', { condition: material.condition })}</div>;
}

const hasNotes = (m: ItemMaterial) => !!m.elicenceType || m.deferrable;

/** 可用电子证照 and 可容缺. */
function Notes({ material }: { material: ItemMaterial }) {
  const { t } = useI18n();
  return (
    <span className="tb-material-notes">
      {material.elicenceType && (
        <Tag className="tb-tag tb-tag-accepted" variant="outlined">
          {t('item.elicence', { type: material.elicenceType })}
        </Tag>
      )}
      {material.deferrable && (
        <Tag className="tb-tag tb-tag-submitted" variant="outlined">
          {t('item.deferrable')}
        </Tag>
      )}
    </span>
  );
}

function SampleLink({ itemId, material }: { itemId: string; material: ItemMaterial }) {
  const { t } = useI18n();
  if (!material.sampleUploadId) return null;
  return (
    <a className="tb-material-sample" href={sampleUrl(itemId, material.id)} download aria-label={t('item.sampleOf', { name: material.name })}>
      <DownloadOutlined aria-hidden /> {t('item.sample')}
    </a>
  );
}

export function ItemMaterials({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  // Before the first measurement the screens are unknown: start with the list, which fits any width.
  const wide = Grid.useBreakpoint().lg === true;
  const materials = item.materials;
  const hasElicence = materials.some((m) => m.elicenceType);
  const hasDeferrable = item.allowsDeficientAcceptance && materials.some((m) => m.deferrable);

  const hints = (
    <>
      {hasDeferrable && <p className="tb-material-hint">{t('item.deferrableHint')}</p>}
      {hasElicence && <p className="tb-material-hint">{t('item.elicenceHint')}</p>}
    </>
  );

  if (materials.length === 0) return <p>{t('item.noMaterials')}</p>;

  if (wide) {
    return (
      <>
        {hints}
        <Table<ItemMaterial>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={materials}
          columns={[
            { title: t('item.index'), key: 'index', width: 56, render: (_: unknown, _m: ItemMaterial, i: number) => i + 1 },
            {
              title: t('item.materialName'),
              key: 'name',
              render: (_: unknown, m: ItemMaterial) => (
                <>
                  <div className="tb-material-name">{m.name}</div>
                  <SampleLink itemId={item.id} material={m} />
                </>
              ),
            },
            { title: t('item.originalOrCopy'), key: 'original', render: (_: unknown, m: ItemMaterial) => t(`item.original.${m.originalOrCopy}`) },
            { title: t('item.copies'), key: 'copies', dataIndex: 'copies', width: 64 },
            { title: t('item.medium'), key: 'medium', render: (_: unknown, m: ItemMaterial) => t(`item.medium.${m.medium}`) },
            { title: t('item.requirement'), key: 'requirement', width: '22%', render: (_: unknown, m: ItemMaterial) => (
                <>
                  <RequirementTag material={m} />
                  <ConditionText material={m} />
                </>
              ),
            },
            { title: t('item.notes'), key: 'notes', render: (_: unknown, m: ItemMaterial) => (hasNotes(m) ? <Notes material={m} /> : '—') },
          ]}
        />
      </>
    );
  }

  return (
    <>
      {hints}
      <ol className="tb-material-list">
        {materials.map((m) => (
          <li key={m.id}>
            <div className="tb-material-name">{m.name}</div>
            <div className="tb-material-tags">
              <RequirementTag material={m} />
              {hasNotes(m) && <Notes material={m} />}
            </div>
            <ConditionText material={m} />
            <dl className="tb-inline-dl">
              <div>
                <dt>{t('item.originalOrCopy')}</dt>
                <dd>{t(`item.original.${m.originalOrCopy}`)}</dd>
              </div>
              <div>
                <dt>{t('item.copies')}</dt>
                <dd>{m.copies}</dd>
              </div>
              <div>
                <dt>{t('item.medium')}</dt>
                <dd>{t(`item.medium.${m.medium}`)}</dd>
              </div>
            </dl>
            <SampleLink itemId={item.id} material={m} />
          </li>
        ))}
      </ol>
    </>
  );
}
