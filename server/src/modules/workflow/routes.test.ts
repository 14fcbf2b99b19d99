import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { tongbanModdleDescriptor } from './definition/index.ts';
import { designerModdleDescriptor } from '../../../../web/src/admin/tongban-descriptor.ts';

let t: TestApp;
let admin: string;
let manager: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, manager, clerk] = await Promise.all([login(t.app, 'admin'), login(t.app, 'manager'), login(t.app, 'clerk')]);
});
afterAll(() => t.close());

const processXml = (key: string, name = '测试流程', extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="defs" targetNamespace="http://tongban.org">
  <bpmn:process id="${key}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="review" name="审查" tongban:assigneeKind="department" tongban:assignee="SCJG" tongban:limitDays="5"/>
    ${extra}
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const { post } = requestsTo(() => t.app);

describe('workflow definition routes', () => {
  it('the designer registers the same tongban: moddle descriptor as the server', () => {
    // moddle annotates a descriptor in place once registered (ns, prefixed names): compare what was written.
    const plain = (d: typeof tongbanModdleDescriptor) => ({
      name: d.name, uri: d.uri, prefix: d.prefix, xml: d.xml,
      types: d.types.map((ty) => ({
        name: ty.name.replace(/^tongban:/, ''),
        extends: 'extends' in ty ? ty.extends : undefined,
        superClass: 'superClass' in ty ? ty.superClass : undefined,
        properties: ty.properties.map((p) => ({ name: p.name.replace(/^tongban:/, ''), isAttr: p.isAttr, type: p.type })),
      })),
    });
    expect(plain(designerModdleDescriptor)).toEqual(plain(tongbanModdleDescriptor));
  });

  it('validates any text into findings, never a 500', async () => {
    for (const xml of ['not xml at all', '<a><b></a>', '<?xml version="1.0"?><root/>', processXml('ok'), processXml('bad', 'x', '<bpmn:manualTask id="m"/>')]) {
      const res = await post('/api/workflow/validate', admin, { xml });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      for (const f of body.findings) expect(Object.keys(f).sort()).toEqual(['code', 'elementId', 'elementType', 'en', 'severity', 'zh']);
    }
    const ok = (await post('/api/workflow/validate', admin, { xml: processXml('ok') })).json();
    expect(ok).toMatchObject({ errors: 0 });
    const bad = (await post('/api/workflow/validate', admin, { xml: processXml('bad', 'x', '<bpmn:manualTask id="m"/>') })).json();
    expect(bad.findings).toContainEqual(expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'm', elementType: 'bpmn:ManualTask', severity: 'error' }));
    const malformed = (await post('/api/workflow/validate', admin, { xml: 'not xml at all' })).json();
    expect(malformed.findings[0].code).toBe('XML_MALFORMED');
  });

  it('deploys a draft, publishes it, lists the versions and exports the file', async () => {
    const d1 = await post('/api/workflow/definitions', admin, { xml: processXml('food') });
    expect(d1.statusCode).toBe(201);
    expect(d1.json()).toMatchObject({ key: 'food', version: 1, status: 'draft', name: '测试流程' });
    const d2 = await post('/api/workflow/definitions', admin, { xml: processXml('food', '测试流程二'), publish: true });
    expect(d2.json()).toMatchObject({ key: 'food', version: 2, status: 'published' });

    let list = (await t.app.inject({ url: '/api/workflow/definitions', headers: { cookie: manager } })).json();
    let food = list.find((p: { key: string }) => p.key === 'food');
    expect(food.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'draft']]);
    expect(food.published.version).toBe(2);

    const pub = await post(`/api/workflow/definitions/${d1.json().id}/publish`, admin, {});
    expect(pub.statusCode).toBe(200);
    expect(pub.json().status).toBe('published');
    const again = await post(`/api/workflow/definitions/${d1.json().id}/publish`, admin, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DEFINITION_NOT_DRAFT');
    list = (await t.app.inject({ url: '/api/workflow/definitions', headers: { cookie: admin } })).json();
    food = list.find((p: { key: string }) => p.key === 'food');
    expect(food.published.version).toBe(2);

    const one = (await t.app.inject({ url: `/api/workflow/definitions/${d1.json().id}`, headers: { cookie: manager } })).json();
    expect(one).toMatchObject({ key: 'food', version: 1, status: 'published' });
    expect(one.xml).toBe(processXml('food'));

    const file = await t.app.inject({ url: `/api/workflow/definitions/${d1.json().id}/export`, headers: { cookie: admin } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="food-v1.bpmn"');
    expect(file.body).toBe(processXml('food'));
  });

  it('refuses a definition with errors, naming the elements', async () => {
    const res = await post('/api/workflow/definitions', admin, { xml: processXml('broken', 'x', '<bpmn:manualTask id="m"/>') });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('BPMN_INVALID');
    expect(res.json().details.findings).toContainEqual(expect.objectContaining({ code: 'UNSUPPORTED_ELEMENT', elementId: 'm' }));
    const list = (await t.app.inject({ url: '/api/workflow/definitions', headers: { cookie: admin } })).json();
    expect(list.find((p: { key: string }) => p.key === 'broken')).toBeUndefined();
  });

  it('checks roles on every route and ids', async () => {
    const d = (await post('/api/workflow/definitions', admin, { xml: processXml('roles') })).json();
    expect((await post('/api/workflow/definitions', manager, { xml: processXml('roles') })).json().code).toBe('FORBIDDEN');
    expect((await post(`/api/workflow/definitions/${d.id}/publish`, manager, {})).json().code).toBe('FORBIDDEN');
    expect((await post('/api/workflow/validate', manager, { xml: processXml('roles') })).json().code).toBe('FORBIDDEN');
    for (const url of ['/api/workflow/definitions', `/api/workflow/definitions/${d.id}`, `/api/workflow/definitions/${d.id}/export`]) {
      expect((await t.app.inject({ url, headers: { cookie: clerk } })).json().code).toBe('FORBIDDEN');
      expect((await t.app.inject({ url })).json().code).toBe('UNAUTHENTICATED');
    }
    const missing = await t.app.inject({ url: '/api/workflow/definitions/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PROCESS_NOT_FOUND');
    expect((await t.app.inject({ url: '/api/workflow/definitions/nope', headers: { cookie: admin } })).json().code).toBe('VALIDATION_FAILED');
    expect((await post('/api/workflow/validate', admin, {})).json().code).toBe('VALIDATION_FAILED');
  });
});
