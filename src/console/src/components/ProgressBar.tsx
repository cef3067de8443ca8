import { duration } from "../format.ts";

interface ProgressBarProps {
  label: string;
  value: number;
  remainingSeconds?: number | null;
  compact?: boolean;
  /** The label is read, not shown (a column already shows it). */
  bare?: boolean;
}

/** role=progressbar named by `label` (e.g. the disk's device), with its percentage and time left. */
export function ProgressBar({ label, value, remainingSeconds, compact, bare }: ProgressBarProps) {
  const left = value < 100 ? duration(remainingSeconds) : null;
  const text = left ? `${value}%, ${left}` : `${value}%`;
  return (
    <div className={`progress${compact ? " progress-compact" : ""}${bare ? " progress-bare" : ""}`}>
      {bare ? null : <span className="progress-label">{label}</span>}
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div
          className={value >= 100 ? "progress-fill done" : "progress-fill"}
          style={{ width: `${value}%` }}
        />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
