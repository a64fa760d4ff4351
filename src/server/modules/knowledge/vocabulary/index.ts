/**
 * Tagging vocabularies of the knowledge library: countries, organisations, themes and action-plan
 * references. Pure functions over an item's text; tables are compiled once at load.
 */

export { ORGANISATIONS, type Organisation } from '../../../../shared/knowledge/vocabulary/organisations-data.js';
export { THEME_IDS, THEMES, type Theme, type ThemeId } from '../../../../shared/knowledge/vocabulary/themes-data.js';
export { tagCountries } from './countries.js';
export { ORGANISATION_IDS, tagOrganisations } from './organisations.js';
export { explicitReferences, REFERENCES, type Reference, type ReferenceKind, tagReferences } from './references.js';
export { GCM_OBJECTIVES, PLAN_PARTS, THEME_REFERENCES, type Translated } from './references-data.js';
export { tagThemes } from './themes.js';
