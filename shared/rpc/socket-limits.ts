import { MAX_NOTE_BYTES } from '../api';

/**
 * The largest WebSocket message the browser host accepts, which is also the largest the page
 * sends. A note's text travels as a JSON string. Ordinary text grows only a little (a newline or
 * a quote becomes two bytes), so twice the largest note, plus 1 MB for the request around it,
 * carries any note whose escapes at most double it. Text made mostly of control characters can
 * grow up to six times (`\u0001`). Allowing that would mean holding about 400 MB for a single
 * message, so the page refuses such a save with a clear message and keeps the text in the editor.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 2 * MAX_NOTE_BYTES + 1024 * 1024;
