/**
 * A note about git: its code block shows conflict marker lines that no merge of Plexus wrote, so
 * resolving a real conflict in it must leave them byte for byte. `Status: draft` is the line
 * tests change on either side.
 */
export const GIT_NOTE = [
  '# Resolving git conflicts',
  '',
  'Status: draft',
  '',
  '```',
  '<<<<<<< HEAD',
  'ours',
  '=======',
  'theirs',
  '>>>>>>> branch',
  '```',
  '',
].join('\n');
