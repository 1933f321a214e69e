/**
 * vault/app-data: what the app keeps beside the notes — its data folder, the welcome vault copy,
 * settings, the workspace (tabs, panes) and recovery snapshots.
 */
export { defaultDataDir, ensureWelcomeVault } from './app-paths';
export { readObsidianAppSettings } from './obsidian-app-settings';
export { RecoveryStore } from './recovery-store';
export { SettingsStore } from './settings-store';
export { WorkspaceStore } from './workspace-store';
