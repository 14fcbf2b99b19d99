import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDue, composeNotice, formatDocumentNo, progressUrl, shanghaiYear } from './rules.ts';
import { sampleFacts } from './testing.ts';


const all = (c: ReturnType<typeof composeNotice>) =>
  [c.heading, c.title, c.number, c.salutation, ...c.paragraphs, ...(c.table?.rows.flat() ?? []), ...c.closing, ...c.facts.flat(), ...c.contact, ...c.qr.caption, c.issueDate].join('\n');

describe('notice numbers', () => {
  it('count per kind per year with four digits', () => {
    expect(formatDocumentNo('acceptance', 2026, 1)).toBe('受字〔2026〕第 0001 号');
    expect(formatDocumentNo('refusal', 2026, 12)).toBe('不受字〔2026〕第 0012 号');
    expect(formatDocumentNo('supplement', 2027, 345)).toBe('补字〔2027〕第 0345 号');
    expect(formatDocumentNo('conclusion', 2026, 12345)).toBe('结字〔2026〕第 12345 号');
  });

  it('take the year in Beijing time', () => {
    expect(shanghaiYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(shanghaiYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });
});

describe('printed dates and links', () => {
  it('prints days in Beijing time, and the hour only for limits in office hours', () => {
    expect(chineseDate(new Date('2026-09-30T17:00:00Z'))).toBe('2026年10月1日');
    expect(chineseDue('2026-10-09T17:30:00+08:00', 'workday', false)).toBe('2026年10月9日');
    expect(chineseDue('2026-10-09T11:00:00+08:00', 'hour', true)).toBe('2026年10月9日 11:00（暂定）');
  });

  it('links to the progress page with the case number and query code', () => {
    expect(progressUrl('https://zwfw.example.gov.cn/base/', 'SFX20260924SCJG0001', 'AB12CD'))
      .toBe('https://zwfw.example.gov.cn/progress?caseNo=SFX20260924SCJG0001&queryCode=AB12CD');
  });
});

describe('what each notice says', () => {
  it('受理通知书: acceptance under 第三十二条, with the promised and legal due dates', () => {
    const text = all(composeNotice(sampleFacts));
    for (const s of ['示范县政务服务中心', '受理通知书', '受字〔2026〕第 0001 号', '张三：', 'SFX20260924SCJG0001', '食品经营许可（新办）',
      '第三十二条第一款第（五）项', '收件日期', '2026年9月24日', '受理日期', '2026年9月25日', '承诺办结期限', '2026年10月9日', '法定办结期限', '2026年10月16日',
      '1 号综合受理窗口', '0571-12345601', '示范县人民路 88 号', '查询码：AB12CD']) expect(text).toContain(s);
  });

  it('受理通知书 of a deemed acceptance says the clock ran from receipt (第三十二条第一款第（四）项)', () => {
    const text = all(composeNotice({ ...sampleFacts, deemedAccepted: true, acceptedAt: sampleFacts.receivedAt }));
    expect(text).toContain('自收到申请材料之日起即为受理');
    expect(text).toContain('视为受理日期');
  });

  it('受理通知书 of a 容缺受理 lists every owed material with its day, and does not call the materials complete', () => {
    const c = composeNotice({ ...sampleFacts, owed: [{ name: '施工图设计文件审查合格书', dueDate: '2026-10-09' }, { name: '环评批复', dueDate: '2026-10-09' }] });
    const text = all(c);
    expect(text).toContain('容缺受理');
    expect(text).not.toContain('申请材料齐全、符合法定形式。');
    expect(c.table?.rows).toEqual([['1', '施工图设计文件审查合格书', '2026年10月9日'], ['2', '环评批复', '2026年10月9日']]);
    expect(composeNotice({ ...sampleFacts, owed: [] }).table).toBeNull();
  });

  it('不予受理通知书: the reason and the remedies', () => {
    const text = all(composeNotice({ ...sampleFacts, kind: 'refusal', number: '不受字〔2026〕第 0001 号' }));
    for (const s of ['不予受理通知书', '不予受理的理由：申请事项不属于本机关职权范围', '行政复议', '行政诉讼', '决定日期']) expect(text).toContain(s);
    expect(text).not.toContain('承诺办结期限');
  });

  it('补正材料通知书: every material with its problem, once and for all', () => {
    const c = composeNotice({ ...sampleFacts, kind: 'supplement', acceptedAt: null, due: null });
    expect(c.title).toBe('补正材料通知书（一次性告知书）');
    expect(c.table!.rows).toEqual([
      ['1', '营业执照复印件', '缺少该材料', '请补充提交'],
      ['2', '食品经营许可申请书', '不符合法定形式', '缺少法定代表人签字'],
    ]);
    const text = all(c);
    for (const s of ['第三十二条第一款第（四）项', '一次性告知', '其他说明：请一次性补齐', '本通知书所列以外的内容，本机关不再要求补正', '告知日期']) expect(text).toContain(s);
  });

  it('办结通知书: the decision, the opinion, and whether the promise was kept', () => {
    const approved = all(composeNotice({ ...sampleFacts, kind: 'conclusion' }));
    for (const s of ['办结通知书', '准予许可', '审批意见：材料齐全，准予许可', '办结日期', '2026年9月28日', '（按期办结）', '领取办理结果']) expect(approved).toContain(s);
    const denied = all(composeNotice({
      ...sampleFacts, kind: 'conclusion', decision: { outcome: 'denied', opinion: '经营场所不符合要求' }, decidedAt: new Date('2026-10-12T02:00:00Z'),
    }));
    for (const s of ['不予许可', '理由：经营场所不符合要求', '第三十八条第二款', '行政复议', '（超期办结）']) expect(denied).toContain(s);
  });
});
