import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Paging under a list, with spoken names for every control; nothing when everything fits on one page. */
export function ListPagination({ pages, page, onChange }: { pages: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Pagination
      mt="md"
      total={pages}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': t(`common.paging.${control}`) })}
      getItemProps={(item) => ({ 'aria-label': t('common.paging.page', { page: item }) })}
    />
  );
}
