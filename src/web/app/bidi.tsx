import type { ReactNode } from 'react';

/**
 * Text of unknown direction inside a sentence: names, titles, subjects, file names, observables,
 * addresses, phone numbers, codes such as TLP:AMBER+STRICT. Without an isolate, a Latin title in an
 * Arabic sentence (or an Arabic name in a French one) pulls the punctuation and numbers around it
 * into its own direction, and the sentence reads in the wrong order.
 *
 * `<Bidi>` renders `<bdi>`, which takes its direction from its first strong letter and keeps it
 * apart from the text around it; for strings handed to `t()` (interpolations, attribute values,
 * tooltips) use `isolate()`, which wraps them in the Unicode first-strong isolate (FSI … PDI).
 */
export function Bidi({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string | null | undefined): string {
  return text ? `${FSI}${text}${PDI}` : '';
}

/** Left-to-right isolate: for codes and identifiers that are always Latin (TLP:AMBER+STRICT, CVE-2026-1, IPs). */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/**
 * Props for Mantine inputs and text areas of free text: the browser sets the direction from what is
 * typed. `dir` given to a Mantine input lands on its wrapper `<div>`, not on the `<input>`; its
 * `attributes` prop reaches the element itself.
 */
export const FREE_TEXT = { attributes: { input: { dir: 'auto' } } } as const;
