import { Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { MONTH_PATTERN, STATISTICS_DIMENSIONS } from '../../../../shared/referral/statistics.js';
import { CASE_TYPES } from '../../../../shared/referral/vocabulary.js';
import { Strict } from '../../../platform/http/schemas.js';

const Month = Type.String({ pattern: MONTH_PATTERN, maxLength: 7 });

export const StatisticsQuery = Strict({
  by: Literals(STATISTICS_DIMENSIONS),
  by2: Type.Optional(Literals(STATISTICS_DIMENSIONS)),
  from: Type.Optional(Month),
  to: Type.Optional(Month),
  caseType: Type.Optional(Literals(CASE_TYPES)),
});

/** The export takes no filter: exports of subsets could be compared row by row. */
export const ExportQuery = Strict({});
