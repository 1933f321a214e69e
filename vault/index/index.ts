/**
 * vault/index: the VaultIndex (the link graph and search kept up to date with the vault), its
 * cache file, and the pool of scan workers that read the notes.
 */
export { cacheFileFor } from './cache';
export { sourceWorker, type WorkerScript } from './worker-pool';
export { VaultIndex, type VaultIndexOptions } from './vault-index';
