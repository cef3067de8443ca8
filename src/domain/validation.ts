import type { ErrorCollector } from "./errors.ts";

/** Limits of the simulated cloud, as a real console would enforce them. */
export const LIMITS = {
  nameMin: 2,
  nameMax: 128,
  descriptionMax: 256,
  systemDiskMaxGiB: 2048,
  dataDiskMinGiB: 20,
  dataDiskMaxGiB: 32768,
  dataDisksMax: 16,
  clientTokenMax: 64,
} as const;

export const SYSTEM_DEVICE = "/dev/vda";
/** /dev/vdb … /dev/vdz, in the order free devices are handed out. */
export const DATA_DEVICES: readonly string[] = Array.from(
  { length: 25 },
  (_, i) => `/dev/vd${String.fromCharCode("b".charCodeAt(0) + i)}`,
);

// \p{M}: the combining marks that scripts such as Devanagari and Tamil (and decomposed Latin) need.
const NAME_PATTERN = /^\p{L}[\p{L}\p{M}\p{N}.:_-]*$/u;
const URL_PREFIX = /^https?:\/\//i;

/**
 * Names of images, snapshots and instances: 2-128 characters, a letter (any script) first, then
 * letters, digits, '.', ':', '_', '-'; never an http:// or https:// prefix. Returns the problem, or null.
 */
export function nameProblem(name: string, what: string): string | null {
  if (!isWellFormedText(name)) return `${what} contains ${MALFORMED_TEXT}`;
  const length = [...name].length;
  if (length < LIMITS.nameMin || length > LIMITS.nameMax) {
    return `${what} must be ${LIMITS.nameMin} to ${LIMITS.nameMax} characters long (got ${length}).`;
  }
  if (URL_PREFIX.test(name)) return `${what} must not start with http:// or https://.`;
  if (!NAME_PATTERN.test(name)) {
    return `${what} must start with a letter and contain only letters, digits, '.', ':', '_' and '-' (got "${name}").`;
  }
  return null;
}

/**
 * The name of a snapshot an image takes of one of its disks: `<image name>-vda`, the image's name
 * shortened (by code points) so that the whole stays within the name limit.
 */
export function derivedSnapshotName(imageName: string, device: string): string {
  const suffix = `-${device.slice("/dev/".length)}`;
  return [...imageName].slice(0, LIMITS.nameMax - suffix.length).join("") + suffix;
}

/**
 * False for a string holding a lone UTF-16 surrogate (no database column can store one) or a NUL
 * character (PostgreSQL's text cannot).
 */
export function isWellFormedText(value: string): boolean {
  return !value.includes("\0") && !/\p{Cs}/u.test(value);
}

export const MALFORMED_TEXT =
  "a lone UTF-16 surrogate or a NUL character: send valid Unicode text without NUL.";

export function descriptionProblem(description: string): string | null {
  if (!isWellFormedText(description)) return `The description contains ${MALFORMED_TEXT}`;
  const length = [...description].length;
  if (length > LIMITS.descriptionMax) {
    return `The description may be at most ${LIMITS.descriptionMax} characters long (got ${length}).`;
  }
  if (URL_PREFIX.test(description)) return "The description must not start with http:// or https://.";
  return null;
}

/**
 * The name and description of an image or a snapshot. The name's error code differs: images have
 * INVALID_IMAGE_NAME of their own, snapshots answer INVALID_INPUT.
 */
export function checkNameAndDescription(
  errors: ErrorCollector,
  input: { name?: string | null; description?: string | null },
  of: { what: string; nameCode: "INVALID_IMAGE_NAME" | "INVALID_INPUT" },
): void {
  if (input.name !== undefined && input.name !== null) {
    const problem = nameProblem(input.name, of.what);
    if (problem) errors.add(of.nameCode, problem, ["input", "name"]);
  }
  if (input.description !== undefined && input.description !== null) {
    const problem = descriptionProblem(input.description);
    if (problem) errors.add("INVALID_DESCRIPTION", problem, ["input", "description"]);
  }
}

export function checkClientToken(
  errors: ErrorCollector,
  token: string | null | undefined,
  field: string[],
): void {
  if (token === null || token === undefined) return;
  if (token.length === 0 || token.length > LIMITS.clientTokenMax || !/^[\x20-\x7e]+$/.test(token)) {
    errors.add(
      "INVALID_INPUT",
      `clientToken must be 1 to ${LIMITS.clientTokenMax} printable ASCII characters.`,
      field,
    );
  }
}

export function isDataDevice(device: string): boolean {
  return DATA_DEVICES.includes(device);
}
