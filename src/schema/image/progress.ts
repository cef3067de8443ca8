import { isImageInFlight } from "../../domain/image-status.ts";
import { imageVisibleTo } from "../../domain/lookup.ts";
import type { ImageEvent } from "../../events/progress.ts";
import { builder } from "../builder.ts";
import { SnapshotModel } from "../model-refs.ts";
import { resourceProgress } from "../streams.ts";
import { ImageRef } from "./type.ts";

type ImageStreamEvent = ImageEvent;

const ImageProgressEventRef = builder.objectRef<ImageStreamEvent>("ImageProgressEvent").implement({
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "Strictly increasing within one stream." }),
    image: t.field({
      type: ImageRef,
      description: "The image as of this event: status, progress, remainingSeconds.",
      resolve: (e) => e.image,
    }),
    snapshot: t.field({
      type: SnapshotModel,
      nullable: true,
      description: "The snapshot whose progress changed; null on the first event and on image-level events.",
      resolve: (e) => e.snapshot,
    }),
    done: t.exposeBoolean("done", { description: "true on the last event of the stream." }),
  }),
});

builder.subscriptionField("imageProgress", (t) =>
  t.field({
    type: ImageProgressEventRef,
    description: `Progress of an image being created or copied. The first event is the
current state (so a late or reconnecting client misses nothing); then an
event for each snapshot progress change; then a last event (done: true)
when the image is AVAILABLE, CREATE_FAILED or CANCELLED, and the stream
completes. For an image already in one of those states: one event, done.
Served over graphql-ws (WebSocket) and over server-sent events.`,
    args: { imageId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) =>
      resourceProgress(ctx, "image", args.imageId, {
        read: () =>
          ctx.prisma.image.findFirst({
            where: imageVisibleTo(ctx.account.id, args.imageId),
            include: { snapshots: { orderBy: { device: "asc" } } },
          }),
        inProgress: (image) => isImageInFlight(image.status),
        first: (image, { done, sequence }) => ({ image, snapshot: null, done, sequence }),
        notFound: `Image "${args.imageId}" does not exist.`,
      }),
    resolve: (event) => event,
  }),
);
