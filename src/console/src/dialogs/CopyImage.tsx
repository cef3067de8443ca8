import { useState } from "react";
import { useMutation } from "urql";
import { Dialog } from "../components/Dialog.tsx";
import { errorsFor, Field, FormErrors, type UserError, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription } from "../components/NameAndDescription.tsx";
import { type ConsoleImage, CopyImageDocument } from "../documents.ts";
import { useConsole } from "../regions.tsx";

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
  const [name, setName] = useState(image.name);
  const [description, setDescription] = useState(image.description ?? "");
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [{ fetching }, copy] = useMutation(CopyImageDocument);

  const submit = async () => {
    const result = await copy({
      input: {
        imageId: image.id,
        destinationRegionId: destination,
        name: name.trim() || undefined,
        description: description.trim() || undefined,
      },
    });
    const payload = result.data?.copyImage;
    if (!payload) return;
    setErrors(payload.userErrors);
    if (payload.image) {
      onCopied(payload.image, destination);
      onClose();
    }
  };

  return (
    <Dialog
      title="Copy Image"
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={fetching}>
            Copy
          </button>
        </>
      }
    >
      <p className="muted">
        Copies <strong>{image.name}</strong> ({image.id}) and its {image.diskMappings.length} snapshots to
        another region.
      </p>
      <FormErrors errors={unplacedErrors(errors, FIELDS)} />
      <Field label="Destination region" errors={errorsFor(errors, "destinationRegionId")}>
        {(props) => (
          <select {...props} value={destination} onChange={(e) => setDestination(e.target.value)}>
            {destinations.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.id})
              </option>
            ))}
          </select>
        )}
      </Field>
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
