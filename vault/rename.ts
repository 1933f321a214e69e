import type { RenameReport, RequestArgs } from '../shared/api';
import { PlexusError } from '../shared/errors';
import type { Vault } from './vault';
import type { VaultIndex } from './vault-index';

/** Rename/move that rewrites every link to the moved notes, all or nothing (to be built: issue 5). */
export class Renamer {
  constructor(
    private readonly vault: Vault,
    private readonly index: Promise<VaultIndex>,
  ) {}

  rename(args: RequestArgs['rename']): Promise<RenameReport> {
    void this.vault;
    void this.index;
    void args;
    return Promise.reject(new PlexusError('INTERNAL', 'rename is not built yet'));
  }

  undo(id: string): Promise<RenameReport> {
    void id;
    return Promise.reject(new PlexusError('INTERNAL', 'undo is not built yet'));
  }
}
