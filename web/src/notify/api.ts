// Calls of the message centre and the notification admin pages (server/src/modules/notify/routes.ts).
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../api/client';

export type Channel = 'sms' | 'email' | 'inapp';

export interface InboxMessage {
  id: string;
  kind: string;
  caseId: string | null;
  caseNo: string | null;
  urgent: boolean;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Preference {
  kind: string;
  label: { zh: string; en: string };
  channels: Channel[];
  mandatory: Channel[];
  available: Channel[];
}

export interface Template {
  kind: string;
  label: { zh: string; en: string };
  audience: 'applicant' | 'staff';
  variables: string[];
  aboutCase: boolean;
  urgent: boolean;
  titleZh: string;
  bodyZh: string;
  titleEn: string;
  bodyEn: string;
  version: number;
  custom: boolean;
  updatedAt: string | null;
}

export interface OutboxItem {
  id: string;
  kind: string;
  channel: 'sms' | 'email';
  address: string;
  caseNo: string | null;
  urgent: boolean;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  parts: number;
  delivered: boolean;
  receipt: string | null;
  contentHash: string;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
  updatedAt: string;
}

const UNREAD_KEY = ['notify', 'unread'] as const;

export function useUnread(enabled: boolean) {
  return useQuery({ queryKey: UNREAD_KEY, queryFn: () => request<{ unread: number }>('GET', '/api/notify/unread'), enabled });
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
      const data = JSON.parse((e as MessageEvent<string>).data) as { unread: number };
      const before = qc.getQueryData<{ unread: number }>(UNREAD_KEY);
      qc.setQueryData(UNREAD_KEY, data);
      if (!before || before.unread !== data.unread) void qc.invalidateQueries({ queryKey: ['notify', 'inbox'] });
    });
    return () => source.close();
  }, [enabled, qc]);
}

export function useInbox(unreadOnly: boolean, page: number) {
  return useQuery({
    queryKey: ['notify', 'inbox', unreadOnly, page],
    queryFn: () => request<{ unread: number; items: InboxMessage[] }>('GET', '/api/notify/inbox', { query: { unread: unreadOnly ? '1' : '0', page, pageSize: 20 } }),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => request<{ changed: number; unread: number }>('POST', '/api/notify/inbox/read', { body: ids ? { ids } : {} }),
    onSuccess: (r) => {
      qc.setQueryData(UNREAD_KEY, { unread: r.unread });
      void qc.invalidateQueries({ queryKey: ['notify', 'inbox'] });
    },
  });
}

export function usePreferences() {
  return useQuery({ queryKey: ['notify', 'prefs'], queryFn: () => request<{ items: Preference[] }>('GET', '/api/notify/preferences') });
}

export function useSetPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { kind: string; channels: Channel[] }) => request('PUT', `/api/notify/preferences/${encodeURIComponent(p.kind)}`, { body: { channels: p.channels } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify', 'prefs'] }),
  });
}

export function useContact() {
  return useQuery({ queryKey: ['notify', 'contact'], queryFn: () => request<{ phone: string | null; email: string | null }>('GET', '/api/notify/contact') });
}

export function useSetContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { phone?: string | null; email?: string | null }) => request<{ phone: string | null; email: string | null }>('PUT', '/api/notify/contact', { body }),
    onSuccess: (r) => qc.setQueryData(['notify', 'contact'], r),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: ['notify', 'templates'], queryFn: () => request<{ items: Template[] }>('GET', '/api/admin/notify/templates') });
}

export type TemplateText = Pick<Template, 'titleZh' | 'bodyZh' | 'titleEn' | 'bodyEn'>;

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { kind: string; text: TemplateText; version: number }) =>
      request<{ version: number }>('PUT', `/api/admin/notify/templates/${encodeURIComponent(p.kind)}`, { body: { ...p.text, version: p.version } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify', 'templates'] }),
  });
}

export function usePreviewTemplate() {
  return useMutation({
    mutationFn: (p: { kind: string; text: TemplateText }) => request<TemplateText>('POST', `/api/admin/notify/templates/${encodeURIComponent(p.kind)}/preview`, { body: p.text }),
  });
}

export function useOutbox(status: 'sent' | 'pending' | 'dead', page: number) {
  return useQuery({
    queryKey: ['notify', 'outbox', status, page],
    queryFn: () => request<{ total: number; items: OutboxItem[] }>('GET', '/api/admin/notify/outbox', { query: { status, page, pageSize: 20 } }),
  });
}

export function useDepth() {
  return useQuery({
    queryKey: ['notify', 'depth'],
    queryFn: () => request<{ items: { channel: string; pending: number; dead: number; sent: number }[] }>('GET', '/api/admin/notify/depth'),
  });
}

export function useResend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('POST', `/api/admin/notify/outbox/${id}/resend`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notify'] }),
  });
}
