// Types of scripts/run.mjs (plain JavaScript: it runs before any TypeScript compiler is loaded).
/** The path of an up-to-date bundle of `entry` in `cacheDir`, built if needed; throws when it cannot be. */
export function bundleFor(name: string, entry: string, cacheDir?: string): Promise<string>;
