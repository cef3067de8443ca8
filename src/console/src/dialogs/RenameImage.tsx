import { Dialog } from "../components/Dialog.tsx";
import { FormErrors, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription, useNameAndDescription } from "../components/NameAndDescription.tsx";
import { type ConsoleImage, UpdateImageDocument } from "../documents/images.ts";
import { useFormMutation } from "./useFormMutation.ts";

export function RenameImageDialog({ image, onClose }: { image: ConsoleImage; onClose(): void }) {
  const text = useNameAndDescription(image);
  const {
    errors,
    fetching,
    submit: update,
  } = useFormMutation(UpdateImageDocument, (data) => data.updateImage);

  const submit = async () => {
    const payload = await update({
      input: { imageId: image.id, name: text.name.trim(), description: text.description.trim() },
    });
    if (payload?.image) onClose();
  };

  return (
    <Dialog
      title="Rename Image"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Save"
      submitDisabled={fetching}
    >
      <FormErrors errors={unplacedErrors(errors, ["name", "description"])} />
      <NameAndDescription {...text} errors={errors} />
    </Dialog>
  );
}
