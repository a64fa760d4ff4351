import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { isProblem } from '../../../api/client.js';
import { ProblemAlert } from '../../../app/page.js';
import { refreshFollowup } from './commitments-api.js';

/** Whether a refused change was made on an older version of the record (409 `stale-revision`). */
export const isStale = (error: unknown) => isProblem(error, FOLLOWUP_PROBLEMS, 'stale-revision');

/** For mutations' `onError`: a stale edit reloads the commitment so the reader sees what changed. */
export function reloadIfStale(error: unknown) {
  if (isStale(error)) void refreshFollowup();
}

/** What went wrong with a change; a stale edit says the page now shows the latest version. */
export function MutationProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isStale(error)) {
    return (
      <Alert color="orange" variant="light" title={t('followupCommitments.stale.title')} role="alert" data-testid="stale-edit">
        {t('followupCommitments.stale.body')}
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
