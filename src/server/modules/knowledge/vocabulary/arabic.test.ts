import { describe, expect, it } from 'vitest';
import { arabicForms } from './arabic.js';

describe('arabicForms', () => {
  it('keeps a Latin phrase as it is', () => {
    expect(arabicForms('International Organization for Migration')).toEqual(['International Organization for Migration']);
    expect(arabicForms('EUCAP Sahel')).toEqual(['EUCAP Sahel']);
  });

  it('adds the joined conjunctions and prepositions to the first word', () => {
    const forms = arabicForms('المنظمة الدولية للهجرة');
    expect(forms[0]).toBe('المنظمة الدولية للهجرة');
    expect(forms).toContain('والمنظمة الدولية للهجرة');
    expect(forms).toContain('بالمنظمة الدولية للهجرة');
    expect(forms).toContain('فالمنظمة الدولية للهجرة');
    expect(forms).toContain('كالمنظمة الدولية للهجرة');
    expect(forms).toContain('وبالمنظمة الدولية للهجرة');
  });

  it('drops the alif of the article after ل', () => {
    const forms = arabicForms('المنظمة الدولية للهجرة');
    expect(forms).toContain('للمنظمة الدولية للهجرة');
    expect(forms).toContain('وللمنظمة الدولية للهجرة');
    expect(forms).not.toContain('لالمنظمة الدولية للهجرة');
  });

  it('keeps the first word whole when it has no article', () => {
    expect(arabicForms('مكتب الأمم المتحدة')).toContain('لمكتب الأمم المتحدة');
    expect(arabicForms('إيكواس')).toContain('وإيكواس');
  });

  it('gives each form once', () => {
    const forms = arabicForms('الاتحاد الأفريقي');
    expect(new Set(forms).size).toBe(forms.length);
  });
});
