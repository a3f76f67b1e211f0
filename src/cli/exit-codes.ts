/**
 * Exit codes (interface.md, docs/cli.md): 0 ok, 1 gate failed, 2 usage or unreadable input,
 * 70 an internal error of spif (EX_SOFTWARE of sysexits.h): a bug to report, never a user mistake.
 * A module of its own so that the commands and the entry point share it without importing each other.
 */
export const EXIT = { ok: 0, gateFailed: 1, usage: 2, internal: 70 } as const;
