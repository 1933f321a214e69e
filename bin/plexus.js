#!/usr/bin/env node
// The `plexus` command: runs the CLI from source through tsx (a dependency of this package).
import { register } from 'tsx/esm/api';

register();
await import('../vault/cli.ts');
