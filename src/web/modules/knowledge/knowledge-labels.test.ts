import { describe, expect, it } from 'vitest';
import { organisationLabel, themeLabel } from './knowledge.js';

// The tag labels of knowledge.ts: each of the app's languages reads its own.
describe('tag labels', () => {
  it('shows organisations in English, French and Arabic', () => {
    expect(organisationLabel('IOM', 'en')).toBe('International Organization for Migration');
    expect(organisationLabel('IOM', 'fr')).toBe('Organisation internationale pour les migrations');
    expect(organisationLabel('IOM', 'ar')).toBe('المنظمة الدولية للهجرة');
    expect(organisationLabel('UNHCR', 'ar')).toBe('المفوضية السامية للأمم المتحدة لشؤون اللاجئين');
  });

  it('shows themes in English, French and Arabic', () => {
    expect(themeLabel('border_management', 'en')).toBe('Border management');
    expect(themeLabel('border_management', 'fr')).toBe('Gestion des frontières');
    expect(themeLabel('border_management', 'ar')).toBe('إدارة الحدود');
  });

  it('falls back to English for other languages and to the id for unknown ids', () => {
    expect(organisationLabel('EU', 'pt')).toBe('European Union');
    expect(themeLabel('human_rights', 'es')).toBe('Human rights');
    expect(organisationLabel('NOT_AN_ORGANISATION', 'ar')).toBe('NOT_AN_ORGANISATION');
    expect(themeLabel('not_a_theme', 'fr')).toBe('not_a_theme');
  });
});
