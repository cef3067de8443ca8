import { title } from "../format.ts";

export interface CheckView {
  item: string;
  result: string;
  message: string;
}

const ITEM_TITLES: Record<string, string> = {
  CONFIDENTIAL_DATA: "Confidential data",
  FSTAB_DATA_DISK: "Data disks in /etc/fstab",
  MOUNTED_FILE_SYSTEMS: "Mounted file systems",
  KERNEL_UPGRADED: "Kernel upgrade",
  SYSTEM_DISK_PARTITIONS: "System disk partitions",
  SYSTEM_DISK_FREE_SPACE: "System disk free space",
  SYSTEM_FILES_MODIFIED: "Modified system files",
  ROOT_USERNAME: "Root login",
};

/** The pre-checks that did not PASS, FAILs first. */
export function PrecheckList({ checks, heading }: { checks: readonly CheckView[]; heading: string }) {
  const shown = checks
    .filter((c) => c.result !== "PASS")
    .sort((a, b) => (a.result === "FAIL" ? -1 : 0) - (b.result === "FAIL" ? -1 : 0));
  if (!shown.length) return null;
  return (
    <section className="prechecks" aria-label={heading}>
      <h3>{heading}</h3>
      <ul>
        {shown.map((c) => (
          <li key={c.item} className={`precheck precheck-${c.result.toLowerCase()}`}>
            <span className={`badge badge-${c.result.toLowerCase()}`}>
              {title(c.result === "WARN" ? "Warning" : c.result === "FAIL" ? "Fail" : c.result)}
            </span>
            <span>
              <strong>{ITEM_TITLES[c.item] ?? c.item}</strong> {c.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
