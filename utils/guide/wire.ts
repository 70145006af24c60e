/**
 * A flow as the background sends it to a portal's content script (`flow:get`): JSON text in
 * which a regular expression (`PageMatch.path`, `notPath`) is `{"$re":[source, flags]}`.
 * Runtime messaging carries JSON in Chrome (a `RegExp` would arrive as `{}`), so the flow goes as
 * one string and is read back here. The content scripts carry no flow of their own.
 */
import type { Flow } from './types';

/** The marker key of a regular expression in the JSON text. */
const RE = '$re';

/**
 * Writes a flow as JSON text, regular expressions included.
 * @param flow a whole flow (`utils/flows/sgo.ts`, `cabinet.ts`)
 * @returns JSON text for {@link flowFromWire}
 */
export function flowToWire(flow: Flow): string {
  return JSON.stringify(flow, (_k, v: unknown) => (v instanceof RegExp ? { [RE]: [v.source, v.flags] } : v));
}

/**
 * Reads a flow written by {@link flowToWire}.
 * @param text JSON text
 * @returns the flow, its regular expressions as `RegExp` again
 * @throws SyntaxError when the text is not JSON, or a marked expression is not valid
 */
export function flowFromWire(text: string): Flow {
  return JSON.parse(text, (_k, v: unknown) => {
    const re = v && typeof v === 'object' ? (v as Record<string, unknown>)[RE] : undefined;
    return Array.isArray(re) ? new RegExp(String(re[0]), String(re[1])) : v;
  }) as Flow;
}
