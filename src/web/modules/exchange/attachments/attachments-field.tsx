import { Button, CloseButton, FileButton, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { problemMessage } from '../../../app/problem-message.js';
import {
  KNOWN_PROBLEMS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type UploadedAttachment,
  uploadAttachment,
} from './attachments-api.js';
import { useAttachmentFormat } from './use-attachment-format.js';
import './attachments.css';

type Status = 'uploading' | 'done' | 'failed';

interface Entry {
  key: string;
  file: File;
  status: Status;
  /** 0…100 */
  progress: number;
  uploaded?: UploadedAttachment;
  error?: string;
  controller: AbortController;
}

/** What the compose form needs: the ids to send, and whether it must wait or a file needs attention. */
export interface AttachmentsValue {
  ids: string[];
  uploading: boolean;
  failed: boolean;
}

let counter = 0;

/**
 * Files for a message: chosen with the button or dropped, each uploaded at once with its own
 * progress bar; the server's sniffed type is shown when it is done, a refusal (too large, a program)
 * next to the file. Removing a file cancels its upload; what was uploaded stays the uploader's own.
 */
export function AttachmentsField({ onChange, error }: { onChange: (value: AttachmentsValue) => void; error?: string | null }) {
  const { t } = useTranslation();
  const format = useAttachmentFormat();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => {
    report.current({
      ids: entries.flatMap((entry) => (entry.uploaded ? [entry.uploaded.id] : [])),
      uploading: entries.some((entry) => entry.status === 'uploading'),
      failed: entries.some((entry) => entry.status === 'failed'),
    });
  }, [entries]);
  // Leaving the page cancels what is still uploading.
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  useEffect(
    () => () => {
      for (const entry of entriesRef.current) entry.controller.abort();
    },
    [],
  );

  const update = (key: string, change: Partial<Entry>) =>
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));

  const problemText = (caught: unknown, name: string) => {
    if (isApiError(caught) && (KNOWN_PROBLEMS as readonly string[]).includes(caught.slug)) {
      return t(`attachments.problems.${caught.slug}`, { name, size: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    }
    return isApiError(caught) ? problemMessage(caught, t) : t('attachments.problems.other', { name });
  };

  const start = (entry: Entry) => {
    uploadAttachment(
      entry.file,
      (fraction) => update(entry.key, { progress: Math.round(fraction * 100) }),
      entry.controller.signal,
    ).then(
      (uploaded) => {
        update(entry.key, { status: 'done', progress: 100, uploaded });
        setAnnouncement(t('attachments.announce.done', { name: uploaded.filename }));
      },
      (caught: unknown) => {
        if (caught instanceof DOMException && caught.name === 'AbortError') return;
        // Shown next to the file, where role="alert" announces it.
        update(entry.key, { status: 'failed', error: problemText(caught, entry.file.name) });
      },
    );
  };

  const add = (files: File[]) => {
    const room = MAX_ATTACHMENTS - entries.length;
    if (files.length > room) setAnnouncement(t('attachments.problems.tooMany', { max: MAX_ATTACHMENTS }));
    const added = files.slice(0, Math.max(0, room)).map((file): Entry => {
      const base = { key: `attachment-${++counter}`, file, progress: 0, controller: new AbortController() };
      const refused = file.size > MAX_ATTACHMENT_BYTES ? 'too-large' : file.size === 0 ? 'empty-file' : null;
      if (refused) {
        const size = MAX_ATTACHMENT_BYTES / 1024 / 1024;
        return { ...base, status: 'failed', error: t(`attachments.problems.${refused}`, { name: file.name, size }) };
      }
      return { ...base, status: 'uploading' };
    });
    setEntries((current) => [...current, ...added]);
    for (const entry of added) if (entry.status === 'uploading') start(entry);
    if (added.length) setAnnouncement(t('attachments.announce.added', { count: added.length }));
  };

  const remove = (entry: Entry) => {
    entry.controller.abort();
    setEntries((current) => current.filter((other) => other.key !== entry.key));
    setAnnouncement(t('attachments.announce.removed', { name: entry.file.name }));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  };

  return (
    // The whole fieldset takes dropped files; the button is the keyboard's way in.
    <fieldset
      className="attachments-field"
      aria-describedby="attachments-hint"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <legend className="attachments-legend">{t('attachments.field.legend')}</legend>
      <div className="attachments-drop-zone">
        <Group gap="sm">
          <FileButton multiple onChange={(files) => add(files)}>
            {(props) => (
              <Button variant="default" {...props}>
                {t('attachments.field.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed" id="attachments-hint">
            {t('attachments.field.hint', { max: MAX_ATTACHMENTS, size: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
          </Text>
        </Group>
      </div>
      {entries.length ? (
        <Stack component="ul" gap="sm" className="attachments-entries" aria-label={t('attachments.field.chosen')}>
          {entries.map((entry) => (
            <li key={entry.key} data-testid="attachment-entry" data-status={entry.status}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={2} className="attachments-entry-text">
                  <Text size="sm" fw={600} dir="auto" className="attachments-name">
                    {entry.uploaded?.filename ?? entry.file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.size(entry.uploaded?.size ?? entry.file.size)}
                    {entry.uploaded ? ` · ${format.type(entry.uploaded.mediaType)}` : null}
                    {' · '}
                    {t(`attachments.status.${entry.status}`)}
                  </Text>
                </Stack>
                <CloseButton
                  aria-label={t('attachments.field.remove', { name: entry.file.name })}
                  onClick={() => remove(entry)}
                />
              </Group>
              {entry.status !== 'failed' ? (
                <Progress
                  mt={4}
                  value={entry.progress}
                  color={entry.status === 'done' ? 'green' : 'liaison'}
                  aria-label={t('attachments.field.progress', { name: entry.file.name })}
                />
              ) : (
                <Text size="sm" c="red.8" role="alert" dir="auto">
                  {entry.error}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      ) : null}
      {error ? (
        <Text size="sm" c="red.8" mt="xs" role="alert">
          {error}
        </Text>
      ) : null}
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </fieldset>
  );
}
