import type { ImageStatus } from "../generated/prisma/client.ts";

/** An image still being created or copied (a copy WAITING for a slot included): something drives it until it ends. */
export const IN_FLIGHT_IMAGE_STATUSES = ["WAITING", "CREATING"] as const satisfies readonly ImageStatus[];

/** An image whose creation or copy has ended, one way or another: its progress stream is done. */
export const FINAL_IMAGE_STATUSES = [
  "AVAILABLE",
  "CREATE_FAILED",
  "CANCELLED",
  "DEPRECATED",
] as const satisfies readonly ImageStatus[];

export function isImageInFlight(status: ImageStatus): boolean {
  return (IN_FLIGHT_IMAGE_STATUSES as readonly ImageStatus[]).includes(status);
}

export function isImageFinal(status: ImageStatus): boolean {
  return (FINAL_IMAGE_STATUSES as readonly ImageStatus[]).includes(status);
}

/** An image that can create instances: AVAILABLE, or DEPRECATED (still usable, no longer offered for copies). */
export const USABLE_IMAGE_STATUSES = ["AVAILABLE", "DEPRECATED"] as const satisfies readonly ImageStatus[];

/** An image that still needs its snapshots: in flight or usable, not ended in failure or cancellation. */
export const SNAPSHOT_HOLDING_IMAGE_STATUSES = [
  ...IN_FLIGHT_IMAGE_STATUSES,
  ...USABLE_IMAGE_STATUSES,
] as const satisfies readonly ImageStatus[];

export function isImageUsable(status: ImageStatus): boolean {
  return (USABLE_IMAGE_STATUSES as readonly ImageStatus[]).includes(status);
}
