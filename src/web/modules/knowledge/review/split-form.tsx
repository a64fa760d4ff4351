import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from './review-api.js';
import { ReviewProblem } from './review-problem.js';
import { useItemChange } from './use-item-change.js';

/** Where a cut at `offset` leaves text on both sides (the server trims and checks again). */
const parts = (text: string, offset: number) => [text.slice(0, offset).trim(), text.slice(offset).trim()] as const;

/**
 * Splits an item where the reader puts the cursor in its text (by mouse or with the arrow keys);
 * the two parts are previewed before anything is sent.
 */
export function SplitForm({ item, onDone, onReload }: { item: ReviewItem; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);
  const [offset, setOffset] = useState(0);
  const change = useItemChange(item, onDone);
  const [first, second] = parts(item.text, offset);
  const valid = first.length > 0 && second.length > 0;
  const track = () => setOffset(field.current?.selectionStart ?? 0);

  return (
    <Stack gap="sm">
      <Textarea
        ref={field}
        label={t('review.split.label')}
        description={t('review.split.hint')}
        value={item.text}
        // Not `readOnly`: Chromium does not move the caret of a read-only field with the arrow keys.
        // Typing changes nothing, as the value stays the item's text.
        onChange={() => undefined}
        aria-readonly
        autosize
        minRows={3}
        maxRows={14}
        onSelect={track}
        onKeyUp={track}
        onClick={track}
        dir="auto"
      />
      <div aria-live="polite">
        {valid ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('review.split.preview', { offset })}
            </Text>
            <Text size="sm" className="review-split-part">
              {first}
            </Text>
            <Text size="sm" className="review-split-part">
              {second}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.split.placeCursor')}
          </Text>
        )}
      </div>
      <ReviewProblem error={change.error} onReload={onReload} />
      <Group>
        <Button onClick={() => change.mutate({ kind: 'split', offset })} disabled={!valid} loading={change.isPending}>
          {t('review.split.submit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
