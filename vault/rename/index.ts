/** vault/rename: renaming or moving notes and folders with every link to them rewritten, all or nothing. */
export { Renamer, type RenamerOptions } from './renamer';
