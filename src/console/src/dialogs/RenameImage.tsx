import { useState } from "react";
import { useMutation } from "urql";
import { Dialog } from "../components/Dialog.tsx";
import { FormErrors, type UserError, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription } from "../components/NameAndDescription.tsx";
import { type ConsoleImage, UpdateImageDocument } from "../documents.ts";

export function RenameImageDialog({ image, onClose }: { image: ConsoleImage; onClose(): void }) {
  const [name, setName] = useState(image.name);
  const [description, setDescription] = useState(image.description ?? "");
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [{ fetching }, update] = useMutation(UpdateImageDocument);

  const submit = async () => {
    const payload = (
      await update({ input: { imageId: image.id, name: name.trim(), description: description.trim() } })
    ).data?.updateImage;
    if (!payload) return;
    setErrors(payload.userErrors);
    if (payload.image) onClose();
  };

  return (
    <Dialog
      title="Rename Image"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={fetching}>
            Save
          </button>
        </>
      }
    >
      <FormErrors errors={unplacedErrors(errors, ["name", "description"])} />
      <NameAndDescription
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors}
      />
    </Dialog>
  );
}
