import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../server/config.js';
import { isEmpty, seedDemo } from '../server/demo/seed.js';
import { seedDemoFollowUp } from '../server/demo/seed-followup.js';
import { seedDemoLibrary } from '../server/demo/seed-library.js';
import { verifyAuditChain } from '../server/platform/audit/audit-log.js';
import {
  checkAgainstCheckpoint,
  checkpointPath,
  readLatestCheckpoint,
  writeCheckpoint,
} from '../server/platform/audit/checkpoints.js';
import { migrate } from '../server/platform/db/migrate.js';
import { openConfiguredDatabase } from '../server/platform/startup.js';
import { HANDLING_CODES } from '../shared/handling-codes.js';
import { ROLES } from '../shared/roles.js';
import { ingestIntoLibrary, ingestToJson } from './ingest.js';
import { keyStatusFromCli, rotateFromCli } from './keys.js';
import { findOrganisationId, secretariatId } from './organisations.js';
import { retentionCommand } from './retention.js';
import { screeningCommand } from './screening.js';
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
      const documents = await seedDemoLibrary(db, config.corpusDir);
      const followUp = await seedDemoFollowUp(db, { publicUrl: config.publicUrl });
      process.stdout.write(
        `demo data loaded: ${users} accounts, ${documents} library documents, ${followUp?.commitments ?? 0} follow-up commitments\n`,
      );
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

program
  .command('ingest')
  .description(
    'split outcome documents (.txt, .md, .pdf, .docx) into good practices, challenges, recommendations and conclusions',
  )
  .argument('<files...>', 'documents to read')
  .option('--json', 'print the extracted documents and items as JSON on stdout; store nothing')
  .option('--publish', 'publish the items at once instead of leaving them as drafts for review')
  .addOption(new Option('--handling-code <code>', 'who may see the documents').choices([...HANDLING_CODES]).default('TLP:GREEN'))
  .option('--organisation <name-or-id>', 'originating organisation (default: the dialogue secretariat)')
  .action(
    async (files: string[], options: { json?: boolean; publish?: boolean; handlingCode: string; organisation?: string }) => {
      if (options.json) {
        process.stdout.write(`${await ingestToJson(files)}\n`);
        return;
      }
      const lines = await withDatabase(async (db) => {
        await migrate(db);
        const organisationId = options.organisation
          ? await findOrganisationId(db, options.organisation)
          : await secretariatId(db);
        return ingestIntoLibrary(db, files, {
          publish: Boolean(options.publish),
          handlingCode: options.handlingCode,
          organisationId,
        });
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  );

const audit = program.command('audit').description('audit trail');
audit
  .command('verify')
  .description('check the hash chain of the audit log; exits 2 and names the first bad row if broken')
  .action(async () => {
    const file = checkpointPath(loadConfig().dataDir);
    const checkpoint = readLatestCheckpoint(file);
    const { report, anchor } = await withDatabase(async (db) => ({
      report: await verifyAuditChain(db),
      anchor: checkpoint ? await checkAgainstCheckpoint(db, checkpoint) : null,
    }));
    if (!report.ok)
      fail(`audit chain broken at row ${report.firstBadId}: ${report.reason} (${report.checked} rows intact before it)`, 2);
    if (anchor) fail(`audit chain does not reach its checkpoint: ${anchor}`, 2);
    const anchored = checkpoint
      ? `, reaching the checkpoint of ${checkpoint.at} (row ${checkpoint.lastId})`
      : ', no checkpoint yet';
    process.stdout.write(`audit chain intact: ${report.checked} rows${anchored}\n`);
  });

audit
  .command('checkpoint')
  .description('record the head of the audit chain in the data directory (the server also does so every minute)')
  .action(async () => {
    const written = await withDatabase((db) => writeCheckpoint(db, checkpointPath(loadConfig().dataDir)));
    process.stdout.write(written ? `${JSON.stringify(written)}\n` : 'nothing new to anchor\n');
  });

const keys = program.command('keys').description('personal data keys (cases and other personal records)');
const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) fail(`not a positive whole number: ${value}`);
  return number;
};
keys
  .command('rotate')
  .description('add a key and re-encrypt every personal value under it in batches; continues an interrupted rotation')
  .option('--batch-size <n>', 'rows re-encrypted per transaction', positive, 500)
  .option('--stop-after-batches <n>', 'stop after this many batches (run again to continue)', positive)
  .action(async (options: { batchSize: number; stopAfterBatches?: number }) => {
    const config = loadConfig();
    const line = await withDatabase(async (db) => {
      await migrate(db);
      return rotateFromCli(db, config, options);
    });
    process.stdout.write(`${line}\n`);
  });
keys
  .command('status')
  .description('each personal data key and how many values it encrypts')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const text = await withDatabase((db) => keyStatusFromCli(db, Boolean(options.json)));
    process.stdout.write(`${text}\n`);
  });

retentionCommand(program);
screeningCommand(program);

program.parseAsync().catch((error) => {
  fail(
    error instanceof ConfigError
      ? `configuration error: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error),
  );
});
