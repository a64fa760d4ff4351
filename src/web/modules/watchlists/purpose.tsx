import { Autocomplete, Button, Card, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { WATCHLIST_LIMITS } from '../../../shared/watchlists/vocabulary.js';
import { Bidi } from '../../app/bidi.js';

/**
 * The purpose a reader states before seeing entries' personal fields or screening a name. The server
 * refuses such reads without one (422 purpose-required) and writes it to the audit log; the page asks
 * for it once and keeps it for the tab's session (sessionStorage: gone when the tab closes, never
 * shared with another tab), so every read of the session carries the same sentence.
 */
const STORAGE_KEY = 'liaison.watchlists.purpose';
const listeners = new Set<() => void>();

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode): the purpose is then asked on each page
  }
}

function store(value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Nothing to keep it in: the pages still work, asking again next time.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Why a purpose is refused before it is sent, or null when it is acceptable. */
export function purposeProblem(value: string): 'tooShort' | 'tooLong' | null {
  const length = value.trim().length;
  if (length < WATCHLIST_LIMITS.purposeMin) return 'tooShort';
  if (length > WATCHLIST_LIMITS.purposeMax) return 'tooLong';
  return null;
}

/** The tab's stated purpose (null until stated), and a way to state or forget it. */
export function usePurpose(): { purpose: string | null; setPurpose: (value: string) => void; clearPurpose: () => void } {
  const purpose = useSyncExternalStore(subscribe, stored, () => null);
  return {
    purpose: purpose && !purposeProblem(purpose) ? purpose : null,
    setPurpose: (value: string) => store(value.trim()),
    clearPurpose: () => store(null),
  };
}

const SUGGESTIONS = ['border', 'investigation', 'request', 'maintenance'] as const;

/** The purpose input alone: a required free sentence with a few suggestions to start from. */
export function PurposeField({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Autocomplete
      label={t('watchlistPurpose.label')}
      description={t('watchlistPurpose.hint')}
      data={SUGGESTIONS.map((key) => t(`watchlistPurpose.suggestions.${key}`))}
      value={value}
      onChange={onChange}
      maxLength={WATCHLIST_LIMITS.purposeMax}
      required
      dir="auto"
      error={error}
      autoFocus={autoFocus}
    />
  );
}

/** Asks for the purpose until it is stated. */
function PurposeForm({ initial, onStated }: { initial: string; onStated: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(false);
  const problem = purposeProblem(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problem) onStated(value);
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate maw={640}>
      <Stack>
        <Text fw={600} component="h2" size="md">
          {t('watchlistPurpose.title')}
        </Text>
        <Text size="sm">{t('watchlistPurpose.intro')}</Text>
        <PurposeField
          value={value}
          onChange={setValue}
          error={tried && problem ? t(`watchlistPurpose.errors.${problem}`) : null}
        />
        <Group>
          <Button type="submit">{t('watchlistPurpose.continue')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Shows `children(purpose)` once the tab has a purpose, asking for it first; the purpose stays on
 * show above what it unlocks, with a way to change it (the next reads then carry the new one).
 */
export function PurposeGate({ children }: { children: (purpose: string) => ReactNode }) {
  const { t } = useTranslation();
  const { purpose, setPurpose, clearPurpose } = usePurpose();
  const [changing, setChanging] = useState(false);
  if (!purpose || changing)
    return (
      <PurposeForm
        initial={purpose ?? ''}
        onStated={(value) => {
          setPurpose(value);
          setChanging(false);
        }}
      />
    );
  return (
    <Stack>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Text size="sm" c="dimmed">
          {t('watchlistPurpose.stated')} <Bidi>{purpose}</Bidi>
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={() => setChanging(true)}>
          {t('watchlistPurpose.change')}
        </Button>
        <Button variant="subtle" size="compact-sm" color="gray" onClick={clearPurpose}>
          {t('watchlistPurpose.forget')}
        </Button>
      </Group>
      {children(purpose)}
    </Stack>
  );
}
