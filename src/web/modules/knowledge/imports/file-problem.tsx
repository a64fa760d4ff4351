import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isFileProblem } from '../../../../shared/knowledge/problems.js';
import { ApiError } from '../../../api/client.js';

/**
 * Why a file was refused, in the reader's language when the problem is one the library words
 * (`imports.problems.<slug>`), else the server's own detail; `fallback` for any other error.
 */
export function FileProblemText({ error, fallback = null }: { error: unknown; fallback?: ReactNode }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return <>{fallback}</>;
  if (!isFileProblem(error.slug)) return <>{fallback}</>;
  return (
    <Text size="sm" c="red.9">
      {t(`imports.problems.${error.slug}`)}
    </Text>
  );
}
