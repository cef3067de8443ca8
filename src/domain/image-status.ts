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
