import { createCustomImageCommand } from "../../domain/image-creation.ts";
import type { ImageCheckResult } from "../../domain/prechecks.ts";
import { builder } from "../builder.ts";
import { commandMutation } from "../mutations.ts";
import { type PayloadFields, payloadType } from "../payloads.ts";
import { ImageCheckRef } from "./type.ts";

const CreateCustomImageInput = builder.inputType("CreateCustomImageInput", {
  description: `Exactly one of instanceId and snapshotId.
From an instance: it must be RUNNING or STOPPED; a snapshot of every disk is
taken and the image is CREATING until all are ACCOMPLISHED, then AVAILABLE.
From a snapshot: a system-disk snapshot that is ACCOMPLISHED, plus optional
data-disk snapshots (for released or expired instances).
name: 2-128 characters, starts with a letter (any script), then letters,
digits, '.', ':', '_', '-'; must not start with http:// or https://; unique
among the account's images in the region. description: up to 256 characters,
must not start with http:// or https://.
clientToken (up to 64 ASCII characters): a retry with the same token and the
same input returns the same image; with other input, IDEMPOTENT_PARAMETER_MISMATCH.`,
  fields: (t) => ({
    instanceId: t.id(),
    snapshotId: t.id(),
    dataDiskSnapshotIds: t.idList(),
    name: t.string({ required: true }),
    description: t.string(),
    clientToken: t.string(),
    ignoreCheckFailures: t.boolean({
      defaultValue: false,
      description: "Create the image even where a Linux pre-check FAILs.",
    }),
  }),
});

const CreateCustomImagePayload = payloadType(
  "CreateCustomImagePayload",
  { image: "Image" },
  (t: PayloadFields<{ warnings: ImageCheckResult[] }>) => ({
    warnings: t.field({
      type: [ImageCheckRef],
      description: "The pre-checks that did not PASS.",
      resolve: (p) => p.warnings ?? [],
    }),
  }),
);

commandMutation("createCustomImage", {
  input: CreateCustomImageInput,
  payload: CreateCustomImagePayload,
  command: createCustomImageCommand,
  toPayload: ({ imageId, warnings }) => ({ imageId, warnings }),
});
