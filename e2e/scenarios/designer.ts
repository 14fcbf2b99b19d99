import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../run.ts';
import { assert, expect, type Page } from '../expect.ts';
import { assertNoConsoleErrors, signedIn } from '../steps.ts';
import { reviewProcess } from '../processes.ts';

/**
 * The process designer (issue 3, items 2 and 8): every BPMN MIWG reference
 * file imports through the 导入 .bpmn button, renders and validates; an
 * admin designs a process with the context pad (message, condition, a finding
 * clicked and fixed), publishes it and deletes drafts; an admin saves a small
 * process of ours as a draft and publishes it.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIWG_DIR = path.resolve(repoRoot, '..', 'shared', 'conformance', 'bpmn-miwg');

function miwgFiles(): string[] {
  if (!fs.existsSync(MIWG_DIR)) throw new Error(`BPMN MIWG reference files not found at ${MIWG_DIR} (expected ../shared/conformance/bpmn-miwg next to the repository)`);
  const files = fs.readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort();
  if (files.length === 0) throw new Error(`no .bpmn files in ${MIWG_DIR}`);
  return files;
}

const KEY = 'e2e_designer_review';

/** start → 审查 (department SCJG, 5 working days, two form fields) → end, with its diagram. */
const SMALL_PROCESS = reviewProcess({
  key: KEY, name: '设计器测试流程', department: 'SCJG', limitDays: 5,
  taskElements: '        <tongban:formField key="shopArea" access="readonly"/>\n        <tongban:formField key="reviewNote" access="editable"/>',
});

/** start → 金额判断 (exclusive) → 大额审查 | 办结, both flows without conditions yet. */
const GATEWAY_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:tongban="http://tongban.org/schema/bpmn"
  id="defs_gw" targetNamespace="http://tongban.org/processes">
  <bpmn:process id="e2e_gateway" name="条件分支" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:exclusiveGateway id="amount" name="金额判断"/>
    <bpmn:userTask id="big" name="大额审查" tongban:assigneeKind="role" tongban:assignee="approver"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="amount"/>
    <bpmn:sequenceFlow id="toBig" sourceRef="amount" targetRef="big"/>
    <bpmn:sequenceFlow id="toEnd" sourceRef="amount" targetRef="end"/>
    <bpmn:sequenceFlow id="f3" sourceRef="big" targetRef="end"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d1">
    <bpmndi:BPMNPlane id="p1" bpmnElement="e2e_gateway">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="amount_di" bpmnElement="amount" isMarkerVisible="true"><dc:Bounds x="245" y="95" width="50" height="50"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="big_di" bpmnElement="big"><dc:Bounds x="360" y="200" width="100" height="80"/></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="542" y="102" width="36" height="36"/></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f0_di" bpmnElement="f0"><di:waypoint x="188" y="120"/><di:waypoint x="245" y="120"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="toBig_di" bpmnElement="toBig"><di:waypoint x="270" y="145"/><di:waypoint x="270" y="240"/><di:waypoint x="360" y="240"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="toEnd_di" bpmnElement="toEnd"><di:waypoint x="295" y="120"/><di:waypoint x="542" y="120"/></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="460" y="240"/><di:waypoint x="560" y="240"/><di:waypoint x="560" y="138"/></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/** Imports a file through the 导入 .bpmn button, as a person does. */
async function importFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入 .bpmn' }).click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/xml', buffer: file.buffer });
  await expect(page.getByText(`导入 ${file.name}`).or(page.getByText(`已导入 ${file.name}`))).toBeVisible();
}

/** The shapes bpmn-js drew on the canvas. */
const shapes = (page: Page) => page.locator('[data-testid="bpmn-canvas"] svg .djs-element.djs-shape');

async function validateShown(page: Page): Promise<string> {
  const section = page.getByRole('region', { name: '校验结果' });
  // The previous result goes away while the new one is computed; never read a stale one.
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.locator('.tb-designer-toolbar .ant-btn-loading')).toHaveCount(0);
  await expect(section.getByText(/无问题|\d+ 个错误，\d+ 个警告/)).toBeVisible();
  return (await section.innerText()).replace(/\s+/g, ' ');
}

