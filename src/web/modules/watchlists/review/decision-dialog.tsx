import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import { WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { isProblem } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { isolate } from '../../../app/bidi.js';
import { ProblemAlert } from '../../../app/page.js';
import { type Decision, decideHit, hitKeys, type ScreeningHit } from './review-api.js';

const MIN_REASON = 3;

/**
 * Confirm or discard a hit, with the reason a person gives (kept encrypted with the hit). Confirming
 * tells the list's owner unit, by a message under the list's handling code.
 */
export function DecisionDialog({
  hit,
  decision,
  onClose,
  onDecided,
}: {
  hit: ScreeningHit;
  decision: Decision | null;
  onClose: () => void;
  onDecided: (decided: ScreeningHit) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const opened = decision !== null;
  const decide = useMutation({
    mutationFn: () => decideHit(hit.id, decision ?? 'discard', reason.trim()),
    onSuccess: (decided) => onDecided(decided),
    onError: (error) => {
      // Someone else of the unit decided meanwhile: show what they decided.
      if (isProblem(error, WATCHLIST_PROBLEMS, 'hit-already-decided'))
        void queryClient.invalidateQueries({ queryKey: hitKeys.all });
    },
  });
  const { reset } = decide;
  useEffect(() => {
    if (opened) {
      setReason('');
      setTried(false);
      reset();
    }
  }, [opened, reset]);
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!tooShort) decide.mutate();
  };
  const list = isolate(hit.entry.watchlist.name);
  const owner = isolate(hit.entry.watchlist.ownerUnit.name);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={decision ? t(`watchlistReview.decide.title.${decision}`) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>
            {decision === 'confirm'
              ? t('watchlistReview.decide.confirmBody', { list, owner })
              : t('watchlistReview.decide.discardBody')}
          </Text>
          <Textarea
            label={t('watchlistReview.decide.reason')}
            description={t('watchlistReview.decide.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
            autosize
            minRows={3}
            maxLength={WATCHLIST_LIMITS.reasonLength}
            dir="auto"
            data-autofocus
            error={tried && tooShort ? t('watchlistReview.decide.reasonRequired') : null}
          />
          <ProblemAlert error={decide.error} title={t('watchlistReview.decide.refused')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={decision === 'confirm' ? 'red' : undefined} loading={decide.isPending}>
              {decision ? t(`watchlistReview.decide.submit.${decision}`) : ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
