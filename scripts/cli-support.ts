// Shared by the scripts: run a main function, print configuration problems as one line.
import { ConfigError } from '@/lib/env';
import { DatabaseConfigError } from '@/lib/db/client';

export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (e: unknown) => {
      if (e instanceof ConfigError || e instanceof DatabaseConfigError) {
        process.stderr.write(`${e.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
