import type { PlexusApi, RenameReport } from '../../shared/api';

/**
 * `plexus rename FROM TO [--dry-run] [--json] --vault DIR`: renames or moves a note or folder
 * and rewrites the links to it, printing each change as `path:line  before → after`.
 */
export async function renameCommand(
  engine: Pick<PlexusApi, 'rename'>,
  from: string,
  to: string,
  dryRun: boolean,
): Promise<{ json: RenameReport; text: string }> {
  const report = await engine.rename({ from, to, dryRun });
  return { json: report, text: formatReport(report) };
}

/** The report as lines a person reads: each edit, then a summary. */
export function formatReport(report: RenameReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'Would move' : 'Moved';
  lines.push(`${verb} ${report.from} → ${report.to}`);
  for (const change of report.changes) {
    for (const edit of change.edits) lines.push(`${change.path}:${edit.line}  ${edit.before} → ${edit.after}`);
  }
  const links = `${report.linksUpdated} link${report.linksUpdated === 1 ? '' : 's'}`;
  const notes = `${report.notesUpdated} note${report.notesUpdated === 1 ? '' : 's'}`;
  lines.push(
    report.dryRun ? `Would update ${links} in ${notes} (dry run: nothing changed)` : `Updated ${links} in ${notes}`,
  );
  return lines.join('\n');
}
