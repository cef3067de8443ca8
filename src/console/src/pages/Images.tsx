import { useMemo, useState } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { DiskList } from "../components/DiskList.tsx";
import { messagesOf } from "../components/Field.tsx";
import { Page } from "../components/Page.tsx";
import { ProgressBar } from "../components/ProgressBar.tsx";
import { Status } from "../components/Status.tsx";
import { RowAction, Table } from "../components/Table.tsx";
import { CopyImageDialog } from "../dialogs/CopyImage.tsx";
import { CreateInstanceDialog } from "../dialogs/CreateInstance.tsx";
import { DeleteImageDialog } from "../dialogs/DeleteImage.tsx";
import { RenameImageDialog } from "../dialogs/RenameImage.tsx";
import {
  CancelCopyImageDocument,
  type ConsoleImage,
  ImageListDocument,
  ImageProgressDocument,
  UpdateImageDocument,
} from "../documents/images.ts";
import { dateTime, title } from "../format.ts";
import type { ConsoleImageProgressSubscription } from "../gql/graphql.ts";
import { useNotices } from "../notices.tsx";
import { useConsole } from "../regions.tsx";
import { href, navigate } from "../router.ts";

const COLUMNS = ["Name", "ID", "Status", "Disks", "Source", "Created", "Actions"] as const;
const IN_PROGRESS = ["CREATING", "WAITING"];

interface Live {
  status: string;
  progress: number;
  remainingSeconds: number | null;
  /** Per device, from the snapshots' events. */
  disks: Record<string, { progress: number; remainingSeconds: number | null }>;
}

function accumulate(previous: Live | undefined, event: ConsoleImageProgressSubscription): Live {
  const { image, snapshot } = event.imageProgress;
  const disks = { ...previous?.disks };
  if (snapshot)
    disks[snapshot.device] = {
      progress: snapshot.progress,
      remainingSeconds: snapshot.remainingSeconds ?? null,
    };
  return {
    status: image.status,
    progress: image.progress,
    remainingSeconds: image.remainingSeconds ?? null,
    disks,
  };
}

/** The image's bars: one per disk (named after its device) and one for the whole image, live. */
function LiveProgress({
  image,
  onEnded,
  onResync,
}: {
  image: ConsoleImage;
  onEnded(): void;
  /** Reads the disks' state again: an event without a snapshot (the first) says nothing of them. */
  onResync(): void;
}) {
  const [{ data: live }] = useSubscription<ConsoleImageProgressSubscription, Live>(
    { query: ImageProgressDocument, variables: { imageId: image.id } },
    (previous, event) => {
      if (event.imageProgress.done) onEnded();
      // Disks that moved before this stream began sent their events to nobody: the list has them.
      else if (!event.imageProgress.snapshot) onResync();
      return accumulate(previous, event);
    },
  );
  return (
    <div className="bars">
      {image.diskMappings.map((m) => {
        const disk = live?.disks[m.device] ?? m.snapshot;
        return (
          <ProgressBar
            key={m.device}
            label={m.device}
            value={disk?.progress ?? 0}
            remainingSeconds={disk?.remainingSeconds}
            compact
          />
        );
      })}
      <ProgressBar
        label="Whole image"
        value={live?.progress ?? image.progress}
        remainingSeconds={live ? live.remainingSeconds : image.remainingSeconds}
      />
    </div>
  );
}

function ImageStatus({ image, live }: { image: ConsoleImage; live?: string }) {
  return (
    <>
      <Status value={live ?? image.status} />
      {image.failureReason ? <span className="muted block">{image.failureReason}</span> : null}
    </>
  );
}

function Source({ image }: { image: ConsoleImage }) {
  if (image.source === "COPY") {
    return (
      <>
        Copy of {image.sourceImage?.name ?? "a deleted image"}
        <span className="muted block">from {image.sourceRegion?.id}</span>
      </>
    );
  }
  if (image.source === "INSTANCE") {
    return (
      <>
        Instance
        <span className="muted block">{image.sourceInstance?.name ?? "released"}</span>
      </>
    );
  }
  return <>{title(image.source)}</>;
}

type DialogKind = "copy" | "launch" | "rename" | "delete";
type Open = { kind: DialogKind; image: ConsoleImage } | null;

