import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { formatDate } from '../../../app/format.js';
import { HomeCardFrame, type HomeCardItem } from '../../home/home-card-frame.js';
import { casePath, casesPath, openCasesQuery } from './cases-api.js';

/** Home: the open cases of my units (a supervisor: of my organisation), most recently changed first. */
export default function CasesHomeCard() {
  const { t, i18n } = useTranslation();
  const open = useQuery(openCasesQuery);
  const items: HomeCardItem[] = (open.data?.items ?? []).map((item) => ({
    key: item.id,
    to: casePath(item.id),
    label: t('referralCases.home.case', {
      reference: isolate(item.reference),
      type: t(`referralCases.caseType.${item.caseType}`),
    }),
    detail: t('referralCases.home.updated', { date: formatDate(item.updatedAt, i18n.language) }),
  }));
  return (
    <HomeCardFrame
      id="home-cases"
      title={t('referralCases.home.title')}
      loading={open.isPending}
      failed={open.isError}
      items={items}
      more={{ to: casesPath, search: { status: 'open' }, label: t('referralCases.home.all') }}
    />
  );
}
