import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { queryClient } from '../../api/session.js';
import type { ApiToken, CreatedToken, Me, TokenList } from '../../api/types.js';
import { ConfirmDialog } from '../../app/confirm-dialog.js';
import { formatDate, formatDateTime, formatList } from '../../app/format.js';
import { ProblemAlert } from '../../app/page.js';
import { Section } from './section.js';

const TOKENS_KEY = ['me', 'tokens'] as const;

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function NewToken({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" variant="light" title={t('account.tokens.createdTitle')} role="status">
      <Stack>
        <Text inherit>{t('account.tokens.createdWarning')}</Text>
        <Code block className="secret" data-testid="new-token">
          {token}
        </Code>
        <Group>
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="outline" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="subtle" onClick={onDone}>
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateToken({ me, onCreated }: { me: Me; onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [days, setDays] = useState<number>(90);
  const create = useMutation({
    mutationFn: () => api.post<CreatedToken>('/api/v1/me/tokens', { name: name.trim(), roles, expiresInDays: days }),
    onSuccess: (answer) => {
      setName('');
      setRoles([]);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      onCreated(answer.token);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Stack component="form" onSubmit={submit} maw={520} aria-labelledby="new-token-title">
      <Title order={3} size="h4" id="new-token-title">
        {t('account.tokens.new')}
      </Title>
      <ProblemAlert error={create.error} />
      <TextInput
        label={t('account.tokens.name')}
        description={t('account.tokens.nameHint')}
        required
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Checkbox.Group
        label={t('account.tokens.roles')}
        description={t('account.tokens.rolesHint')}
        value={roles}
        onChange={setRoles}
      >
        <Group mt="xs">
          {me.roles.map((role) => (
            <Checkbox key={role} value={role} label={t(`roles.${role}`, { defaultValue: role })} />
          ))}
        </Group>
      </Checkbox.Group>
      <NumberInput
        label={t('account.tokens.expiresInDays')}
        min={1}
        max={365}
        clampBehavior="strict"
        allowDecimal={false}
        allowNegative={false}
        required
        value={days}
        onChange={(value) => setDays(typeof value === 'number' ? value : Number(value) || 1)}
      />
      <Group>
        <Button type="submit" loading={create.isPending} disabled={roles.length === 0}>
          {t('account.tokens.create')}
        </Button>
      </Group>
    </Stack>
  );
}

export function TokensSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [createdToken, setCreatedToken] = useState<string | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<TokenList>('/api/v1/me/tokens') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setToRevoke(null);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const items = tokens.data?.items ?? [];
  const lang = i18n.language;

  return (
    <Section id="tokens" title={t('account.tokens.title')}>
      <Stack gap="lg">
        <Text>{t('account.tokens.explain')}</Text>
        <ProblemAlert error={tokens.error} />
        {items.length === 0 && tokens.isSuccess ? <Text c="dimmed">{t('account.tokens.none')}</Text> : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Caption>{t('account.tokens.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.roles')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.created')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.expires')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.lastUsed')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => {
                  const state = tokenState(token);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>
                        {formatList(
                          token.roles.map((role) => t(`roles.${role}`, { defaultValue: role })),
                          lang,
                        )}
                      </Table.Td>
                      <Table.Td>{formatDate(token.createdAt, lang)}</Table.Td>
                      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, lang) : t('account.tokens.never')}</Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t('account.tokens.notUsed')}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none" color={state === 'active' ? 'green' : 'gray'}>
                          {state === 'revoked'
                            ? t('account.tokens.revokedOn', { date: formatDate(token.revokedAt, lang) })
                            : t(`account.tokens.state.${state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {state === 'revoked' ? null : (
                          <Button
                            size="xs"
                            color="red"
                            variant="outline"
                            aria-label={t('account.tokens.revokeNamed', { name: token.name })}
                            onClick={() => setToRevoke(token)}
                          >
                            {t('account.tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {createdToken ? (
          <NewToken token={createdToken} onDone={() => setCreatedToken(null)} />
        ) : (
          <CreateToken me={me} onCreated={setCreatedToken} />
        )}
      </Stack>
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('account.tokens.revokeTitle')}
        message={t('account.tokens.revokeConfirm', { name: toRevoke?.name ?? '' })}
        confirmLabel={t('account.tokens.revoke')}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id)}
        onClose={() => setToRevoke(null)}
      />
    </Section>
  );
}
