/** The settings form sends the shape the web app types too: it lives in the wire contract. */
export { NoticePreferencesBody } from '../../../../shared/exchange/notices/contract.js';
