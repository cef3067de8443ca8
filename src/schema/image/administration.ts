import { deleteImageCommand, updateImageCommand } from "../../domain/image-admin.ts";
import { builder } from "../builder.ts";
import { commandMutation } from "../mutations.ts";
import { type PayloadFields, payloadType } from "../payloads.ts";

const UpdateImageInput = builder.inputType("UpdateImageInput", {
  fields: (t) => ({
    imageId: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    deprecated: t.boolean({ description: "true: AVAILABLE -> DEPRECATED; false: DEPRECATED -> AVAILABLE." }),
  }),
});

const DeleteImageInput = builder.inputType("DeleteImageInput", {
  fields: (t) => ({
    imageId: t.id({ required: true }),
    force: t.boolean({ defaultValue: false, description: "Delete even if instances were created from it." }),
  }),
});

commandMutation("updateImage", {
  input: UpdateImageInput,
  payload: payloadType("ImagePayload", { image: "Image" }),
  command: updateImageCommand,
  toPayload: (image) => ({ imageId: image.id }),
});

commandMutation("deleteImage", {
  input: DeleteImageInput,
  payload: payloadType("DeleteImagePayload", {}, (t: PayloadFields<{ deletedImageId: string }>) => ({
    deletedImageId: t.exposeID("deletedImageId", { nullable: true }),
  })),
  command: deleteImageCommand,
  toPayload: (imageId) => ({ deletedImageId: imageId }),
});
