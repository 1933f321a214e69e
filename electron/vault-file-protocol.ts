import { protocol } from 'electron';
import { realpath } from 'node:fs/promises';
import { VAULT_FILE_SCHEME } from '../shared/vault-file-url';
import { readVaultMedia, vaultFileHeaders } from '../vault/host/vault-file-route';

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
    // The shared parser takes the scheme's form as it takes the browser host's path.
    const image = root ? await readVaultMedia(await realpath(root), request.url) : null;
    if (!image) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(image.body), { headers: vaultFileHeaders(image.contentType) });
  });
}
