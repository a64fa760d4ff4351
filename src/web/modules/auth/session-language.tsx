import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ME_KEY, meQuery, queryClient } from '../../api/session.js';
import type { Locale, Me } from '../../api/types.js';
import { isolate } from '../../app/bidi.js';
import { ProblemAlert } from '../../app/page.js';
import { languageChosenOnThisDevice, showLanguage, signedInStringsReady } from '../../i18n/index.js';

/**
 * Which language a signed-in person sees. A language chosen on this device (on the sign-in page or
 * with the switcher) wins over the profile's, so choosing Arabic on /login and signing in keeps
 * Arabic; the person is then offered, not forced, to save it in the profile. Without a choice on
 * this device the profile's language applies, applied without remembering it here so a later
 * change of the profile (from another device) still takes effect.
 */

// The language this session offers to save in the profile: kept for the page's life only.
let offer: Locale | null = null;
const listeners = new Set<() => void>();
function setOffer(value: Locale | null) {
  offer = value;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** After a sign-in: keep the device's choice (and offer to save it) or apply the profile's language. */
export async function applyLanguageAtSignIn(me: Me) {
  // The signed-in pages' English strings (every language's fallback), before the first of them renders.
  await signedInStringsReady().catch(() => {});
  const chosen = languageChosenOnThisDevice();
  if (chosen) {
    setOffer(chosen !== me.locale ? chosen : null);
    await showLanguage(chosen);
  } else {
    setOffer(null);
    await showLanguage(me.locale);
  }
}

const languageName = (code: Locale, language: string) => {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * Shown in the shell: applies the profile's language when this device has no choice of its own (a
 * reload starts from the browser's language), and the non-blocking offer to save the device's choice.
 */
export function SessionLanguage() {
  const { t, i18n } = useTranslation();
  const me = useQuery(meQuery).data;
  const offered = useSyncExternalStore(subscribe, () => offer);
  const save = useMutation({
    mutationFn: (locale: Locale) => api.patch<Me>('/api/v1/me', { locale }),
    onSuccess: (updated) => queryClient.setQueryData(ME_KEY, updated),
  });

  useEffect(() => {
    if (me && !languageChosenOnThisDevice() && i18n.language !== me.locale) void showLanguage(me.locale);
  }, [me, i18n]);

  if (!me) return null;
  if (save.isSuccess) {
    return (
      <Alert
        color="green"
        variant="light"
        role="status"
        mb="md"
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={() => {
          setOffer(null);
          save.reset();
        }}
      >
        {t('login.languageOfferSaved', { language: isolate(languageName(save.data.locale, i18n.language)) })}
      </Alert>
    );
  }
  if (!offered || offered === me.locale) return null;
  const names = {
    language: isolate(languageName(offered, i18n.language)),
    profile: isolate(languageName(me.locale, i18n.language)),
  };
  return (
    <Alert color="blue" variant="light" role="status" mb="md" data-testid="language-offer">
      <Text size="sm">{t('login.languageOffer', names)}</Text>
      <ProblemAlert error={save.error} />
      <Group mt="xs" gap="xs">
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate(offered)}>
          {t('login.languageOfferSave', names)}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOffer(null)}>
          {t('login.languageOfferDismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
