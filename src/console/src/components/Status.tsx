import { title } from "../format.ts";

const tone: Record<string, string> = {
  AVAILABLE: "ok",
  RUNNING: "ok",
  ACCOMPLISHED: "ok",
  CREATING: "busy",
  WAITING: "busy",
  PROGRESSING: "busy",
  STOPPED: "idle",
  DEPRECATED: "idle",
  CANCELLED: "idle",
  EXPIRED: "idle",
  RELEASED: "idle",
  CREATE_FAILED: "bad",
  FAILED: "bad",
};

export function Status({ value }: { value: string }) {
  return <span className={`status status-${tone[value] ?? "idle"}`}>{title(value)}</span>;
}
