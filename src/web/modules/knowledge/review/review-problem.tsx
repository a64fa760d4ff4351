import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { ProblemAlert } from '../../../app/page.js';

/**
 * What went wrong with a review change, in the reader's words: a stale revision (someone else
 * changed it first) offers to reload; a refused value (400) shows the server's detail, which names
 * the field; anything else falls back to the generic problem alert.
 */
export function ReviewProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error, 409, 'stale-revision')) {
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
  if (isApiError(error, 400) || isApiError(error, 409)) {
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={isApiError(error, 400) ? t('review.errors.invalid') : t('review.errors.refused')}
      >
        <Text size="sm">{error.detail}</Text>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
