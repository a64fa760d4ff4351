/**
 * Nationality → region of citizenship for the CTDC-style export (UN M49 sub-regions, shortened;
 * Africa in detail, as most cases of the dialogues are African). A nationality not listed is
 * "other"; the coarser level is the continent.
 */
const REGIONS: Record<string, readonly string[]> = {
  'Africa North': ['DZ', 'EG', 'LY', 'MA', 'SD', 'TN', 'EH'],
  'Africa West': ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'MR', 'NE', 'NG', 'SN', 'SL', 'TG'],
  'Africa Central': ['AO', 'CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA', 'ST'],
  'Africa East': ['BI', 'KM', 'DJ', 'ER', 'ET', 'KE', 'MG', 'MW', 'MU', 'MZ', 'RW', 'SC', 'SO', 'SS', 'TZ', 'UG', 'ZM', 'ZW'],
  'Africa South': ['BW', 'LS', 'NA', 'ZA', 'SZ'],
  'Europe North': ['DK', 'EE', 'FI', 'IS', 'IE', 'LV', 'LT', 'NO', 'SE', 'GB'],
  'Europe West': ['AT', 'BE', 'FR', 'DE', 'LI', 'LU', 'MC', 'NL', 'CH'],
  'Europe South': ['AL', 'AD', 'BA', 'HR', 'GR', 'IT', 'MT', 'ME', 'MK', 'PT', 'SM', 'RS', 'SI', 'ES', 'XK'],
  'Europe East': ['BY', 'BG', 'CZ', 'HU', 'MD', 'PL', 'RO', 'RU', 'SK', 'UA'],
  'Asia West': ['AM', 'AZ', 'BH', 'CY', 'GE', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE'],
  'Asia South': ['AF', 'BD', 'BT', 'IN', 'IR', 'MV', 'NP', 'PK', 'LK'],
  'Asia East and South-East': ['CN', 'JP', 'KR', 'KP', 'MN', 'TW', 'HK', 'VN', 'TH', 'MM', 'KH', 'LA', 'MY', 'SG', 'ID', 'PH'],
  Americas: [
    'US',
    'CA',
    'MX',
    'BR',
    'AR',
    'CO',
    'VE',
    'PE',
    'CL',
    'EC',
    'BO',
    'PY',
    'UY',
    'CU',
    'HT',
    'DO',
    'JM',
    'GT',
    'HN',
    'SV',
    'NI',
    'CR',
    'PA',
  ],
};

const REGION_OF = new Map<string, string>(
  Object.entries(REGIONS).flatMap(([region, codes]) => codes.map((code) => [code, region])),
);

export function regionOf(nationality: string | null): string {
  if (!nationality) return 'unknown';
  return REGION_OF.get(nationality.trim().toUpperCase()) ?? 'other';
}

/** The continent of a region ("Africa West" → "Africa"). */
export function continentOf(region: string): string {
  if (region === 'unknown' || region === 'other' || region === 'Americas') return region;
  return region.split(' ')[0];
}