export function ImagesPage() {
  const { region } = useConsole();
  const { notify } = useNotices();
  const context = useMemo(
    () => ({
      additionalTypenames: ["Image", "DeleteImagePayload", "CopyImagePayload", "CancelCopyImagePayload"],
    }),
    [],
  );
  const [list, refetch] = useQuery({
    query: ImageListDocument,
    variables: { regionId: region },
    context,
  });
  const [open, setOpen] = useState<Open>(null);
  const [, update] = useMutation(UpdateImageDocument);
  const [, cancelCopy] = useMutation(CancelCopyImageDocument);
  const images = list.data?.images.edges.map((e) => e.node) ?? null;
  const refresh = () => refetch({ requestPolicy: "network-only" });

  const deprecate = async (image: ConsoleImage, deprecated: boolean) => {
    const payload = (await update({ input: { imageId: image.id, deprecated } })).data?.updateImage;
    if (!payload) return;
    if (payload.userErrors.length) notify({ tone: "error", text: messagesOf(payload.userErrors) });
    else notify({ tone: "success", text: `${image.name} ${deprecated ? "deprecated" : "available again"}.` });
  };
  const cancel = async (image: ConsoleImage) => {
    const payload = (await cancelCopy({ input: { imageId: image.id } })).data?.cancelCopyImage;
    if (!payload) return;
    if (payload.userErrors.length) notify({ tone: "error", text: messagesOf(payload.userErrors) });
    else {
      notify({ tone: "success", text: `Copy ${image.name} cancelled.` });
      refresh();
    }
  };

  return (
    <Page
      id="images"
      title="Images"
      aside={
        <p className="muted">Custom images of this region. Create one from an instance's Actions menu.</p>
      }
    >
      <Table
        caption="Custom images"
        columns={COLUMNS}
        list={list}
        rows={images}
        empty="No custom images in this region. On the Instances page, choose More > Disk and Image > Create Custom Image."
      >
        {(image) => {
          const inProgress = IN_PROGRESS.includes(image.status);
          const isCopy = image.source === "COPY";
          const usable = image.status === "AVAILABLE" || image.status === "DEPRECATED";
          const show = (kind: DialogKind) => () => setOpen({ kind, image });
          return (
            <tr key={image.id} data-image-id={image.id}>
              <td className="strong">
                {image.name}
                {image.description ? <span className="muted block">{image.description}</span> : null}
              </td>
              <td className="mono">{image.id}</td>
              <td>
                <ImageStatus image={image} />
              </td>
              <td className="disks-cell">
                {inProgress ? (
                  <LiveProgress image={image} onEnded={refresh} onResync={refresh} />
                ) : (
                  <DiskList disks={image.diskMappings} />
                )}
              </td>
              <td>
                <Source image={image} />
              </td>
              <td className="nowrap">{dateTime(image.createdAt)}</td>
              <td>
                <div className="row-actions">
                  <RowAction when={image.status === "AVAILABLE"} onClick={show("copy")}>
                    Copy Image
                  </RowAction>
                  <RowAction when={usable} onClick={show("launch")}>
                    Create Instance
                  </RowAction>
                  <RowAction when={!inProgress} onClick={show("rename")}>
                    Rename
                  </RowAction>
                  <RowAction when={image.status === "AVAILABLE"} onClick={() => deprecate(image, true)}>
                    Deprecate
                  </RowAction>
                  <RowAction when={image.status === "DEPRECATED"} onClick={() => deprecate(image, false)}>
                    Undeprecate
                  </RowAction>
                  <RowAction when={inProgress && isCopy} onClick={() => cancel(image)}>
                    Cancel Copy
                  </RowAction>
                  {inProgress && !isCopy ? <span className="muted">—</span> : null}
                  <RowAction when={!inProgress} onClick={show("delete")} danger>
                    Delete
                  </RowAction>
                </div>
              </td>
            </tr>
          );
        }}
      </Table>
      {open?.kind === "copy" ? (
        <CopyImageDialog
          image={open.image}
          onClose={() => setOpen(null)}
          onCopied={(copy, destination) =>
            notify({
              tone: "success",
              text: `Copying ${open.image.name} to ${destination}: the copy is ${copy.name} (${copy.id}).`,
              action: { label: `View in ${destination}`, run: () => navigate(href("images", destination)) },
            })
          }
        />
      ) : null}
      {open?.kind === "launch" ? (
        <CreateInstanceDialog
          imageId={open.image.id}
          onClose={() => setOpen(null)}
          onCreated={(name) =>
            notify({
              tone: "success",
              text: `Instance ${name} created from ${open.image.name}.`,
              action: { label: "View in Instances", run: () => navigate(href("instances", region)) },
            })
          }
        />
      ) : null}
      {open?.kind === "rename" ? (
        <RenameImageDialog image={open.image} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === "delete" ? (
        <DeleteImageDialog
          image={open.image}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            notify({ tone: "success", text: `Image ${open.image.name} deleted.` });
            refresh();
          }}
        />
      ) : null}
    </Page>
  );
}
