import { Box, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, StreamEvent } from '../../../../shared/exchange/live/events.js';

export const STREAM_URL = '/api/v1/events/stream';
/** After the server refused the stream (429, 5xx), EventSource stops: try again this much later. */
const REOPEN_MS = 15_000;

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

// A tiny store rather than a context: the navigation badge reads it without a provider around it.
let status: LiveStatus = 'off';
const listeners = new Set<() => void>();
function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether live updates arrive now: slower polls elsewhere can rely on them. */
export const useLiveStatus = () => useSyncExternalStore(subscribe, () => status);

/**
 * Which cached queries an event makes stale; the pages fetch the records again through the API.
 * Every event type the server sends is listed (a new one breaks the build until placed here).
 */
const STALE_KEYS: Record<EventType | Extract<StreamEvent, 'reset'>, string[][]> = {
  'message.new': [['messages']],
  'rfi.updated': [['messages']],
  'rfi.reminder': [['messages']],
  'alert.new': [['alerts']],
  'alert.updated': [['alerts']],
  'alert.feedback': [['alerts']],
  'watchlist.changed': [['watchlists']],
  reset: [['messages'], ['alerts'], ['watchlists']],
};

/**
 * One EventSource per signed-in page. The browser reconnects by itself with Last-Event-ID and the
 * server sends what was missed; when the server refuses (too many streams, restarting), it is
 * opened again later from the last event seen.
 */
function useEventStream(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let lastId = '';
    const open = () => {
      setStatus(lastId ? 'reconnecting' : 'connecting');
      source = new EventSource(lastId ? `${STREAM_URL}?after=${encodeURIComponent(lastId)}` : STREAM_URL);
      source.addEventListener('ready', (event) => {
        lastId = (event as MessageEvent).lastEventId || lastId;
        setStatus('live');
      });
      for (const [type, keys] of Object.entries(STALE_KEYS)) {
        source.addEventListener(type, (event) => {
          lastId = (event as MessageEvent).lastEventId || lastId;
          for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
        });
      }
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          source = undefined;
          reopen = setTimeout(open, REOPEN_MS);
        }
        setStatus('reconnecting');
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
      setStatus('off');
    };
  }, [enabled, queryClient]);
}

/** Holds the stream while signed in and says, politely, whether updates arrive live. */
export function LiveEvents({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  useEventStream(signedIn);
  const current = useLiveStatus();
  if (!signedIn) return null;
  const live = current === 'live';
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="live-status" data-status={current}>
      <Box aria-hidden="true" w={8} h={8} style={{ borderRadius: '50%', flexShrink: 0 }} bg={live ? 'green.8' : 'orange.8'} />
      {/* The dot's colour only repeats the word, so the text keeps the body colour (contrast). */}
      <Text size="xs" fw={600} title={live ? t('live.hint') : undefined}>
        {t(`live.status.${current === 'off' ? 'connecting' : current}`)}
      </Text>
    </Group>
  );
}
