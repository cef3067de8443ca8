import { title } from "../format.ts";

/** A row's disks, one a line: device, size and type (keyed by the disk's ID, or its device where it has none). */
export function DiskList({
  disks,
  label,
}: {
  disks: { id?: string; device: string; sizeGiB: number; type: string }[];
  label?: string;
}) {
  return (
    <ul className="disk-list" aria-label={label}>
      {disks.map((disk) => (
        <li key={disk.id ?? disk.device}>
          <span className="mono">{disk.device}</span> {disk.sizeGiB} GiB{" "}
          <span className="muted">{title(disk.type)}</span>
        </li>
      ))}
    </ul>
  );
}
