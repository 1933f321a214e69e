/** The two IPC channels; every request travels on one, every event on the other. */
export const REQUEST_CHANNEL = 'plexus:request';
export const EVENT_CHANNEL = 'plexus:event';
