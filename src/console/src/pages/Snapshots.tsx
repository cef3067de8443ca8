import { useMemo } from "react";
import { useQuery, useSubscription } from "urql";
import { Page } from "../components/Page.tsx";
import { ProgressBar } from "../components/ProgressBar.tsx";
import { Status } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { SnapshotListDocument, SnapshotProgressDocument } from "../documents/snapshots.ts";
import { dateTime, title } from "../format.ts";
import type { ConsoleSnapshotProgressSubscription } from "../gql/graphql.ts";
import { useConsole } from "../regions.tsx";

const COLUMNS = ["Name", "ID", "Disk", "Device", "Status", "Progress", "Image", "Created"] as const;

interface Row {
  id: string;
  device: string;
  status: string;
  progress: number;
  remainingSeconds?: number | null;
}

function LiveSnapshot({ snapshot, onEnded }: { snapshot: Row; onEnded(): void }) {
  const [{ data }] = useSubscription<ConsoleSnapshotProgressSubscription, Row>(
    { query: SnapshotProgressDocument, variables: { snapshotId: snapshot.id } },
    (_, event) => {
      if (event.snapshotProgress.done) onEnded();
      return { ...snapshot, ...event.snapshotProgress.snapshot };
    },
  );
  const live = data ?? snapshot;
  return (
    <ProgressBar
      label={snapshot.device}
      value={live.progress}
      remainingSeconds={live.remainingSeconds}
      compact
    />
  );
}

export function SnapshotsPage() {
  const { region } = useConsole();
  const context = useMemo(() => ({ additionalTypenames: ["Snapshot", "Image", "DeleteImagePayload"] }), []);
  const [list, refetch] = useQuery({
    query: SnapshotListDocument,
    variables: { regionId: region },
    context,
  });
  const snapshots = list.data?.snapshots.edges.map((e) => e.node) ?? null;
  const refresh = () => refetch({ requestPolicy: "network-only" });
  return (
    <Page
      id="snapshots"
      title="Snapshots"
      aside={
        <p className="muted">
          Every disk snapshot of this region, including those that make up custom images.
        </p>
      }
    >
      <Table
        caption="Snapshots"
        scroll
        columns={COLUMNS}
        list={list}
        rows={snapshots}
        empty="No snapshots in this region."
      >
        {(s) => (
          <tr key={s.id}>
            <td className="strong nowrap">{s.name ?? <span className="muted">—</span>}</td>
            <td className="mono">{s.id}</td>
            <td>
              <span className="mono">{s.sourceDiskId}</span>
              <span className="muted block">{s.sourceDiskSizeGiB} GiB</span>
            </td>
            <td>
              <span className="mono">{s.device}</span>
              <span className="muted block">{title(s.sourceDiskType)}</span>
            </td>
            <td>
              <Status value={s.status} />
              {s.failureReason ? <span className="muted block">{s.failureReason}</span> : null}
            </td>
            <td className="progress-cell">
              {s.status === "PROGRESSING" ? (
                <LiveSnapshot snapshot={s} onEnded={refresh} />
              ) : (
                <ProgressBar label={s.device} value={s.progress} compact bare />
              )}
            </td>
            <td className="nowrap">{s.image ? s.image.name : <span className="muted">—</span>}</td>
            <td className="nowrap">{dateTime(s.createdAt, "short")}</td>
          </tr>
        )}
      </Table>
    </Page>
  );
}
