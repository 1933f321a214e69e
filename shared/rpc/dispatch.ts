import type { z } from 'zod';
import { isMethod, type PlexusApi } from '../api';
import { PlexusError, toErrorInfo } from '../errors';
import type { RpcResponse } from './rpc';
import { requestSchemas, type CodedIssueParams } from './schemas';

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
      const coded = codedIssue(parsed.error);
      if (coded) throw coded;
      throw new PlexusError('INVALID_ARGUMENT', `Invalid ${method} request: ${describe(parsed.error)}.`);
    }
    const handler = service[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, result: await handler.call(service, parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** The engine's own error when every problem is one the path rules raised (UNSAFE_PATH, with its words). */
function codedIssue(error: z.ZodError): PlexusError | null {
  const coded = error.issues.map((issue) =>
    issue.code === 'custom' ? (issue.params as Partial<CodedIssueParams> | undefined) : undefined,
  );
  if (!coded.every((params) => params?.plexusCode && params.plexusMessage)) return null;
  const first = coded[0] as CodedIssueParams;
  return new PlexusError(first.plexusCode, first.plexusMessage);
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
