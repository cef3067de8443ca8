const titles: Record<string, string> = {
  AVAILABLE: "Available",
  CANCELLED: "Cancelled",
  CREATE_FAILED: "Create failed",
  CREATING: "Creating",
  DEPRECATED: "Deprecated",
  WAITING: "Waiting",
  RUNNING: "Running",
  STOPPED: "Stopped",
  EXPIRED: "Expired",
  RELEASED: "Released",
  ACCOMPLISHED: "Accomplished",
  PROGRESSING: "Progressing",
  FAILED: "Failed",
  LINUX: "Linux",
  WINDOWS: "Windows",
  SYSTEM: "System",
  DATA: "Data",
  INSTANCE: "Instance",
  SNAPSHOT: "Snapshot",
  COPY: "Copy",
};

/** An API enum as the console says it: AVAILABLE → Available. */
export const title = (value: string): string => titles[value] ?? value;

export function dateTime(iso: string, style: "medium" | "short" = "medium"): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: style, timeStyle: "short" });
}

export function duration(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined) return null;
  if (seconds < 60) return `${seconds} s left`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s left`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** A userError's field path as a key: ["input", "dataDisks", "0", "sizeGiB"] → "dataDisks.0.sizeGiB". */
export function fieldKey(field: readonly string[] | null | undefined): string {
  if (!field) return "";
  return (field[0] === "input" ? field.slice(1) : field).join(".");
}
