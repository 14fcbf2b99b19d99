/**
 * The 监察建议书 (supervision recommendation) issued with a decision: laid
 * out with the documents module's notice renderer (A4, Noto Sans SC, vector
 * QR code), numbered 监建〔year〕n号, its QR code leading to the card.
 */
import { formatIsoDate, toShanghai } from '../../calendar/index.ts';
import { renderNotice, type NoticeContent } from '../../documents/index.ts';
import { OUTCOME_LABELS, type Outcome } from './lifecycle.ts';
import { LEVEL_LABELS, type CardLevel } from './rules.ts';
import { stageName } from '../stages.ts';

export interface AdviceFacts {
  adviceNo: string;
  cardNumber: string;
  caseNo: string;
  departmentName: string;
  stage: string;
  stepName: string | null;
  level: CardLevel;
  ruleName: string;
  ruleVersion: number;
  raisedAt: Date;
  dueAt: Date | null;
  outcome: Outcome;
  opinion: string;
  rectifyBy: string | null;
  appealUntil: Date;
  cardUrl: string;
  issuedAt: Date;
}

export function chineseDay(at: Date): string {
  const [y, m, d] = formatIsoDate(toShanghai(at).day).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const isoDay = (s: string) => chineseDay(new Date(`${s}T12:00:00+08:00`));

export function composeAdvice(f: AdviceFacts): NoticeContent {
  const stage = stageName(f.stage);
  const step = f.stepName ? `“${f.stepName}”` : '';
  const paragraphs = [
    `经电子监察系统监测，你单位办理的办件 ${f.caseNo} 在${stage}环节${step}于${chineseDay(f.raisedAt)}出现“${f.ruleName}”情形，系统依监察规则（第 ${f.ruleVersion} 版）自动出示${LEVEL_LABELS[f.level].zh}（监察卡编号 ${f.cardNumber}）。`,
    `经受理、调查，监察意见如下：${f.opinion}`,
    `处理决定：${OUTCOME_LABELS[f.outcome].zh}。${f.outcome === 'rectification' && f.rectifyBy ? `请于${isoDay(f.rectifyBy)}前完成整改，并将整改情况书面报送电子监察室。` : ''}`,
  ];
  return {
    heading: '示范县政务服务中心电子监察室',
    title: '监察建议书',
    number: f.adviceNo,
    salutation: `${f.departmentName}：`,
    paragraphs,
    table: null,
    closing: [`你单位如对本建议有异议，可于${chineseDay(f.appealUntil)}前通过电子监察平台提出申诉，由其他监察人员复核。`],
    facts: [
      ['监察卡编号', f.cardNumber],
      ['办件编号', f.caseNo],
      ['环节', `${stage}${f.stepName ? ` · ${f.stepName}` : ''}`],
      ['监察规则', `${f.ruleName}（第 ${f.ruleVersion} 版）`],
      ['办理期限', f.dueAt ? chineseDay(f.dueAt) : '—'],
      ['处理结果', OUTCOME_LABELS[f.outcome].zh],
    ],
    contact: ['电子监察室', '扫码查看监察卡及办理过程'],
    qr: { url: f.cardUrl, caption: ['扫码查看监察卡'] },
    issuer: '示范县政务服务中心电子监察室',
    issueDate: chineseDay(f.issuedAt),
  };
}

export function renderAdvice(f: AdviceFacts): Promise<Buffer> {
  return renderNotice(composeAdvice(f), f.issuedAt);
}
