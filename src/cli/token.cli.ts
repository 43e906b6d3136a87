import { issueToken } from '../auth/token-issuer.js';
import { AppConfig, ConfigurationError } from '../config/app-config.js';

const USAGE = 'Usage : npm run token -- <courriel> [--expires 12h]';

/** Prints a signed development token for an advisor's email (HS256 with the configured or development secret). */
async function main(args: string[]): Promise<void> {
  const email = args.find((a) => !a.startsWith('--'));
  const expiresIndex = args.indexOf('--expires');
  const expires = expiresIndex >= 0 ? args[expiresIndex + 1] : '12h';
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !expires || !/^\d+[smhd]$/.test(expires)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  try {
    const config = AppConfig.fromEnvironment();
    process.stdout.write(`${await issueToken(config, email, expires)}\n`);
  } catch (error) {
    const message = error instanceof ConfigurationError ? `Configuration invalide — ${error.message}` : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

void main(process.argv.slice(2));
