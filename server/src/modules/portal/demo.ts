// Demo news and disclosures for the demo center, so the portal's home is not empty.
import type { Tx } from '../../platform/db/pool.ts';

const DAY = 86_400_000;

const ARTICLES: { category: 'news' | 'disclosure'; title: string; pinned?: boolean; daysAgo: number; body: string }[] = [
  {
    category: 'news', pinned: true, daysAgo: 1, title: '关于政务服务中心延时服务和预约服务的通知',
    body: '# 服务时间\n为方便群众办事，中心实行工作日延时服务和周六预约服务。\n- 工作日：上午 9:00—12:00，下午 13:30—17:30\n- 延时服务：工作日 17:30—19:00（综合受理窗口）\n- 周六预约：拨打 0571-12345678 预约\n\n如需咨询，可在网站提交[咨询](/consult)。',
  },
  {
    category: 'news', daysAgo: 5, title: '“一件事一次办”专区上线运行',
    body: '企业开办、工程建设项目审批等“一件事”已实现**一表申请、一窗受理、并联审批**。申请人可在“办事指南”中搜索事项，按指引在线申报。',
  },
  {
    category: 'disclosure', daysAgo: 3, title: '示范县政务服务事项目录（2026 年版）公开',
    body: '根据《中华人民共和国行政许可法》和国务院有关规定，现将本县政务服务事项目录予以公开。各事项的设定依据、办理时限、申请材料和收费标准见“办事指南”。',
  },
  {
    category: 'disclosure', daysAgo: 10, title: '政务服务“好差评”工作情况通报',
    body: '本中心按照国办发〔2019〕51号文件要求开展政务服务“好差评”。\n1. 每个办结的办件均可评价\n2. 差评件由责任部门整改并回访\n3. 整改情况接受电子监察',
  },
];

/** Inserts the demo articles, written by the demo administrator (inside the demo loader's transaction). */
export async function loadDemoArticles(tx: Tx, now: Date): Promise<void> {
  const admin = await tx.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  const by = admin.rows[0]?.id;
  if (!by) return;
  for (const a of ARTICLES) {
    const at = new Date(now.getTime() - a.daysAgo * DAY);
    await tx.query(
      `INSERT INTO portal_articles (category, title, body, pinned, published_at, created_by, created_at, updated_by, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$5,$6,$5)`,
      [a.category, a.title, a.body, a.pinned ?? false, at, by],
    );
  }
}
