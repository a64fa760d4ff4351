import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { runRetention } from '../server/modules/referral/retention/service.js';
import { migrate } from '../server/platform/db/migrate.js';
import { openConfiguredDatabase } from '../server/platform/startup.js';

/** `liaison retention run`: what the daily job does, now (safe to run twice: the second finds nothing). */
export function retentionCommand(program: Command) {
  program
    .command('retention')
    .description('personal data retention of referral cases')
    .command('run')
    .description('pseudonymise the closed cases whose retention period is over (their statistics stay)')
    .action(async () => {
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await migrate(database.db);
        const result = await runRetention(database.db, { trigger: 'cli' });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } finally {
        await database.close();
      }
    });
}
