import { Alert, Button, Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticePreferences } from '../../../../shared/exchange/notices/contract.js';
import { NOTICE_KINDS, type NoticeKind } from '../../../../shared/exchange/notices/kinds.js';
import { api } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { ProblemAlert } from '../../../app/page.js';
import { Section } from '../../account/section.js';

const NOTICES_KEY = ['me', 'notices'] as const;
const KINDS = NOTICE_KINDS;
type Kind = NoticeKind;

/** E-mail notices: on or off, which kinds, and the address they go to (the account's own). */
export function NoticesSection() {
  const { t } = useTranslation();
  const { data, error } = useQuery({
    queryKey: NOTICES_KEY,
    queryFn: () => api.get<NoticePreferences>('/api/v1/account/notices'),
  });
  const [emailEnabled, setEmailEnabled] = useState(false);
  const [kinds, setKinds] = useState<Record<Kind, boolean>>({ newMessages: false, rfiChanges: false, alerts: false });
  useEffect(() => {
    if (!data) return;
    setEmailEnabled(data.emailEnabled);
    setKinds(data.kinds);
  }, [data]);
  const save = useMutation({
    mutationFn: () => api.put<NoticePreferences>('/api/v1/account/notices', { emailEnabled, kinds }),
    onSuccess: (saved) => queryClient.setQueryData(NOTICES_KEY, saved),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Section id="notices" title={t('notices.title')}>
      <ProblemAlert error={error ?? save.error} />
      {data ? (
        <Stack component="form" onSubmit={submit} maw={560}>
          {data.mailConfigured ? null : (
            <Alert color="yellow" variant="light">
              {t('notices.notConfigured')}
            </Alert>
          )}
          {save.isSuccess ? (
            <Alert color="green" variant="light" role="status">
              {t('notices.saved')}
            </Alert>
          ) : null}
          <Switch
            label={t('notices.enable')}
            description={t('notices.address', { email: data.email })}
            checked={emailEnabled}
            onChange={(event) => setEmailEnabled(event.currentTarget.checked)}
          />
          <Stack component="fieldset" gap="xs" m={0} p={0} style={{ border: 0 }}>
            <Text component="legend" fw={500} mb="xs">
              {t('notices.kindsLegend')}
            </Text>
            {KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`notices.kinds.${kind}`)}
                checked={kinds[kind]}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setKinds((current) => ({ ...current, [kind]: checked }));
                }}
              />
            ))}
          </Stack>
          <Text size="sm">{t('notices.codeRule')}</Text>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Section>
  );
}
