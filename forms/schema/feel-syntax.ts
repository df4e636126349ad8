import { parseExpression } from 'feelin';

/** True when the string is a FEEL expression in form-js notation (`=…`). */
export function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.trimStart().startsWith('=');
}

/** The expression without its leading `=`. */
export function feelBody(expression: string): string {
  return expression.trimStart().slice(1);
}

/**
 * Parses without evaluating: a syntax error shows up as an error node in the tree, which is
 * what a deploy must refuse. Unknown names are not errors — they come from task variables.
 */
export function feelSyntaxError(expression: string): string | undefined {
  const body = feelBody(expression);
  if (body.trim() === '') return 'de expressie is leeg';
  let at: number | undefined;
  try {
    const tree = parseExpression(body, {}, undefined);
    tree.iterate({
      enter(node) {
        if (at === undefined && node.type.isError) at = node.from;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return at === undefined ? undefined : `fout bij positie ${at + 1}`;
}

/** The `{{ … }}` parts of a form-js text template. */
export function templateParts(text: string): string[] {
  return [...text.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => (m[1] ?? '').trim()).filter((s) => s !== '');
}