/** Clicks a shape on the canvas by its element id. */
async function clickElement(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="bpmn-canvas"] .djs-element[data-element-id="${id}"]`).first().click();
}

/** Clicks an entry of the context pad of the selected shape; returns the id of the element it appended (now selected). */
async function append(page: Page, action: string): Promise<string> {
  const props = page.getByRole('complementary', { name: '属性' });
  const before = (await props.locator('.ant-descriptions code').first().innerText()).trim();
  await page.locator(`.djs-context-pad .entry[data-action="${action}"]`).click();
  await expect(props.locator('.ant-descriptions code').first().filter({ hasNotText: before })).toBeVisible();
  return (await props.locator('.ant-descriptions code').first().innerText()).trim();
}

const CONTEXT_KEY = 'e2e_context_pad';

export const scenarios: Scenario[] = [
  {
    name: 'designer: timer duration in working or calendar days, a called process from the published ones, an error code',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin', '/admin/processes/new');
      await expect(shapes(admin)).toBeVisible();
      const props = admin.getByRole('complementary', { name: '属性' });
      await props.getByLabel('流程标识（部署后的 key）').fill('e2e_timer_call');
      await props.getByLabel('流程标识（部署后的 key）').press('Enter');

      await clickElement(admin, 'start');
      await append(admin, 'append.timer-intermediate-event');
      await props.getByLabel('时长', { exact: true }).fill('3');
      await props.getByLabel('时长', { exact: true }).press('Enter');
      await expect(props.getByText('3 个工作日（按工作日历，节假日不计）')).toBeVisible();
      assert((await props.getByLabel('定时（如 PT1H、P5WD、R3/PT1H）').inputValue()) === 'P3WD', 'working days written as P3WD');
      await props.getByLabel('单位').selectOption({ label: '自然日' });
      await expect(props.getByText('3 个自然日（含节假日）')).toBeVisible();
      await ctx.shot(admin, 'designer-timer');

      // A user task changed into a call activity through the wrench; the called process is picked from the published ones.
      const call = await append(admin, 'append.user-task');
      await admin.locator('.djs-context-pad .entry[data-action="replace"]').click();
      await admin.locator('.djs-popup [data-id="replace-with-call-activity"]').click();
      await expect(props.getByText('bpmn:CallActivity')).toBeVisible();
      const called = props.getByLabel('调用的流程标识');
      await expect(called.locator('option[value="review-scjg"]')).toHaveCount(1);
      await called.selectOption('review-scjg');
      // Still selected: its context pad appends the end.
      await expect(props.getByText(call, { exact: true })).toBeVisible();
      await append(admin, 'append.end-event');
      await admin.locator('.djs-context-pad .entry[data-action="replace"]').click();
      await admin.locator('.djs-popup [data-id="replace-with-error-end"]').click();
      await props.getByLabel('错误代码').fill('E_REFUSED');
      await props.getByLabel('错误代码').press('Enter');
      await ctx.shot(admin, 'designer-call-error');
      const validation = await validateShown(admin);
      assert(validation.includes('无问题') || validation.includes('0 个错误'), `the process validates: ${validation}`);

      await admin.getByRole('button', { name: '保存为草稿' }).click();
      await expect(admin.getByText('已保存为草稿（第 1 版）')).toBeVisible();
      const exported = await admin.evaluate(async () => {
        const list = (await (await fetch('/api/workflow/definitions')).json()) as { key: string; versions: { id: string }[] }[];
        return (await fetch(`/api/workflow/definitions/${list.find((p) => p.key === 'e2e_timer_call')!.versions[0]!.id}/export`)).text();
      });
      for (const written of ['>P3D</bpmn:timeDuration>', 'calledElement="review-scjg"', 'errorCode="E_REFUSED"']) {
        assert(exported.includes(written), `the saved XML has ${written}:\n${exported}`);
      }
    },
  },
  {
    name: 'designer: a process designed with the context pad, a finding clicked and fixed, published; drafts deleted',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin', '/admin/processes/new');
      await expect(shapes(admin)).toBeVisible();
      const props = admin.getByRole('complementary', { name: '属性' });
      // The process key and name, on the process itself.
      await props.getByLabel('流程标识（部署后的 key）').fill(CONTEXT_KEY);
      await props.getByLabel('流程标识（部署后的 key）').press('Enter');
      await props.getByLabel('流程名称').fill('缴费后审查');
      await props.getByLabel('流程名称').press('Enter');

      // The context pad of the start event offers only executable elements, in Chinese.
      await clickElement(admin, 'start');
      const pad = admin.locator('.djs-context-pad');
      await expect(pad.locator('.entry[data-action="append.user-task"]')).toBeVisible();
      for (const gone of ['append.append-task', 'append.intermediate-event', 'append.condition-intermediate-event']) {
        await expect(pad.locator(`.entry[data-action="${gone}"]`)).toHaveCount(0);
      }
      await expect(pad.locator('.entry[title="追加接收任务（等待外部系统）"]')).toHaveCount(1);
      await ctx.shot(admin, 'designer-context-pad');

      // start → 缴费确认 (receive task, waits for the message) → 金额判断 → 审查 → end; 金额判断 → 办结.
      const receive = await append(admin, 'append.receive-task');
      await props.getByLabel('名称', { exact: true }).fill('缴费确认');
      await props.getByLabel('名称', { exact: true }).press('Enter');
      await props.getByLabel('消息名称').fill('payment-confirmed');
      await props.getByLabel('消息名称').press('Enter');
      const gateway = await append(admin, 'append.gateway');
      await props.getByLabel('名称', { exact: true }).fill('金额判断');
      await props.getByLabel('名称', { exact: true }).press('Enter');
      const review = await append(admin, 'append.user-task');
      await props.getByLabel('名称', { exact: true }).fill('大额审查');
      await props.getByLabel('名称', { exact: true }).press('Enter');
      await props.getByLabel('办理人规则').selectOption('department');
      await props.getByLabel('办理人', { exact: true }).fill('SCJG');
      await props.getByLabel('办理人', { exact: true }).press('Enter');
      await append(admin, 'append.end-event');
      await clickElement(admin, gateway);
      await append(admin, 'append.end-event');
      await props.getByLabel('名称', { exact: true }).fill('办结');
      await props.getByLabel('名称', { exact: true }).press('Enter');

      // The replace menu (wrench) of the user task offers only executable types.
      await clickElement(admin, review);
      await pad.locator('.entry[data-action="replace"]').click();
      const menu = admin.locator('.djs-popup');
      await expect(menu.locator('[data-id="replace-with-service-task"]')).toBeVisible();
      for (const gone of ['replace-with-task', 'replace-with-manual-task', 'replace-with-script-task', 'replace-with-send-task']) {
        await expect(menu.locator(`[data-id="${gone}"]`)).toHaveCount(0);
      }
      await admin.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);

      // Validation names the gateway's flows without conditions; the finding selects and highlights the flow.
      const findings = admin.getByRole('region', { name: '校验结果' });
      const text = await validateShown(admin);
      assert(text.includes('FLOW_CONDITION_MISSING') && text.includes('2 个错误'), `two flows need a condition or a default: ${text}`);
      const first = findings.locator('button.tb-finding').filter({ hasText: 'FLOW_CONDITION_MISSING' }).first();
      const flowId = (await first.locator('.tb-finding-element').innerText()).trim();
      assert(/金额判断/.test(await first.innerText()), 'the finding says which gateway');
      await first.click();
      await expect(props.getByText(flowId, { exact: true })).toBeVisible();
      await expect(admin.locator(`.djs-element.tb-marker-focus[data-element-id="${flowId}"]`)).toHaveCount(1);
      await ctx.shot(admin, 'designer-finding-clicked');

      // A condition that does not parse is caught by 检查 before deploying; then fixed.
      const condition = props.getByLabel('流转条件');
      await condition.fill('amount >');
      await props.getByRole('button', { name: '检查' }).click();
      await expect(props.getByText(/第 \d+ 个字符处有误/)).toBeVisible();
      await condition.fill('${amount > 100000}');
      await props.getByRole('button', { name: '检查' }).click();
      await expect(props.getByText('表达式可以解析')).toBeVisible();
      await ctx.shot(admin, 'designer-condition-checked');

      // Which flow goes to 大额审查? The other flow out of the gateway becomes the default.
      const other = findings.locator('button.tb-finding').filter({ hasText: 'FLOW_CONDITION_MISSING' }).filter({ hasNotText: flowId });
      const otherId = (await other.first().locator('.tb-finding-element').innerText()).trim();
      assert(otherId && otherId !== flowId, 'the other flow is named');
      await other.first().click();
      await expect(props.getByText(otherId, { exact: true })).toBeVisible();
      await props.getByLabel('默认流向（其他条件都不满足时）').check();
      assert((await validateShown(admin)).includes('无问题'), 'fixed: no findings');

      await admin.getByRole('button', { name: '发布' }).click();
      await expect(admin.getByText('已发布第 1 版')).toBeVisible();
      const exported = await admin.evaluate(async (key) => {
        const list = (await (await fetch('/api/workflow/definitions')).json()) as { key: string; versions: { id: string }[] }[];
        return (await fetch(`/api/workflow/definitions/${list.find((p) => p.key === key)!.versions[0]!.id}/export`)).text();
      }, CONTEXT_KEY);
      for (const written of [`<bpmn:receiveTask id="${receive}" name="缴费确认" messageRef=`, 'name="payment-confirmed"', '${amount &gt; 100000}', 'tongban:assignee="SCJG"']) {
        assert(exported.includes(written), `the published XML has ${written}:\n${exported}`);
      }

      // A draft saved in the designer is deleted there, after confirming.
      await props.getByLabel('名称', { exact: true }).fill('默认');
      await props.getByLabel('名称', { exact: true }).press('Enter');
      await admin.getByRole('button', { name: '保存为草稿' }).click();
      await expect(admin.getByText('已保存为草稿（第 2 版）')).toBeVisible();
      await admin.getByRole('button', { name: '删除草稿' }).click();
      await admin.getByRole('dialog').getByRole('button', { name: '删除草稿' }).click();
      await expect(admin.getByText('已删除草稿第 2 版')).toBeVisible();
      await expect(admin.getByRole('heading', { name: '流程定义' })).toBeVisible();
      const row = admin.getByRole('row').filter({ hasText: CONTEXT_KEY });
      await expect(row.getByRole('link', { name: `${CONTEXT_KEY} 第 1 版 已发布` })).toBeVisible();
      await expect(row.getByRole('link', { name: `${CONTEXT_KEY} 第 2 版 草稿` })).toHaveCount(0);

      // Another draft, deleted from the list; the published version stays.
      await row.getByRole('link', { name: `${CONTEXT_KEY} 第 1 版 已发布` }).click();
      await expect(shapes(admin).filter({ hasText: '大额审查' })).toBeVisible();
      await admin.getByRole('button', { name: '保存为草稿' }).click();
      await expect(admin.getByText('已保存为草稿（第 2 版）')).toBeVisible();
      await admin.getByRole('link', { name: '返回流程列表' }).click();
      await expect(row).toContainText('草稿');
      await ctx.shot(admin, 'designer-list-with-draft');
      await row.getByRole('button', { name: `删除草稿 ${CONTEXT_KEY} 第 2 版` }).click();
      await admin.getByRole('dialog').getByRole('button', { name: '删除草稿' }).click();
      await expect(row.getByRole('link', { name: `${CONTEXT_KEY} 第 2 版 草稿` })).toHaveCount(0);
      await expect(row.getByRole('link', { name: `${CONTEXT_KEY} 第 1 版 已发布` })).toBeVisible();
      // Items that bind a demo process are shown with it.
      await expect(admin.getByRole('table')).toContainText('食品经营许可（新办）');
      await ctx.shot(admin, 'designer-list');
    },
  },
  {
    name: 'designer: every BPMN MIWG file imports, renders and validates',
    async run(ctx) {
      const files = miwgFiles();
      const admin = await signedIn(ctx, 'admin', '/admin/processes/new');
      await expect(shapes(admin)).toBeVisible();
      // The palette offers only what executes: no plain task, data objects, pools or throw events.
      await expect(admin.locator('.djs-palette .entry.bpmn-icon-user-task')).toBeVisible();
      for (const icon of ['task', 'data-object', 'data-store', 'participant', 'intermediate-event-none', 'group']) {
        await expect(admin.locator(`.djs-palette .entry.bpmn-icon-${icon}`)).toHaveCount(0);
      }
      await expect(admin.locator('.djs-palette .entry[aria-label="人工任务（办理环节）"]')).toHaveCount(1);
      const results: string[] = [];
      for (const name of files) {
        await importFile(admin, { name, buffer: fs.readFileSync(path.join(MIWG_DIR, name)) });
        await expect(admin.getByText(`无法导入 ${name}`)).toHaveCount(0);
        await expect(shapes(admin)).toBeVisible();
        const drawn = await shapes(admin).count();
        const findings = await validateShown(admin);
        const summary = /无问题/.test(findings) ? '无问题' : findings.match(/\d+ 个错误，\d+ 个警告/)![0];
        results.push(`${name}: ${drawn} shapes, ${summary}`);
        if (name === 'C.4.0.bpmn') await ctx.shot(admin, 'designer-miwg-C.4.0');
        assertNoConsoleErrors(admin, `after importing ${name}`);
      }
      console.log(`  MIWG in the designer:\n${results.map((r) => `    ${r}`).join('\n')}`);

      // Clicking a finding selects its element in the diagram and shows it in the properties panel.
      const first = admin.getByRole('region', { name: '校验结果' }).locator('button.tb-finding:not([disabled])').first();
      if (await first.count()) {
        const id = (await first.locator('.tb-finding-element').innerText()).trim();
        await first.click();
        await expect(admin.getByRole('complementary', { name: '属性' }).getByText(id, { exact: true })).toBeVisible();
      }

      // A file that is not BPMN XML is refused with its name, without a page error.
      await importFile(admin, { name: 'broken.bpmn', buffer: Buffer.from('<bpmn:definitions><unclosed>') });
      await expect(admin.getByText('无法导入 broken.bpmn', { exact: false })).toBeVisible();
      assertNoConsoleErrors(admin, 'after a broken file');
    },
  },
  {
    name: 'designer: a gateway condition and its default flow are set through the properties panel',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin', '/admin/processes/new');
      await expect(shapes(admin)).toBeVisible();
      await importFile(admin, { name: 'gateway.bpmn', buffer: Buffer.from(GATEWAY_PROCESS) });
      const findings = admin.getByRole('region', { name: '校验结果' });
      assert((await validateShown(admin)).includes('FLOW_CONDITION_MISSING'), 'flows out of the gateway need conditions');

      // Saving it is refused with the server's message, and the findings name the flows.
      await admin.getByRole('button', { name: '保存为草稿' }).click();
      await expect(admin.getByText('流程定义存在无法执行的元素')).toBeVisible();
      await expect(findings.locator('button.tb-finding').filter({ hasText: 'toBig' })).toBeVisible();

      // Click the finding about toBig: the flow is selected; give it a condition.
      await findings.locator('button.tb-finding').filter({ hasText: 'toBig' }).first().click();
      const props = admin.getByRole('complementary', { name: '属性' });
      await expect(props.getByText('toBig', { exact: true })).toBeVisible();
      await props.getByLabel('流转条件').fill('${amount > 100000}');
      await props.getByLabel('流转条件').press('Enter');

      // toEnd becomes the gateway's default flow.
      await findings.locator('button.tb-finding').filter({ hasText: 'toEnd' }).first().click();
      await expect(props.getByText('toEnd', { exact: true })).toBeVisible();
      await props.getByLabel('默认流向（其他条件都不满足时）').check();
      assert((await validateShown(admin)).includes('无问题'), 'condition and default flow make the gateway valid');
      await ctx.shot(admin, 'designer-gateway');
    },
  },
  {
    name: 'designer: an admin saves a process as a draft, publishes it, and a manager views it read-only',
    async run(ctx) {
      const admin = await signedIn(ctx, 'admin');
      // From the workbench menu to the process list.
      await admin.goto('/workbench');
      await admin.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '流程设计' }).click();
      await expect(admin.getByRole('heading', { name: '流程定义' })).toBeVisible();
      await admin.getByRole('link', { name: '新建' }).click();
      await expect(shapes(admin)).toBeVisible();
      await importFile(admin, { name: `${KEY}.bpmn`, buffer: Buffer.from(SMALL_PROCESS) });
      await expect(shapes(admin).filter({ hasText: '审查' })).toBeVisible();
      assert((await validateShown(admin)).includes('无问题'), 'the small process validates without findings');

      // The properties panel shows our attributes for the user task.
      await shapes(admin).filter({ hasText: '审查' }).first().click();
      const props = admin.getByRole('complementary', { name: '属性' });
      await expect(props.getByLabel('办理人规则')).toBeVisible();
      assert((await props.getByLabel('办理人规则').inputValue()) === 'department', 'assignee kind department shown');
      assert((await props.getByLabel('办理人', { exact: true }).inputValue()) === 'SCJG', 'assignee SCJG shown');
      assert((await props.getByLabel('办理时限（工作日）').inputValue()) === '5', 'limit shown');
      await props.getByLabel('办理时限（工作日）').fill('7');
      await props.getByLabel('办理时限（工作日）').press('Enter');
      // 会签: parallel, done when 60% approve.
      await props.getByLabel('多人办理（会签 / 或签）').selectOption({ label: '并行会签' });
      await props.getByLabel('完成条件').selectOption({ label: '按比例' });
      await props.getByLabel('通过比例（0–1）').fill('0.6');
      await props.getByLabel('通过比例（0–1）').press('Enter');
      await props.getByLabel('超时处理').selectOption({ label: '上报' });
      await props.getByLabel('上报给角色').fill('manager');
      await props.getByLabel('上报给角色').press('Enter');
      assert((await validateShown(admin)).includes('无问题'), 'still valid after the edits');
      await ctx.shot(admin, 'designer-small-process');

      await admin.getByRole('button', { name: '保存为草稿' }).click();
      await expect(admin.getByText('已保存为草稿（第 1 版）')).toBeVisible();
      await expect(admin.getByText(`${KEY} · 第 1 版`)).toBeVisible();
      await admin.getByRole('button', { name: '发布' }).click();
      await expect(admin.getByText('已发布第 1 版')).toBeVisible();

      await admin.getByRole('link', { name: '返回流程列表' }).click();
      const row = admin.getByRole('row').filter({ hasText: KEY });
      await expect(row).toContainText('已发布');
      await expect(row).toContainText('第 1 版');
      await expect(row.getByRole('link', { name: `${KEY} 第 1 版 已发布` })).toBeVisible();
      await ctx.shot(admin, 'designer-list');

      // The saved XML carries the edited limit.
      const exported = await admin.evaluate(async (key) => {
        const list = (await (await fetch('/api/workflow/definitions')).json()) as { key: string; versions: { id: string }[] }[];
        const id = list.find((p) => p.key === key)!.versions[0]!.id;
        return (await fetch(`/api/workflow/definitions/${id}/export`)).text();
      }, KEY);
      for (const written of ['tongban:limitDays="7"', 'tongban:completion="ratio"', 'tongban:ratio="0.6"', 'tongban:timeoutAction="escalate"', 'tongban:escalateTo="manager"', 'multiInstanceLoopCharacteristics']) {
        assert(exported.includes(written), `the saved XML has ${written}:\n${exported}`);
      }

      const manager = await signedIn(ctx, 'manager', '/admin/processes');
      await manager.getByRole('link', { name: `${KEY} 第 1 版 已发布` }).click();
      await expect(manager.getByText('只读：仅系统管理员可以修改流程。')).toBeVisible();
      await expect(shapes(manager).filter({ hasText: '审查' })).toBeVisible();
      await expect(manager.getByRole('button', { name: '保存为草稿' })).toHaveCount(0);
      await expect(manager.getByText(`${KEY} · 第 1 版`)).toBeVisible();
      await expect(manager.getByText('有未保存的修改')).toHaveCount(0);
      await ctx.shot(manager, 'designer-manager-view');
    },
  },
];
