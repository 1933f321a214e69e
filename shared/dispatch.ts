import type { z } from 'zod';
import { isMethod, type PlexusApi } from './api';
import { PlexusError, toErrorInfo } from './errors';
import type { RpcResponse } from './rpc';
import { requestSchemas } from './schemas';

/**
 * Runs one request against a service: checks the method name and validates the arguments
 * before the service sees them. Never throws; failures come back as an error response.
 */
export async function dispatch(service: PlexusApi, method: unknown, args: unknown): Promise<RpcResponse> {
  try {
    if (!isMethod(method)) {
      throw new PlexusError('INVALID_ARGUMENT', `Unknown request "${String(method)}".`);
    }
    const parsed = requestSchemas[method].safeParse(args ?? {});
    if (!parsed.success) {
      throw new PlexusError('INVALID_ARGUMENT', `Invalid ${method} request: ${describe(parsed.error)}.`);
    }
    const handler = service[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, result: await handler.call(service, parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
