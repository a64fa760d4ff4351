/** Citations come in the interface languages; anything else falls back to English. */
export const citationLanguage = (language: string) => (language === 'fr' || language === 'ar' ? language : 'en');

/** The item's page in the web app. */
export const itemPath = (id: string) => `/library/items/${encodeURIComponent(id)}`;

export const itemRequest = (id: string, language: string) =>
  `/api/v1/knowledge/items/${encodeURIComponent(id)}?lang=${citationLanguage(language)}`;
