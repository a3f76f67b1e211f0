/** `{0}`, `{1}` … in a catalogue template replaced by the arguments (a missing one is empty). */
export function fill(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
