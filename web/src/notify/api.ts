// Calls of the message centre and the notification admin pages (server/src/modules/notify/routes.ts).
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, ok } from '../api/http';
import type { RequestOf, ResponseOf } from '../api';

export type InboxMessage = ResponseOf<'/api/notify/inbox'>['items'][number];
export type Preference = ResponseOf<'/api/notify/preferences'>['items'][number];
export type Channel = Preference['channels'][number];
export type Template = ResponseOf<'/api/admin/notify/templates'>['items'][number];
export type OutboxItem = ResponseOf<'/api/admin/notify/outbox'>['items'][number];
type Unread = ResponseOf<'/api/notify/unread'>;

const UNREAD_KEY = ['notify', 'unread'] as const;

export function useUnread(enabled: boolean) {
  return useQuery({ queryKey: UNREAD_KEY, queryFn: () => ok(http.GET('/api/notify/unread')), enabled });
}

/**
 * Keeps the unread count live: the server pushes it (server-sent events)
 * whenever a message for this person commits on any node.
 */
export function useUnreadStream(enabled: boolean): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notify/stream');
    source.addEventListener('unread', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as Unread;
      const before = qc.getQueryData<Unread>(UNREAD_KEY);
      qc.setQueryData(UNREAD_KEY, data);
      if (!before || before.unread !== data.unread) void qc.invalidateQueries({ queryKey: ['notify', 'inbox'] });
    });
    return () => source.close();
  }, [enabled, qc]);
}

export function useInbox(unreadOnly: boolean, page: number) {
  return useQuery({
    queryKey: ['notify', 'inbox', unreadOnly, page],
    queryFn: () => ok(http.GET('/api/notify/inbox', { params: { query: { unread: unreadOnly ? '1' : '0', page, pageSize: 20 } } })),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => ok(http.POST('/api/notify/inbox/read', { body: ids ? { ids } : {} })),
    onSuccess: (r) => {
      qc.setQueryData(UNREAD_KEY, { unread: r.unread });
      void qc.invalidateQueries({ queryKey: ['notify', 'inbox'] });
    },
  });
}

export function usePreferences() {
  return useQuery({ queryKey: ['notify', 'prefs'], queryFn: () => ok(http.GET('/api/notify/preferences')) });
}

export function useSetPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { kind: string; channels: Channel[] }) => ok(http.PUT('/api/notify/preferences/{kind}', { params: { path: { kind: p.kind } }, body: { channels: p.channels } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify', 'prefs'] }),
  });
}

export function useContact() {
  return useQuery({ queryKey: ['notify', 'contact'], queryFn: () => ok(http.GET('/api/notify/contact')) });
}

export function useSetContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestOf<'/api/notify/contact', 'put'>) => ok(http.PUT('/api/notify/contact', { body })),
    onSuccess: (r) => qc.setQueryData(['notify', 'contact'], r),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: ['notify', 'templates'], queryFn: () => ok(http.GET('/api/admin/notify/templates')) });
}

export type TemplateText = Pick<Template, 'titleZh' | 'bodyZh' | 'titleEn' | 'bodyEn'>;

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { kind: string; text: TemplateText; version: number }) =>
      ok(http.PUT('/api/admin/notify/templates/{kind}', { params: { path: { kind: p.kind } }, body: { ...p.text, version: p.version } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify', 'templates'] }),
  });
}

export function usePreviewTemplate() {
  return useMutation({
    mutationFn: (p: { kind: string; text: TemplateText }) => ok(http.POST('/api/admin/notify/templates/{kind}/preview', { params: { path: { kind: p.kind } }, body: p.text })),
  });
}

export function useOutbox(status: 'sent' | 'pending' | 'dead', page: number) {
  return useQuery({
    queryKey: ['notify', 'outbox', status, page],
    queryFn: () => ok(http.GET('/api/admin/notify/outbox', { params: { query: { status, page, pageSize: 20 } } })),
  });
}

export function useDepth() {
  return useQuery({
    queryKey: ['notify', 'depth'],
    queryFn: () => ok(http.GET('/api/admin/notify/depth')),
  });
}

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(http.POST('/api/admin/notify/outbox/{id}/resend', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify'] }),
  });
}
