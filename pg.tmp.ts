import { startPostgres } from './test/support/postgres-server.js';
const s = await startPostgres({ durable: true });
console.log(s.url);
await new Promise(() => {});
