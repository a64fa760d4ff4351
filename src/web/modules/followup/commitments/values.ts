import type { TFunction } from 'i18next';
import type { ValueType } from '../../../../shared/followup/vocabulary.js';
import { formatNumber } from '../../../app/format.js';

export interface ValueShape {
  valueType: ValueType;
  measureUnit: string;
  milestones: readonly string[];
}

/** A value as the reader reads it: a number with its unit, a percentage, yes or no, a milestone's name. */
export function formatValue(shape: ValueShape, value: number, t: TFunction, language: string): string {
  switch (shape.valueType) {
    case 'percentage':
      return formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits: 1 });
    case 'boolean':
      return value === 1 ? t('followupCommitments.values.yes') : t('followupCommitments.values.no');
    case 'milestone':
      return shape.milestones[value] ?? formatNumber(value, language);
    default:
      return shape.measureUnit ? `${formatNumber(value, language)} ${shape.measureUnit}` : formatNumber(value, language);
  }
}
