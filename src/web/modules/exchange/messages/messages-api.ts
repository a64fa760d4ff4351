import { queryOptions } from '@tanstack/react-query';
import type { MessageDetail, MessageList, UnreadCounts } from '../../../../shared/exchange/messages/contract.js';
import type { Box, MessageKind, MessageTarget, Priority, Restriction } from '../../../../shared/exchange/messages/vocabulary.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { DIRECTORY_API, type UnitList } from '../directory/directory-api.js';

export type {
  Acknowledgement,
  Delivery,
  Message,
  MessageDetail,
  MessageList,
  ThreadMessage,
  UnreadCounts,
} from '../../../../shared/exchange/messages/contract.js';
export {
  BOXES,
  type Box,
  type MessageKind,
  PRIORITIES,
  type Priority,
  RESTRICTIONS,
  type Restriction,
  type RfiStatus,
} from '../../../../shared/exchange/messages/vocabulary.js';

export const MESSAGES_API = '/api/v1/messages';
export const PAGE_SIZE = 20;

/**
 * The list page's address: `?box=archive&unit=<id>&kind=rfi&q=…&page=2`; the defaults (inbox of
 * the first unit, page 1) are left out.
 */
export interface MessageListSearch {
  box?: Box;
  unit?: string;
  kind?: MessageKind;
  q?: string;
  page?: number;
}

/** Who receives a message, as the API takes it. */
export type DistributionTarget = MessageTarget;

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
          unitId: search.box === 'all' ? undefined : search.unit,
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

/** Unread messages in the inboxes of all the reader's units, for the navigation badge. */
export const unreadQuery = queryOptions({
  queryKey: messageKeys.unread,
  queryFn: async () => (await api.get<UnreadCounts>(`${MESSAGES_API}/unread`)).unread,
  refetchInterval: 30_000,
});

/** The same counts per unit, for the unit selector of the list page. */
export const unreadByUnitQuery = queryOptions({
  queryKey: [...messageKeys.unread, 'units'] as const,
  queryFn: () => api.get<UnreadCounts>(`${MESSAGES_API}/unread`),
});

/** After any change every cached list, thread and the unread count may be stale. */
export const refreshMessages = () => queryClient.invalidateQueries({ queryKey: messageKeys.all });

export const sendMessage = (input: ComposeInput) => api.post<MessageDetail>(MESSAGES_API, input);
/** Opening a thread reads it: its messages leave the unread counts of the reader's units. */
export async function markThreadRead(id: string): Promise<void> {
  const counts = await api.post<UnreadCounts>(`${MESSAGES_API}/${encodeURIComponent(id)}/read`, {});
  queryClient.setQueryData(messageKeys.unread, counts.unread);
  queryClient.setQueryData([...messageKeys.unread, 'units'], counts);
  await queryClient.invalidateQueries({ queryKey: ['messages', 'list'] });
}
export const acknowledgeMessage = (id: string) =>
  api.post<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}/acknowledge`);
/** Files the message away in one unit's archive (the first unit by default), or brings it back. */
export const archiveMessage = (id: string, archived: boolean, unitId?: string) =>
  api.post<MessageDetail>(
    `${MESSAGES_API}/${encodeURIComponent(id)}/${archived ? 'archive' : 'unarchive'}`,
    unitId ? { unitId } : {},
  );
/** The asking unit closes its request for information. */
export const closeRequest = (id: string) => api.post<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}/close`, {});
export const forwardMessage = (id: string, input: { distribution: DistributionTarget[]; note?: string }) =>
  api.post<MessageDetail>(`${MESSAGES_API}/${encodeURIComponent(id)}/forward`, input);

export const unitsQuery = queryOptions({
  queryKey: ['directory', 'units'],
  queryFn: () => api.get<UnitList>(`${DIRECTORY_API}/units`),
  staleTime: 5 * 60_000,
});

/** Units the server finds for a text: a country named in any language, an organisation, a unit… */
export const unitSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['directory', 'units', { q }],
    queryFn: () => api.get<UnitList>(withQuery(`${DIRECTORY_API}/units`, { q })),
    staleTime: 5 * 60_000,
  });

export const sharingGroupsQuery = queryOptions({
  queryKey: ['sharing-groups', 'recipients'],
  queryFn: () => api.get<{ items: { id: string; name: string }[] }>(withQuery('/api/v1/admin/sharing-groups', { limit: 200 })),
  staleTime: 5 * 60_000,
});

/**
 * A recipient as the multi-select holds it: `unit:<id>`, `organisation:<id>`, `sharing_group:<id>`,
 * `function:<id>`, `all_partners`.
 */
export function toDistribution(values: string[]): DistributionTarget[] {
  return values.map((value) => {
    if (value === 'all_partners') return { kind: 'all_partners' };
    const [kind, id] = value.split(':') as ['unit' | 'organisation' | 'sharing_group' | 'function', string];
    return { kind, id };
  });
}

/** The value of a `<input type="datetime-local">` (the reader's local time) as an ISO instant, or undefined. */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseMessageListSearch(search: Record<string, unknown>): MessageListSearch {
  const page = Number(search.page);
  const parsed: MessageListSearch = {};
  if (search.box === 'archive' || search.box === 'sent' || search.box === 'all') parsed.box = search.box;
  if (typeof search.unit === 'string' && UUID.test(search.unit)) parsed.unit = search.unit;
  if (search.kind === 'message' || search.kind === 'rfi') parsed.kind = search.kind;
  if (typeof search.q === 'string' && search.q) parsed.q = search.q.slice(0, 200);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}

export interface ComposeSearch {
  /** The message answered: same thread, its sender as recipient, its code. */
  inReplyTo?: string;
  /** A recipient chosen beforehand, as the picker holds it (`function:<id>`, `unit:<id>`…). */
  to?: string;
}

const RECIPIENT = /^(unit|organisation|sharing_group|function):(.+)$/;

/** A recipient value of the picker, or undefined for anything else (the URL is typed by anyone). */
function recipientValue(value: unknown): string | undefined {
  if (value === 'all_partners') return value;
  if (typeof value !== 'string') return undefined;
  const match = RECIPIENT.exec(value);
  return match && UUID.test(match[2]) ? value : undefined;
}

export function parseComposeSearch(search: Record<string, unknown>): ComposeSearch {
  const inReplyTo = typeof search.inReplyTo === 'string' && UUID.test(search.inReplyTo) ? search.inReplyTo : undefined;
  const to = recipientValue(search.to);
  return { ...(inReplyTo ? { inReplyTo } : {}), ...(to ? { to } : {}) };
}

/** The compose page's address for writing to one recipient (`function:<id>`, `unit:<id>`…). */
export const composeTo = (recipient: string) => ({ to: '/messages/new', search: { to: recipient } }) as const;
