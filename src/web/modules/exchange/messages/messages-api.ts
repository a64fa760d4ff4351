import { queryOptions } from '@tanstack/react-query';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import type { AttachmentSummary } from '../attachments/attachments-api.js';
import { DIRECTORY_API, type DirectoryUnit } from '../directory/directory-api.js';

export const MESSAGES_API = '/api/v1/messages';
export const RESTRICTIONS = ['law_enforcement_only', 'ask_before_judicial_use'] as const;
export const PRIORITIES = ['routine', 'urgent', 'immediate'] as const;
export const PAGE_SIZE = 20;

export type MessageKind = 'message' | 'rfi';
export type Box = 'inbox' | 'sent';
export type Restriction = (typeof RESTRICTIONS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type RfiStatus = 'open' | 'answered' | 'overdue' | 'closed';

export interface Message {
  id: string;
  threadId: string;
  inReplyTo: string | null;
  forwardedFrom: string | null;
  kind: MessageKind;
  subject: string;
  body: string;
  restrictions: Restriction[];
  priority: Priority;
  deadline: string | null;
  status: RfiStatus | null;
  handlingCode: HandlingCode;
  sender: { userId: string; name: string };
  fromUnit: { id: string; name: string };
  fromOrganisation: { id: string; name: string };
  distribution: { units: string[]; organisations: string[]; sharingGroups: string[]; allPartners: boolean };
  read: boolean;
  createdAt: string;
  /** Only on a message opened with its thread (not in lists). */
  attachments?: AttachmentSummary[];
}

export interface Acknowledgement {
  unitId: string;
  unit: string;
  organisation: string;
  at: string;
}

export type MessageDetail = Message & { thread: Message[]; acknowledgements: Acknowledgement[] };

export interface MessageList {
  messages: Message[];
  total: number;
  unread: number;
}

/** The list page's address: `?box=sent&kind=rfi&q=…&page=2`; the defaults (inbox, page 1) are left out. */
export interface MessageListSearch {
  box?: Box;
  kind?: MessageKind;
  q?: string;
  page?: number;
}

/** Who receives a message, as the API takes it. */
export type DistributionTarget = { kind: 'unit' | 'organisation' | 'sharing_group'; id: string } | { kind: 'all_partners' };

export interface ComposeInput {
  kind: MessageKind;
  subject: string;
  body: string;
  handlingCode: HandlingCode;
  restrictions: Restriction[];
  distribution: DistributionTarget[];
  priority: Priority;
  deadline?: string;
  inReplyTo?: string;
  attachmentIds?: string[];
}

export const messageKeys = {
  all: ['messages'] as const,
  list: (search: MessageListSearch) => ['messages', 'list', search] as const,
  one: (id: string) => ['messages', 'one', id] as const,
  unread: ['messages', 'unread'] as const,
};

export const messagePath = (id: string) => `/messages/${encodeURIComponent(id)}`;

export const messagesQuery = (search: MessageListSearch) =>
  queryOptions({
    queryKey: messageKeys.list(search),
    queryFn: () =>
      api.get<MessageList>(
        withQuery(MESSAGES_API, {
          box: search.box ?? 'inbox',
          kind: search.kind,
          q: search.q?.trim(),
          limit: PAGE_SIZE,
          offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
        }),
      ),
  });

export const messageQuery = (id: string) =>
  queryOptions({
    queryKey: messageKeys.one(id),
    queryFn: () => api.get<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}`),
    retry: false,
  });

/** The inbox's unread count for the navigation badge; live updates by server-sent events come later. */
export const unreadQuery = queryOptions({
  queryKey: messageKeys.unread,
  queryFn: async () => (await api.get<MessageList>(withQuery(MESSAGES_API, { box: 'inbox', limit: 1 }))).unread,
  refetchInterval: 30_000,
});

/** After any change every cached list, thread and the unread count may be stale. */
export const refreshMessages = () => queryClient.invalidateQueries({ queryKey: messageKeys.all });

export const sendMessage = (input: ComposeInput) => api.post<MessageDetail>(MESSAGES_API, input);
export const acknowledgeMessage = (id: string) =>
  api.post<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}/acknowledge`);
export const forwardMessage = (id: string, input: { distribution: DistributionTarget[]; note?: string }) =>
  api.post<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}/forward`, input);

export const unitsQuery = queryOptions({
  queryKey: ['directory', 'units'],
  queryFn: () => api.get<{ items: DirectoryUnit[] }>(`${DIRECTORY_API}/units`),
  staleTime: 5 * 60_000,
});

export const sharingGroupsQuery = queryOptions({
  queryKey: ['sharing-groups', 'recipients'],
  queryFn: () => api.get<{ items: { id: string; name: string }[] }>(withQuery('/api/v1/admin/sharing-groups', { limit: 200 })),
  staleTime: 5 * 60_000,
});

/** A recipient as the multi-select holds it: `unit:<id>`, `organisation:<id>`, `sharing_group:<id>`, `all_partners`. */
export function toDistribution(values: string[]): DistributionTarget[] {
  return values.map((value) => {
    if (value === 'all_partners') return { kind: 'all_partners' };
    const [kind, id] = value.split(':') as ['unit' | 'organisation' | 'sharing_group', string];
    return { kind, id };
  });
}

/** The value of a `<input type="datetime-local">` (the reader's local time) as an ISO instant, or undefined. */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function parseMessageListSearch(search: Record<string, unknown>): MessageListSearch {
  const page = Number(search.page);
  const parsed: MessageListSearch = {};
  if (search.box === 'sent') parsed.box = 'sent';
  if (search.kind === 'message' || search.kind === 'rfi') parsed.kind = search.kind;
  if (typeof search.q === 'string' && search.q) parsed.q = search.q.slice(0, 200);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}

export interface ComposeSearch {
  inReplyTo?: string;
}

export function parseComposeSearch(search: Record<string, unknown>): ComposeSearch {
  return typeof search.inReplyTo === 'string' && /^[0-9a-f-]{36}$/i.test(search.inReplyTo) ? { inReplyTo: search.inReplyTo } : {};
}
