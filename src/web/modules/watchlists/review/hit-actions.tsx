import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { DecisionDialog } from './decision-dialog.js';
import type { Decision, ScreeningHit } from './review-api.js';

/** Confirm / Discard of an open hit, each asking for a reason first. */
export function HitActions({ hit, onDecided }: { hit: ScreeningHit; onDecided: (decided: ScreeningHit) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision | null>(null);
  if (hit.status !== 'open') return null;
  const reference = isolate(hit.entry.reference);
  return (
    <>
      <Group gap="sm">
        <Button
          color="red"
          onClick={() => setDecision('confirm')}
          aria-label={t('watchlistReview.actions.confirmOf', { reference })}
        >
          {t('watchlistReview.actions.confirm')}
        </Button>
        <Button
          variant="default"
          onClick={() => setDecision('discard')}
          aria-label={t('watchlistReview.actions.discardOf', { reference })}
        >
          {t('watchlistReview.actions.discard')}
        </Button>
      </Group>
      <DecisionDialog
        hit={hit}
        decision={decision}
        onClose={() => setDecision(null)}
        onDecided={(decided) => {
          setDecision(null);
          onDecided(decided);
        }}
      />
    </>
  );
}

/** Said once a decision is made (announced): a confirmation tells the list's owner unit. */
export function DecidedNotice({ hit }: { hit: ScreeningHit | null }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      {hit ? (
        <Alert color={hit.status === 'confirmed' ? 'green' : 'gray'} variant="light" data-testid="decided-notice">
          {hit.status === 'confirmed' && !hit.decision?.noticeMessageId
            ? t('watchlistReview.notice.confirmedOwn', { reference: isolate(hit.entry.reference) })
            : hit.status === 'confirmed'
              ? t('watchlistReview.notice.confirmed', {
                  reference: isolate(hit.entry.reference),
                  owner: isolate(hit.entry.watchlist.ownerUnit.name),
                })
              : t('watchlistReview.notice.discarded', { reference: isolate(hit.entry.reference) })}
        </Alert>
      ) : null}
    </div>
  );
}
