import { useState } from "react";
import { Dialog } from "../components/Dialog.tsx";
import { FormErrors } from "../components/Field.tsx";
import { type ConsoleImage, DeleteImageDocument } from "../documents/images.ts";
import { useFormMutation } from "./useFormMutation.ts";

interface DeleteImageProps {
  image: ConsoleImage;
  onClose(): void;
  onDeleted(): void;
}

/** Deletes the image; when the API says instances use it, offers to force it. */
export function DeleteImageDialog({ image, onClose, onDeleted }: DeleteImageProps) {
  const [force, setForce] = useState(false);
  const {
    errors,
    fetching,
    submit: remove,
  } = useFormMutation(DeleteImageDocument, (data) => data.deleteImage);
  const inUse = errors.some((e) => e.code === "IMAGE_IN_USE");

  const submit = async () => {
    const payload = await remove({ input: { imageId: image.id, force } });
    if (payload?.deletedImageId) {
      onDeleted();
      onClose();
    }
  };

  return (
    <Dialog
      title="Delete Image"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Delete"
      submitDisabled={fetching || (inUse && !force)}
      danger
    >
      <p>
        Delete <strong>{image.name}</strong> ({image.id}) and its snapshots? This cannot be undone.
      </p>
      <FormErrors errors={errors} />
      {inUse ? (
        <div className="field checkbox">
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Force: delete it although instances were created from it
          </label>
        </div>
      ) : null}
    </Dialog>
  );
}
