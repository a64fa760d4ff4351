import { Alert, Anchor, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import { PERSONAL_FIELDS, type PersonalField } from '../../../../shared/referral/vocabulary.js';
import { isApiError, isProblem } from '../../../api/client.js';
import { Bidi, isolate } from '../../../app/bidi.js';
import { Fields } from '../../../app/fields.js';
import { formatDate, formatList } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { countryName } from '../../../i18n/index.js';
import { languageName } from '../../exchange/directory/directory-api.js';
import { CaseReferralsSection } from '../referrals/case-referrals-section.js';
import { ConsentSection } from '../screening/consent-section.js';
import { ScreeningSection } from '../screening/screening-section.js';
import { AccessReasonDialog, CloseCaseDialog, EditCaseDialog } from './case-dialogs.js';
import { CaseHistoryList } from './case-history.js';
import { type CaseDetail, caseQuery, casesPath } from './cases-api.js';
import { CaseStatusTag, ChildTag } from './parts.js';

/** One personal field's value as the reader reads it: codes named in the reader's language. */
function PersonValue({ detail, field }: { detail: CaseDetail; field: PersonalField }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const person = detail.person ?? {};
  const empty = <Text c="dimmed">{t('referralCases.person.notRecorded')}</Text>;
  switch (field) {
    case 'dateOfBirth':
      return person.dateOfBirth ? <time dateTime={person.dateOfBirth}>{formatDate(person.dateOfBirth, language)}</time> : empty;
    case 'sex':
      return person.sex ? t(`referralCases.sex.${person.sex}`) : empty;
    case 'nationality':
      return person.nationality ? countryName(person.nationality, language) : empty;
    case 'languages':
      return person.languages?.length
        ? formatList(
            person.languages.map((code) => languageName(code, language)),
            language,
          )
        : empty;
    default: {
      const text = person[field];
      return text ? <Bidi>{text}</Bidi> : empty;
    }
  }
}

/**
 * The person's fields: all of them for the owner unit, the shared ones for a unit the case is
 * referred to, none for a supervisor, none once the retention rules erased them.
 */
function PersonPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (detail.pseudonymised) {
    body = (
      <Alert color="gray" variant="light" data-testid="person-erased">
        {t('referralCases.person.erased')}
      </Alert>
    );
  } else if (!detail.person) {
    body = (
      <Alert color="gray" variant="light" title={t('referralCases.person.hiddenTitle')} data-testid="person-hidden">
        {t('referralCases.person.hidden')}
      </Alert>
    );
  } else {
    // A unit the case is referred to receives only the fields the person agreed to share.
    const shown = detail.access === 'owner' ? PERSONAL_FIELDS : detail.personFields;
    body = (
      <Stack gap="xs">
        {detail.access === 'referred' ? <Text size="sm">{t('referralCases.person.sharedOnly')}</Text> : null}
        <Fields
          items={shown.map((field) => [
            t(`referralCases.person.${field}`),
            <PersonValue key={field} detail={detail} field={field} />,
          ])}
        />
        {detail.notes ? (
          <>
            <Title order={3} size="h5">
              {t('referralCases.fields.notes')}
            </Title>
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.notes}
            </Text>
          </>
        ) : null}
      </Stack>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="rc-person" data-testid="person-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="rc-person">
          {t('referralCases.person.title')}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}

function Overview({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Fields
      items={[
        [t('referralCases.fields.caseType'), t(`referralCases.caseType.${detail.caseType}`)],
        [t('referralCases.fields.ownerUnit'), <Bidi key="unit">{detail.ownerUnit.name}</Bidi>],
        [t('referralCases.fields.opened'), formatDate(detail.createdAt, language)],
        ...(detail.receivedThroughReferralId
          ? ([[t('referralCases.fields.origin'), t('referralCases.detail.received')]] as [string, ReactNode][])
          : []),
        ...(detail.closedAt
          ? ([
              [t('referralCases.fields.closed'), formatDate(detail.closedAt, language)],
              [t('referralCases.fields.closureReason'), <Bidi key="reason">{detail.closureReason ?? ''}</Bidi>],
            ] as [string, ReactNode][])
          : []),
      ]}
    />
  );
}

/** The case of another unit: its personal fields are read only once the reader says why. */
function ReasonNeeded({ onReason }: { onReason: (reason: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(true);
  return (
    <Stack>
      <Anchor component={Link} to={casesPath} size="sm">
        {t('referralCases.detail.back')}
      </Anchor>
      <PageTitle>{t('referralCases.detail.pageTitle')}</PageTitle>
      <Alert color="orange" variant="light" title={t('referralCases.access.title')}>
        <Stack gap="xs" align="flex-start">
          <Text>{t('referralCases.access.body')}</Text>
          <Button variant="default" onClick={() => setOpened(true)}>
            {t('referralCases.access.give')}
          </Button>
        </Stack>
      </Alert>
      <AccessReasonDialog opened={opened} onReason={onReason} onClose={() => setOpened(false)} />
    </Stack>
  );
}

/** One case: its head, the person, and the screening, consent and referral sections; its history. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  // Only in this page's state: a reason is given for one reading, not remembered.
  const [reason, setReason] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'edit' | 'close' | null>(null);
  const answer = useQuery(caseQuery(caseId, reason));
  const detail = answer.data;

  if (isApiError(answer.error, 404) || isProblem(answer.error, PLATFORM_PROBLEMS, 'validation')) return <NotFoundPage />;
  if (isProblem(answer.error, REFERRAL_PROBLEMS, 'reason-required')) return <ReasonNeeded onReason={setReason} />;
  if (!detail) {
    return (
      <Stack>
        <PageTitle>{t('referralCases.detail.pageTitle')}</PageTitle>
        {answer.error ? <ProblemAlert error={answer.error} /> : <Text c="dimmed">{t('referralCases.loading')}</Text>}
      </Stack>
    );
  }
  // Only the owner unit's case workers change a case, and only while it is open (the server holds the rule).
  const changeable = detail.access === 'owner' && detail.status === 'open' && !detail.pseudonymised;
  return (
    <Stack>
      <Anchor component={Link} to={casesPath} size="sm">
        {t('referralCases.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <PageTitle>{t('referralCases.detail.title', { reference: isolate(detail.reference) })}</PageTitle>
          <Group gap="xs" mt={-16}>
            <CaseStatusTag status={detail.status} />
            {detail.isChild ? <ChildTag /> : null}
          </Group>
        </Stack>
        {changeable ? (
          <Group>
            <Button variant="default" onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setDialog('close')}>
              {t('referralCases.close.open')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Tabs defaultValue="case" keepMounted={false}>
        <Tabs.List aria-label={t('referralCases.detail.views')}>
          <Tabs.Tab value="case">{t('referralCases.detail.caseTab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('referralCases.detail.historyTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="case" pt="md">
          <Stack>
            <Card withBorder padding="lg" component="section" aria-label={t('referralCases.detail.overview')}>
              <Overview detail={detail} />
            </Card>
            <PersonPanel detail={detail} />
            <ScreeningSection caseId={detail.id} />
            <ConsentSection caseId={detail.id} />
            <CaseReferralsSection caseId={detail.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <CaseHistoryList caseId={detail.id} revision={detail.revision} />
        </Tabs.Panel>
      </Tabs>
      {changeable ? (
        <>
          <EditCaseDialog detail={detail} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
          <CloseCaseDialog detail={detail} opened={dialog === 'close'} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </Stack>
  );
}
