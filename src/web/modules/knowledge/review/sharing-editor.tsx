import { Button, Card, Group, MultiSelect, NativeSelect, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { api } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { formatList } from '../../../app/format.js';
import { documentUrl, HANDLING_CODES, type ReviewDocument, reviewKeys, vocabularyQuery } from './review-api.js';
import { ReviewProblem } from './review-problem.js';

type Audience = 'all' | 'chosen';

/** Translation keys of the codes (a colon in a key would read as an i18next namespace). */
const CODE_KEYS: Record<string, string> = {
  'TLP:RED': 'red',
  'TLP:AMBER+STRICT': 'amberStrict',
  'TLP:AMBER': 'amber',
  'TLP:GREEN': 'green',
  'TLP:CLEAR': 'clear',
};

/**
 * The handling code (TLP) and who receives the document. "Chosen" keeps any units the document
 * was already sent to; this form adds or removes organisations and sharing groups.
 */
export function SharingEditor({ document, onReload }: { document: ReviewDocument; onReload: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useQuery(vocabularyQuery);
  const current = document.distribution;
  const [handlingCode, setHandlingCode] = useState(document.handlingCode);
  const [audience, setAudience] = useState<Audience>(current.toAllPartners ? 'all' : 'chosen');
  const [organisations, setOrganisations] = useState(current.organisations.map((o) => o.id));
  const [sharingGroups, setSharingGroups] = useState(current.sharingGroups.map((g) => g.id));
  const save = useMutation({
    mutationFn: () => {
      const distribution =
        audience === 'all'
          ? [{ kind: 'all_partners' }]
          : [
              ...organisations.map((id) => ({ kind: 'organisation', id })),
              ...sharingGroups.map((id) => ({ kind: 'sharing_group', id })),
              ...current.units.map((unit) => ({ kind: 'unit', id: unit.id })),
            ];
      return api.patch<ReviewDocument>(documentUrl(document.id), { revision: document.revision, handlingCode, distribution });
    },
    onSuccess: (saved) => queryClient.setQueryData(reviewKeys.document(document.id), saved),
  });
  const nobody = audience === 'chosen' && organisations.length + sharingGroups.length + current.units.length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!nobody) save.mutate();
  };
  // Known recipients first, so a recipient that has since been deactivated still shows by name.
  const options = (known: { id: string; name: string }[], chosen: { id: string; name: string }[]) => {
    const all = new Map([...chosen, ...known].map((entry) => [entry.id, entry.name]));
    return [...all].map(([value, label]) => ({ value, label }));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sharing-heading">
      <form onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4" id="sharing-heading">
            {t('review.sharing.title')}
          </Title>
          <NativeSelect
            label={t('review.sharing.handlingCode')}
            description={t(`review.sharing.codes.${CODE_KEYS[handlingCode]}`)}
            value={handlingCode}
            onChange={(event) => setHandlingCode(event.currentTarget.value as HandlingCode)}
            data={HANDLING_CODES.map((code) => ({ value: code, label: code }))}
          />
          <Radio.Group label={t('review.sharing.audience')} value={audience} onChange={(value) => setAudience(value as Audience)}>
            <Group mt="xs">
              <Radio value="all" label={t('review.sharing.allPartners')} />
              <Radio value="chosen" label={t('review.sharing.chosen')} />
            </Group>
          </Radio.Group>
          {audience === 'chosen' ? (
            <>
              <MultiSelect
                label={t('review.sharing.organisations')}
                data={options(vocabulary.data?.recipients.organisations ?? [], current.organisations)}
                value={organisations}
                onChange={setOrganisations}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
              />
              <MultiSelect
                label={t('review.sharing.sharingGroups')}
                data={options(vocabulary.data?.recipients.sharingGroups ?? [], current.sharingGroups)}
                value={sharingGroups}
                onChange={setSharingGroups}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
              />
              {current.units.length ? (
                <Text size="sm">{t('review.sharing.units', { units: formatList(current.units.map((unit) => unit.name)) })}</Text>
              ) : null}
              {nobody ? (
                <Text size="sm" c="red.8" role="status">
                  {t('review.sharing.nobody')}
                </Text>
              ) : null}
            </>
          ) : null}
          <ReviewProblem error={save.error} onReload={onReload} />
          {save.isSuccess ? (
            <Text size="sm" role="status" c="green.9">
              {t('review.sharing.saved')}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={nobody}>
              {t('review.sharing.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
