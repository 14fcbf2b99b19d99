import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { getItemForm, listItemForms, saveItemForm } from './form-designer.ts';
import { formSummarySchema, itemFormSchema, saveFormBody } from './schemas.ts';

const itemParams = z.object({ itemId: z.uuid() });

/** The form designer's API (表单设计器): the items' forms, administrators only. */
export function registerFormDesignerRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/admin/forms', {
    config: { roles: ['admin'] },
    schema: { tags: ['forms'], summary: '各事项的申请表（表单设计器列表）', response: { 200: z.array(formSummarySchema) } },
  }, async () => {
    return listItemForms(ctx.db);
  });

  app.get('/api/admin/forms/:itemId', {
    config: { roles: ['admin'] },
    schema: { tags: ['forms'], summary: '某事项的申请表定义', params: itemParams, response: { 200: itemFormSchema } },
  }, async (req) => {
    const found = await getItemForm(ctx.db, req.params.itemId);
    // The spec is typed in shared/forms; the wire schema only bounds its shape.
    return found as unknown as z.infer<typeof itemFormSchema>;
  });

  app.put('/api/admin/forms/:itemId', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['forms'], summary: '保存申请表定义（校验后保存，留痕 item.form_changed）', params: itemParams, body: saveFormBody,
      response: { 200: z.object({ revision: z.number().int() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return saveItemForm(ctx, actor, req.params.itemId, req.body.form, req.body.revision);
  });
}
