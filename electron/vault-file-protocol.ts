import { protocol } from 'electron';
import { realpath } from 'node:fs/promises';
import { readVaultImage, VAULT_FILE_PREFIX, vaultFileHeaders } from '../vault/host/serve-vault-file';

/** Images of the vault reach the sandboxed page as `plexus-file://vault/<url-encoded vault path>`. */
export const VAULT_FILE_SCHEME = 'plexus-file';

/** Must run before the app is ready: a standard scheme parses like http, so paths resolve. */
export function registerVaultFileScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: VAULT_FILE_SCHEME, privileges: { standard: true, secure: true } }]);
}

/**
 * Serves the open vault's images (and nothing else: the same checks as the browser host's
 * `/vault-file/` route — no `..`, no dot-folders, no symlinks out, image types only).
 */
export function handleVaultFiles(currentRoot: () => string | null): void {
  protocol.handle(VAULT_FILE_SCHEME, async (request) => {
    const root = currentRoot();
    const url = new URL(request.url);
    const image =
      root && url.host === 'vault'
        ? await readVaultImage(await realpath(root), VAULT_FILE_PREFIX + url.pathname.slice(1))
        : null;
    if (!image) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(image.body), { headers: vaultFileHeaders(image.contentType) });
  });
}
