/** The pages of early-warning alerts, as the router names them. */
export { AlertPage } from './alert-page.js';
export { parseAlertSearch } from './alerts-api.js';
export { AlertsPage } from './alerts-page.js';
export { NewAlertPage } from './new-alert-page.js';
