/**
 * vault/cli: the `plexus` command (main.ts, built to out/main/cli.cjs) and the text each
 * command prints.
 */
export { renameCommand } from './rename';
export { searchCommand } from './search';
