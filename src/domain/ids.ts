import { randomBytes } from "node:crypto";

/** Cloud-style IDs carry their type in the prefix (schema.graphql): i- instance, d- disk, … */
export const ID_PREFIX = {
  instance: "i-",
  disk: "d-",
  snapshot: "s-",
  image: "m-",
  account: "acc-",
  mapping: "dm-",
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 20;

export function newId(kind: IdKind): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps the characters uniform.
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(BODY_LENGTH * 2)) {
      if (byte < 252 && body.length < BODY_LENGTH) body += ALPHABET[byte % 36];
    }
  }
  return ID_PREFIX[kind] + body;
}

export type NodeKind = "Instance" | "Disk" | "Snapshot" | "Image" | "Account";

const ID_PATTERN = /^(i|d|s|m|acc)-[0-9a-z]{20}$/;
const SYSTEM_IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_.]{1,127}$/;
const KIND_BY_PREFIX: Record<string, NodeKind> = {
  i: "Instance",
  d: "Disk",
  s: "Snapshot",
  m: "Image",
  acc: "Account",
};

/** Which type an ID names, from its prefix; SYSTEM image IDs are readable names such as ubuntu_22_04_x64_20G_alibase. */
export function kindOfId(id: string): NodeKind | null {
  const match = ID_PATTERN.exec(id);
  if (match) return KIND_BY_PREFIX[match[1]!] ?? null;
  return SYSTEM_IMAGE_ID.test(id) ? "Image" : null;
}
