import { useTranslation } from 'react-i18next';
import type { Assessment, CaseStatus } from '../../../../shared/referral/vocabulary.js';
import './cases.css';

type Colour = 'blue' | 'grey' | 'violet' | 'amber' | 'red';

function Tag({ colour, children, testId }: { colour: Colour; children: string; testId?: string }) {
  return (
    <span className={`rc-tag rc-tag-${colour}`} data-testid={testId}>
      {children}
    </span>
  );
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag colour={status === 'open' ? 'blue' : 'grey'} testId="case-status">
      {t(`referralCases.status.${status}`)}
    </Tag>
  );
}

/** A child's case follows the best-interests procedure: said wherever the case is named. */
export function ChildTag() {
  const { t } = useTranslation();
  return (
    <Tag colour="violet" testId="case-child">
      {t('referralCases.child')}
    </Tag>
  );
}

export function AssessmentTag({ assessment }: { assessment: Assessment | null }) {
  const { t } = useTranslation();
  if (!assessment) return <>{t('referralCases.list.notScreened')}</>;
  return (
    <Tag colour={assessment === 'presumed_victim' || assessment === 'possible_victim' ? 'amber' : 'grey'}>
      {t(`referralCases.assessment.${assessment}`)}
    </Tag>
  );
}

/** A case's reference: a code, always read left to right. */
export function Reference({ children }: { children: string }) {
  return (
    <bdi dir="ltr" translate="no">
      {children}
    </bdi>
  );
}

/** A referral past the time its receiving unit had to answer. */
export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag colour="red">{t('referralCases.home.overdueTag')}</Tag>;
}
