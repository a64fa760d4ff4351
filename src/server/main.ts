import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { preparePlatform } from './platform/startup.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`liaison: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const started = Date.now();
  const {
    database,
    cipher,
    applied,
    seeded,
    libraryDocuments,
    followUp,
    followUpSkipped,
    referral,
    referralSkipped,
    watchlists,
    watchlistsSkipped,
    seedMs,
  } = await preparePlatform(config);
  const app = await buildApp({ config, db: database.db, cipher, listen: database.listen });
  if (applied.length > 0) app.log.info({ migrations: applied }, 'migrations applied');
  if (seeded || followUp || referral || watchlists) {
    // Counts only: the cases' ids and references stay out of the log.
    const { seeded: _cases, ...referralCounts } = referral ?? { seeded: [] };
    app.log.info(
      { users: seeded?.users ?? 0, libraryDocuments, followUp, referral: referral ? referralCounts : null, watchlists, seedMs },
      'demo data loaded',
    );
  }
  if (followUpSkipped) app.log.warn({ reason: followUpSkipped }, 'demo follow-up not loaded');
  if (referralSkipped) app.log.warn({ reason: referralSkipped }, 'demo identification and referral not loaded');
  if (watchlistsSkipped) app.log.warn({ reason: watchlistsSkipped }, 'demo watch-lists not loaded');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing in-flight requests');
    // close() stops accepting and waits for in-flight requests. Connections that finish a request
    // meanwhile stay open as keep-alive, so keep closing idle ones until every one is gone.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    await app.close();
    clearInterval(closeIdle);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { backend: database.backend, url: `http://${config.host}:${config.port}`, startupMs: Date.now() - started },
    'Liaison is ready',
  );
}

main().catch((error) => {
  process.stderr.write(`liaison: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
