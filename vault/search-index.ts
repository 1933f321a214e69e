import type { SearchResult } from '../shared/api';
import { PlexusError } from '../shared/errors';

/** Full-text search over the vault (to be built: issue 6). */
export class SearchIndex {
  query(query: string, limit = 50): SearchResult {
    void query;
    void limit;
    throw new PlexusError('INTERNAL', 'search is not built yet');
  }
}
