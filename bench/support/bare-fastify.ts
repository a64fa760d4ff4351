/**
 * The yardstick of `bench:api`: a bare Fastify hello-world, started like the Liaison server (its own
 * process, under tsx, on 127.0.0.1), so a route's `ratio_to_bare` says what the platform's layers cost.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/readyz', async () => ({ ready: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
