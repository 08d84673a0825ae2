// What `quake-drill run --runs` and `dry-run` show while they play: a progress bar on stderr.

/** `\r[####      ] 12/50`, for stderr while runs play. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
}
