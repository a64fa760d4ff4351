/**
 * Tagging vocabularies of the knowledge library: countries, organisations, themes and action-plan
 * references. Pure functions over an item's text; tables are compiled once at load.
 */
export { tagCountries } from './countries.js';
export { ORGANISATION_IDS, tagOrganisations } from './organisations.js';
export { ORGANISATIONS, type Organisation } from './organisations-data.js';
export { explicitReferences, REFERENCES, type Reference, type ReferenceKind, tagReferences } from './references.js';
export { GCM_OBJECTIVES, PLAN_PARTS, THEME_REFERENCES, type Translated } from './references-data.js';
export { tagThemes } from './themes.js';
export { THEME_IDS, THEMES, type Theme, type ThemeId } from './themes-data.js';
