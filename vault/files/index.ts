/**
 * vault/files: the notes and folders on disk — the Vault (checked paths, atomic saves that never
 * overwrite unseen, trash), reading a file safely, the text format, the listing, the watcher.
 */
export { atomicWrite, TEMP_PREFIX, type SaveFs } from './atomic-write';
export { ioError } from './io-errors';
export { readVaultFile, readVaultFileSync, vaultEntry, vaultEntrySync } from './read-vault-file';
export { decodeNote, encodeNote, firstInvalidUtf8 } from './text-format';
export { listVault } from './vault-listing';
export { fileMeta, Vault, versionOf, type TrashFn, type VaultOptions } from './vault';
export { VaultWatcher } from './watcher';
