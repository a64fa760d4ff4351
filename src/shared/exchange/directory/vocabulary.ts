/**
 * The directory's controlled lists, shared with the web app (kept free of imports so the browser
 * bundle can load them): kinds of function and the ISO 639-1 language codes.
 */

export const FUNCTION_KINDS = [
  'national_focal_point',
  'anti_smuggling_focal_point',
  'anti_trafficking_focal_point',
  'liaison_officer',
  'border_management_contact',
  'risk_analysis_contact',
  'protection_contact',
  'secretariat_contact',
] as const;

export type FunctionKind = (typeof FUNCTION_KINDS)[number];

/** Every ISO 639-1 code (the deprecated `sh` left out); names come from Intl.DisplayNames. */
export const LANGUAGE_CODES: readonly string[] = [
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de',
  'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia',
  'id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo',
  'lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl',
  'ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk',
  'tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu',
]
  .join(' ')
  .split(' ');

const LANGUAGE_SET = new Set(LANGUAGE_CODES);

export const isLanguageCode = (code: string) => LANGUAGE_SET.has(code);

/** At most this many languages per person: enough for any polyglot, small enough to show. */
export const MAX_LANGUAGES = 12;
