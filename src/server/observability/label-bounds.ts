/**
 * The label value that stands for every value past a label's bound. It is no GraphQL name, so it
 * never stands for an operation's own name.
 */
export const OTHER = "(other)";

/** A GraphQL name short enough to be a label value. */
const LABEL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The values one label may take: each distinct value the process meets is kept until `max` are;
 * from then on (and for a value `accepts` refuses) the label reads OTHER. So a label's series
 * are bounded however many values clients make up.
 */
export function boundedLabel(max: number, accepts: (value: string) => boolean = () => true) {
  const kept = new Set<string>();
  return (value: string): string => {
    if (kept.has(value)) return value;
    if (kept.size >= max || !accepts(value)) return OTHER;
    kept.add(value);
    return value;
  };
}

/** An operation's name as a label: "Anonymous" without one, OTHER past the first `max` names. */
export type OperationLabel = (name: string | null | undefined) => string;

export function operationLabel(max: number): OperationLabel {
  const bounded = boundedLabel(max, (name) => LABEL_NAME.test(name));
  return (name) => (name ? bounded(name) : "Anonymous");
}

/** Error codes are the gateway's own, but a bound costs nothing (a code from a library, say). */
export const MAX_ERROR_CODES = 50;

const METHODS = new Set(["GET", "POST", "OPTIONS", "HEAD"]);

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : OTHER;
}
