import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import { isApiError, isProblem } from '../../../api/client.js';
import { ProblemAlert } from '../../../app/page.js';
import { problemMessage } from '../../../app/problem-message.js';
import { isWordedRefusal } from './review-problems.js';

/**
 * What went wrong with a review change, in the reader's words: a stale revision (someone else
 * changed it first) offers to reload; a value the server could not accept (400) or a change it
 * refuses (409, 422) says why — in the reader's language when the problem is one of the review's
 * known refusals, else with the server's detail, which names the field; anything else falls back
 * to the generic problem alert.
 */
export function ReviewProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isProblem(error, KNOWLEDGE_PROBLEMS, 'stale-revision')) {
    return (
      <Alert color="orange" variant="light" role="alert" title={t('review.errors.staleTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('review.errors.stale')}</Text>
          {onReload ? (
            <Button size="xs" variant="default" onClick={onReload}>
              {t('review.errors.reload')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (isApiError(error, 400) || isApiError(error, 409) || isApiError(error, 422)) {
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={error.status === 400 ? t('review.errors.invalid') : t('review.errors.refused')}
      >
        <Text size="sm">{isWordedRefusal(error.slug) ? t(`review.problems.${error.slug}`) : problemMessage(error, t)}</Text>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
