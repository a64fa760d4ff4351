import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { FREE_TEXT } from './bidi.js';

/**
 * Mantine's default shades put coloured text at about 3:1 on light backgrounds (green-9 on green-1,
 * orange-9 on orange-1). WCAG AA asks 4.5:1 for body text, so coloured text (light, subtle and
 * outline variants) and filled backgrounds use these darker tones, each at least 5.5:1 against both
 * white and the colour's own light background.
 */
const DARK: Record<string, string> = {
  green: '#1e6b30',
  orange: '#8f3a06',
  red: '#a61e1e',
  gray: '#3d4349',
  yellow: '#6e4a00',
  blue: '#0b4a85',
  teal: '#0b5e52',
};

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const dark = parsed.isThemeColor && parsed.shade === undefined ? DARK[parsed.color] : undefined;
  if (!dark) return base;
  switch (input.variant) {
    case 'light':
    case 'subtle':
      return { ...base, color: dark, hoverColor: dark };
    case 'outline':
      return { ...base, color: dark, hoverColor: dark, border: `calc(0.0625rem * var(--mantine-scale)) solid ${dark}` };
    case 'filled':
      return { ...base, background: dark, hover: dark, color: 'var(--mantine-color-white)' };
    default:
      return base;
  }
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // "dimmed" text (descriptions, hints) and field errors at 4.5:1 or more on white.
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': '#a61e1e',
  },
  dark: {},
});

/**
 * A dark blue primary colour so that white text on buttons and links on white both pass the
 * WCAG AA contrast ratio; Arabic text gets a font with full Arabic script coverage first.
 */
export const theme = createTheme({
  primaryColor: 'liaison',
  primaryShade: 7,
  variantColorResolver,
  colors: {
    liaison: ['#e8f1fb', '#cfdff2', '#9dbde6', '#6899da', '#3f7bcf', '#2668c9', '#1a5ec4', '#1c4f8a', '#123f73', '#07305f'],
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  // Free text takes the direction of what is typed: an Arabic name in the French interface, a Latin
  // reference in the Arabic one (see app/bidi.tsx for text shown inside sentences).
  components: {
    TextInput: { defaultProps: FREE_TEXT },
    Textarea: { defaultProps: FREE_TEXT },
    // A spinner tells that something is loading: as a status, so its label is announced and sits
    // on an element with a role (a label on a bare span fails the accessibility checks).
    Loader: { defaultProps: { role: 'status' } },
  },
});
