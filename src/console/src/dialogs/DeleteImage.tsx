import { useState } from "react";
import { useMutation } from "urql";
import { Dialog } from "../components/Dialog.tsx";
import { FormErrors, type UserError } from "../components/Field.tsx";
import { type ConsoleImage, DeleteImageDocument } from "../documents.ts";

interface DeleteImageProps {
  image: ConsoleImage;
  onClose(): void;
  onDeleted(): void;
}

/** Deletes the image; when the API says instances use it, offers to force it. */
export function DeleteImageDialog({ image, onClose, onDeleted }: DeleteImageProps) {
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [force, setForce] = useState(false);
  const [{ fetching }, remove] = useMutation(DeleteImageDocument);
  const inUse = errors.some((e) => e.code === "IMAGE_IN_USE");

  const submit = async () => {
    const payload = (await remove({ input: { imageId: image.id, force } })).data?.deleteImage;
    if (!payload) return;
    setErrors(payload.userErrors);
    if (payload.deletedImageId) {
      onDeleted();
      onClose();
    }
  };

  return (
    <Dialog
      title="Delete Image"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={fetching || (inUse && !force)}>
            Delete
          </button>
        </>
      }
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
