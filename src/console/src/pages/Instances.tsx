import { useMemo, useState } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { Dialog } from "../components/Dialog.tsx";
import { DiskList } from "../components/DiskList.tsx";
import { messagesOf } from "../components/Field.tsx";
import { MenuButton } from "../components/Menu.tsx";
import { Page } from "../components/Page.tsx";
import { Status } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { CreateCustomImageDialog } from "../dialogs/CreateCustomImage.tsx";
import { CreateInstanceDialog } from "../dialogs/CreateInstance.tsx";
import { ImageProgressDocument } from "../documents/images.ts";
import {
  type ConsoleInstance,
  InstanceListDocument,
  RebootInstanceDocument,
  ReleaseInstanceDocument,
  StartInstanceDocument,
  StopInstanceDocument,
} from "../documents/instances.ts";
import { dateTime, title } from "../format.ts";
import { useNotices } from "../notices.tsx";
import { useConsole } from "../regions.tsx";

const COLUMNS = ["Name", "ID", "Status", "OS", "Disks", "Created", "Actions"] as const;

/** Refreshes the list when the image that locks an instance ends (the lock lifts then). */
function LockWatcher({ imageId, onEnded }: { imageId: string; onEnded(): void }) {
  useSubscription({ query: ImageProgressDocument, variables: { imageId } }, (_, event) => {
    if (event.imageProgress.done) onEnded();
    return event;
  });
  return null;
}

type Action = "start" | "stop" | "reboot" | "release";
const ACTION_TITLES: Record<Action, string> = {
  start: "Start",
  stop: "Stop",
  reboot: "Reboot",
  release: "Release",
};

function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"
      />
    </svg>
  );
}

export function InstancesPage() {
  const { region } = useConsole();
  const { notify } = useNotices();
  const context = useMemo(() => ({ additionalTypenames: ["Instance", "CreateCustomImagePayload"] }), []);
  const [list, refetch] = useQuery({
    query: InstanceListDocument,
    variables: { regionId: region },
    context,
  });
  const [creating, setCreating] = useState(false);
  const [imaging, setImaging] = useState<ConsoleInstance | null>(null);
  const [releasing, setReleasing] = useState<ConsoleInstance | null>(null);
  const [, start] = useMutation(StartInstanceDocument);
  const [, stop] = useMutation(StopInstanceDocument);
  const [, reboot] = useMutation(RebootInstanceDocument);
  const [, release] = useMutation(ReleaseInstanceDocument);
  const instances = list.data?.instances.edges.map((e) => e.node) ?? null;
  const refresh = () => refetch({ requestPolicy: "network-only" });

  const run = async (action: Action, instance: ConsoleInstance) => {
    const input = { input: { instanceId: instance.id } };
    const verbs = { start: "started", stop: "stopped", reboot: "rebooted", release: "released" };
    const result =
      action === "start"
        ? (await start(input)).data?.startInstance
        : action === "stop"
          ? (await stop(input)).data?.stopInstance
          : action === "reboot"
            ? (await reboot(input)).data?.rebootInstance
            : (await release(input)).data?.releaseInstance;
    if (!result) return;
    if (result.userErrors.length) {
      notify({
        tone: "error",
        text: `${ACTION_TITLES[action]} ${instance.name} refused: ${messagesOf(result.userErrors)}`,
      });
    } else {
      notify({ tone: "success", text: `${instance.name} ${verbs[action]}.` });
      if (action === "release") refresh();
    }
  };

  return (
    <Page
      id="instances"
      title="Instances"
      aside={
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          Create Instance
        </button>
      }
    >
      <Table
        caption="Instances"
        columns={COLUMNS}
        list={list}
        rows={instances}
        empty="No instances in this region yet. Create one to get started."
      >
        {(instance) => {
          const locked = instance.imageInProgress;
          const lockHint = locked
            ? `Locked: image ${locked.name} is being created from this instance.`
            : undefined;
          return (
            <tr key={instance.id} data-instance-id={instance.id}>
              <td className="strong">{instance.name}</td>
              <td className="mono">{instance.id}</td>
              <td>
                <Status value={instance.status} />
                {locked ? (
                  <span className="lock-note">
                    <LockIcon /> Locked: creating image {locked.name} ({locked.progress}
                    %)
                  </span>
                ) : null}
                {locked ? <LockWatcher imageId={locked.id} onEnded={refresh} /> : null}
              </td>
              <td>
                {title(instance.osType)}
                <span className="muted block">{instance.platform}</span>
              </td>
              <td>
                <DiskList disks={instance.disks} label={`Disks of ${instance.name}`} />
              </td>
              <td className="nowrap">{dateTime(instance.createdAt)}</td>
              <td>
                <MenuButton
                  label="More"
                  menuLabel={`Actions for ${instance.name}`}
                  items={[
                    { label: "Start", hint: lockHint, onSelect: () => run("start", instance) },
                    { label: "Stop", hint: lockHint, onSelect: () => run("stop", instance) },
                    { label: "Reboot", hint: lockHint, onSelect: () => run("reboot", instance) },
                    { label: "Release", hint: lockHint, onSelect: () => setReleasing(instance) },
                    {
                      label: "Disk and Image",
                      items: [{ label: "Create Custom Image", onSelect: () => setImaging(instance) }],
                    },
                  ]}
                />
              </td>
            </tr>
          );
        }}
      </Table>
      {creating ? (
        <CreateInstanceDialog
          onClose={() => setCreating(false)}
          onCreated={(name) => notify({ tone: "success", text: `Instance ${name} created.` })}
        />
      ) : null}
      {imaging ? <CreateCustomImageDialog instance={imaging} onClose={() => setImaging(null)} /> : null}
      {releasing ? (
        <Dialog
          title="Release Instance"
          onClose={() => setReleasing(null)}
          onSubmit={() => {
            setReleasing(null);
            run("release", releasing);
          }}
          submitLabel="Release"
          danger
        >
          <p>
            Release <strong>{releasing.name}</strong> ({releasing.id}) and its {releasing.disks.length} disks?
            Their snapshots stay, and can still become an image.
          </p>
        </Dialog>
      ) : null}
    </Page>
  );
}
