import { cancelCopyImageCommand, copyImageCommand } from "../../domain/copies.ts";
import { builder } from "../builder.ts";
import { commandMutation } from "../mutations.ts";
import { payloadType } from "../payloads.ts";

const CopyImageInput = builder.inputType("CopyImageInput", {
  description: `Copies an AVAILABLE custom image to another region of the same account. The
copy is a new image in the destination region, WAITING or CREATING until
its snapshots are copied, then AVAILABLE. name and description default to
the source's and follow createCustomImage's rules.`,
  fields: (t) => ({
    imageId: t.id({ required: true }),
    destinationRegionId: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    clientToken: t.string(),
  }),
});

const CancelCopyImageInput = builder.inputType("CancelCopyImageInput", {
  fields: (t) => ({ imageId: t.id({ required: true }) }),
});

commandMutation("copyImage", {
  input: CopyImageInput,
  payload: payloadType("CopyImagePayload", { image: "Image" }),
  command: copyImageCommand,
  toPayload: (imageId) => ({ imageId }),
});

commandMutation("cancelCopyImage", {
  description: "Cancels a copy that is WAITING or CREATING: it ends CANCELLED and its snapshots are removed.",
  input: CancelCopyImageInput,
  payload: payloadType("CancelCopyImagePayload", { image: "Image" }),
  command: cancelCopyImageCommand,
  toPayload: (imageId) => ({ imageId }),
});
