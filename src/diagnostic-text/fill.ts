/**
 * `{0}`, `{1}` … in a catalogue template replaced by the arguments (a missing one is empty).
 * `{0:warning|warnings}` is the number and the English word for it: singular for 1, plural else.
 */
export function fill(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)(?::([^|}]*)\|([^}]*))?\}/g, (_, i, one?: string, many?: string) => {
    const v = String(args[Number(i)] ?? '');
    return one === undefined ? v : `${v} ${Number(v) === 1 ? one : many}`;
  });
}
