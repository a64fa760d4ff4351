import path from 'node:path';

/** Configuration read once from the environment and validated; a bad value stops the start. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; undefined for the embedded PGlite database. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load demo data on an empty database, and relax the second-factor rule for demo accounts. */
  demo: boolean;
  demoPassword: string;
  /** Set cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  sessionTtlHours: number;
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per IP address (on top of the per-account throttle). */
  loginRateLimitPerMinute: number;
  /** How long a resolved session or token may be reused without a database lookup; 0 = never. */
  actorCacheMs: number;
  logLevel: string;
  /** 32-byte key (base64) for field encryption; read from a key file in the data directory if absent. */
  encryptionKey: string | undefined;
  webRoot: string;
  /** Outcome documents loaded into the demo library on first start. */
  corpusDir: string;
  /** How often the background job worker looks for work; 0 = this process runs no jobs. */
  jobPollMs: number;
  /** How often the head of the audit chain is anchored in the data directory and the log; 0 = never. */
  auditCheckpointMs: number;
  /** smtp:// or smtps:// server for e-mail notices; undefined = nothing is mailed. */
  smtpUrl: string | undefined;
  /** The From address of notices. */
  mailFrom: string;
  /** Base URL of the web app as users reach it, for links in mails (no trailing slash). */
  publicUrl: string;
  /** How often new exchange events are turned into notices; 0 = this process does not. */
  noticeSweepMs: number;
  /** An open RFI is reminded this many hours before its deadline. */
  rfiReminderHours: number;
  /** How often RFI deadlines are checked; 0 = this process does not. */
  rfiReminderSweepMs: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
}

function mailSettings(env: NodeJS.ProcessEnv) {
  const smtpUrl = env.LIAISON_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new ConfigError('LIAISON_SMTP_URL must start with smtp:// or smtps://');
  const mailFrom = env.LIAISON_MAIL_FROM || 'Liaison <no-reply@liaison.invalid>';
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom)) throw new ConfigError('LIAISON_MAIL_FROM must be an e-mail address');
  const publicUrl = (env.LIAISON_PUBLIC_URL || `http://localhost:${env.PORT || 8080}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl)) throw new ConfigError('LIAISON_PUBLIC_URL must be an http(s) URL');
  return { smtpUrl, mailFrom, publicUrl };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demoPassword = env.LIAISON_DEMO_PASSWORD || 'liaison-demo-2026';
  if (demoPassword.length < 12) throw new ConfigError('LIAISON_DEMO_PASSWORD must have at least 12 characters');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const encryptionKey = env.LIAISON_ENCRYPTION_KEY || undefined;
  if (encryptionKey && Buffer.from(encryptionKey, 'base64').length !== 32) {
    throw new ConfigError('LIAISON_ENCRYPTION_KEY must be 32 bytes encoded in base64');
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.LIAISON_DATA_DIR || 'data'),
    demo: flag(env, 'LIAISON_DEMO', true),
    demoPassword,
    secureCookies: flag(env, 'LIAISON_SECURE_COOKIES', false),
    sessionTtlHours: integer(env, 'LIAISON_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    rateLimitPerMinute: integer(env, 'LIAISON_RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000_000),
    loginRateLimitPerMinute: integer(env, 'LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000_000),
    actorCacheMs: integer(env, 'LIAISON_ACTOR_CACHE_MS', 1000, 0, 60_000),
    logLevel,
    encryptionKey,
    webRoot: path.resolve(env.LIAISON_WEB_ROOT || 'dist/web'),
    corpusDir: path.resolve(env.LIAISON_CORPUS_DIR || '../shared/corpus'),
    jobPollMs: integer(env, 'LIAISON_JOB_POLL_MS', 1000, 0, 60_000),
    auditCheckpointMs: integer(env, 'LIAISON_AUDIT_CHECKPOINT_MS', 60_000, 0, 86_400_000),
    ...mailSettings(env),
    noticeSweepMs: integer(env, 'LIAISON_NOTICE_SWEEP_MS', 5000, 0, 3_600_000),
    rfiReminderHours: integer(env, 'LIAISON_RFI_REMINDER_HOURS', 24, 1, 24 * 30),
    rfiReminderSweepMs: integer(env, 'LIAISON_RFI_REMINDER_SWEEP_MS', 300_000, 0, 86_400_000),
  };
}
