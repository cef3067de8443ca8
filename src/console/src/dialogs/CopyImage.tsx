import { useState } from "react";
import { Dialog } from "../components/Dialog.tsx";
import { errorsFor, Field, FormErrors, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription, useNameAndDescription } from "../components/NameAndDescription.tsx";
import { type ConsoleImage, CopyImageDocument } from "../documents/images.ts";
import { RegionOptions, useConsole } from "../regions.tsx";
import { useFormMutation } from "./useFormMutation.ts";

const FIELDS = ["destinationRegionId", "name", "description"];

interface CopyImageProps {
  image: ConsoleImage;
  onClose(): void;
  onCopied(copy: { id: string; name: string }, destinationRegionId: string): void;
}

export function CopyImageDialog({ image, onClose, onCopied }: CopyImageProps) {
  const { regions, region } = useConsole();
  const destinations = regions.filter((r) => r.id !== region);
  const [destination, setDestination] = useState(destinations[0]?.id ?? "");
  const text = useNameAndDescription(image);
  const { errors, fetching, submit: copy } = useFormMutation(CopyImageDocument, (data) => data.copyImage);

  const submit = async () => {
    const payload = await copy({
      input: {
        imageId: image.id,
        destinationRegionId: destination,
        name: text.name.trim() || undefined,
        description: text.description.trim() || undefined,
      },
    });
    if (payload?.image) {
      onCopied(payload.image, destination);
      onClose();
    }
  };

  return (
    <Dialog
      title="Copy Image"
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Copy"
      submitDisabled={fetching}
    >
      <p className="muted">
        Copies <strong>{image.name}</strong> ({image.id}) and its {image.diskMappings.length} snapshots to
        another region.
      </p>
      <FormErrors errors={unplacedErrors(errors, FIELDS)} />
      <Field label="Destination region" errors={errorsFor(errors, "destinationRegionId")}>
        {(props) => (
          <select {...props} value={destination} onChange={(e) => setDestination(e.target.value)}>
            <RegionOptions regions={destinations} />
          </select>
        )}
      </Field>
      <NameAndDescription {...text} errors={errors} />
    </Dialog>
  );
}
