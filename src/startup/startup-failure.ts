/** A start-up that cannot proceed: one line on standard error (what and why), exit code 1. */
export function fail(line: string): never {
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
