import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { checkFormSpec } from '../../../../shared/forms/index.ts';
import { checkFormBody, specProblemsSchema } from './schemas.ts';

/** The form language's check, for the designer (administrators only); saving a form is the catalogue's. */
export function registerFormRoutes(app: Api, _ctx: AppContext): void {
  app.post('/api/admin/forms/check', {
    config: { roles: ['admin'] },
    schema: { tags: ['forms'], summary: '检查申请表定义（不保存）', body: checkFormBody, response: { 200: specProblemsSchema } },
  }, async (req) => {
    return { problems: checkFormSpec(req.body.form) };
  });
}
