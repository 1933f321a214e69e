import type { NoteSuggestion, RequestArgs } from '../shared/api';
import { PlexusError } from '../shared/errors';
import type { LinkIndex } from './link-index';

/** Notes whose names fuzzy-match a query (to be built: issue 4). */
export function suggestNotes(links: LinkIndex, args: RequestArgs['suggestNotes']): NoteSuggestion[] {
  void links;
  void args;
  throw new PlexusError('INTERNAL', 'suggestNotes is not built yet');
}
