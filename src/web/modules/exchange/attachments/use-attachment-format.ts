import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { typeKey } from './attachments-api.js';

/** Sizes in the reader's language (KB under a megabyte) and media types in plain words. */
export function useAttachmentFormat() {
  const { t, i18n } = useTranslation();
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('attachments.sizeKb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), i18n.language) })
      : t('attachments.sizeMb', { size: formatNumber(bytes / 1024 / 1024, i18n.language, { maximumFractionDigits: 1 }) });
  const type = (mediaType: string) => {
    const key = typeKey(mediaType);
    return key ? t(`attachments.types.${key}`) : mediaType;
  };
  return { size, type };
}
