import { methods, type PlexusApi, type PlexusEvent } from '../api';
import { PlexusError } from '../errors';
import type { Transport } from './rpc';

/** The typed API over any transport, plus the event stream. */
export type PlexusClient = PlexusApi & {
  onEvent(listener: (event: PlexusEvent) => void): () => void;
};

/** Builds the typed client from the method list; responses that failed become PlexusErrors. */
export function createClient(transport: Transport): PlexusClient {
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: PlexusEvent) => void) => transport.onEvent(listener),
  };
  for (const method of methods) {
    client[method] = async (args: unknown) => {
      const response = await transport.request(method, args);
      if (!response.ok) throw new PlexusError(response.error.code, response.error.message);
      return response.result;
    };
  }
  return client as PlexusClient;
}
