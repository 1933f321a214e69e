/** The path of the installed Electron binary, or null when it is missing. */
export function electronBinary(): string | null;
