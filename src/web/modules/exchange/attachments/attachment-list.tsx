import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttachmentSummary, attachmentDownloadUrl } from './attachments-api.js';
import { useAttachmentFormat } from './use-attachment-format.js';
import './attachments.css';

/**
 * The files of one message: name, size, type and a download link. The server sends every file as a
 * download (never shown inside the app), so the link only names it.
 */
export function AttachmentList({ messageId, attachments }: { messageId: string; attachments: AttachmentSummary[] }) {
  const { t } = useTranslation();
  const format = useAttachmentFormat();
  const headingId = useId();
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId}>
        {t('attachments.list.title', { count: attachments.length })}
      </Title>
      <Stack component="ul" gap={4} className="attachments-list">
        {attachments.map((attachment) => (
          <li key={attachment.id} data-testid="attachment">
            <Group gap="xs" wrap="wrap">
              <Anchor
                href={attachmentDownloadUrl(messageId, attachment.id)}
                download={attachment.filename}
                dir="auto"
                className="attachments-name"
                aria-describedby={`${headingId}-${attachment.id}`}
              >
                <bdi>{attachment.filename}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed" id={`${headingId}-${attachment.id}`}>
                {format.size(attachment.size)} · {format.type(attachment.mediaType)}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </section>
  );
}
