// The single sign-on console's calls (server/src/modules/sso/routes.ts).
import { http, ok } from '../../api/http';
import type { RequestOf, ResponseOf } from '../../api';

export type SsoClient = ResponseOf<'/api/admin/sso/clients'>['items'][number];
export type SsoClientInput = RequestOf<'/api/admin/sso/clients', 'post'>;

const onId = (id: string) => ({ path: { id } });

export const ssoApi = {
  clients: () => ok(http.GET('/api/admin/sso/clients')),
  register: (body: SsoClientInput) => ok(http.POST('/api/admin/sso/clients', { body })),
  update: (id: string, body: SsoClientInput) => ok(http.PUT('/api/admin/sso/clients/{id}', { params: onId(id), body })),
  /** A new secret: the old one stops at once, the new one is shown once. */
  renewSecret: (id: string) => ok(http.POST('/api/admin/sso/clients/{id}/secret', { params: onId(id), body: {} })),
  remove: (id: string) => ok(http.DELETE('/api/admin/sso/clients/{id}', { params: onId(id) })),
};
