/** The text the crash tests save: `bytes` bytes of `letter` lines, so a partial file is easy to spot. */
export function savedText(bytes: number, letter: string): string {
  const line = `${letter.repeat(63)}\n`;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}
