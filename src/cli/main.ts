import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../server/config.js';
import { isEmpty, seedDemo } from '../server/demo/seed.js';
import { verifyAuditChain } from '../server/platform/audit/audit-log.js';
import { migrate } from '../server/platform/db/migrate.js';
import { openConfiguredDatabase } from '../server/platform/startup.js';
import { ROLES } from '../shared/roles.js';
import { createUserFromCli } from './user-create.js';

/** Prints one line and exits non-zero: what a script calling the CLI can rely on. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`liaison: ${message}\n`);
  process.exit(code);
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>['db']) => Promise<T>) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

const program = new Command('liaison').description('Liaison platform command line').showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const applied = await withDatabase((db) => migrate(db));
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  });

program
  .command('seed')
  .description('load demo data into an empty database')
  .requiredOption('--demo', 'load the fictional demo organisations and accounts')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(async (db) => {
      await migrate(db);
      if (!(await isEmpty(db))) fail('the database already holds organisations; demo data is only loaded into an empty one');
      const { users } = await seedDemo(db, config.demoPassword);
      process.stdout.write(`demo data loaded: ${users} accounts\n`);
    });
  });

const user = program.command('user').description('manage user accounts');
user
  .command('create')
  .description('create a user (the password is read from standard input or LIAISON_NEW_PASSWORD)')
  .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--organisation <name-or-id>', 'organisation name, acronym or id')
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
  .option('--unit <name-or-id...>', 'units of the organisation')
  .action(async (options) => {
    const id = await withDatabase((db) => createUserFromCli(db, options));
    process.stdout.write(`${id}\n`);
  });

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('check the hash chain of the audit log; exits 2 and names the first bad row if broken')
  .action(async () => {
    const report = await withDatabase((db) => verifyAuditChain(db));
    if (!report.ok)
      fail(`audit chain broken at row ${report.firstBadId}: ${report.reason} (${report.checked} rows intact before it)`, 2);
    process.stdout.write(`audit chain intact: ${report.checked} rows\n`);
  });

program.parseAsync().catch((error) => {
  fail(
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error),
  );
});
