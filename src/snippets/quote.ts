// Quoting for every shell a snippet targets. This file is the only place that quotes, so one
// review covers every way a value reaches a shell.

/** POSIX sh/bash/zsh: single quotes keep everything literal; a `'` is closed, escaped, reopened. */
export function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// PowerShell treats the typographic single quotes as quote characters too (about_Quoting_Rules).
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** PowerShell: a single-quoted string is verbatim; each quote character inside is doubled. */
export function powershellQuote(value: string): string {
  return `'${value.replace(POWERSHELL_SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * cmd.exe: inside double quotes `& | < > ( ) ^` are literal, but `%` still expands variables, `!`
 * does with delayed expansion, and a `"` cannot be escaped reliably at the prompt. Such values get
 * no cmd form at all (null) rather than one that might run something else.
 */
export function cmdQuote(value: string): string | null {
  if (/["%!\r\n\0]/.test(value) || /\\$/.test(value)) return null;
  return `"${value}"`;
}

/** Python: a JSON string literal is a valid Python string literal with the same value. */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}
