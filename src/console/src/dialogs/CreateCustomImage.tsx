import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { runLinuxPrechecks } from "../../../domain/prechecks.ts";
import { Dialog } from "../components/Dialog.tsx";
import { errorsFor, FormErrors, type UserError, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription } from "../components/NameAndDescription.tsx";
import { type ConsoleInstance, CreateCustomImageDocument, InstanceGuestDocument } from "../documents.ts";
import { useConsole } from "../regions.tsx";
import { href, navigate } from "../router.ts";
import { type CheckView, PrecheckList } from "./PrecheckList.tsx";

const FIELDS = ["name", "description", "ignoreCheckFailures"];

/** Snapshots every disk of the instance into a custom image (the seed's procedure). */
export function CreateCustomImageDialog({
  instance,
  onClose,
}: {
  instance: ConsoleInstance;
  onClose(): void;
}) {
  const { region } = useConsole();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [ignoreFailures, setIgnoreFailures] = useState(false);
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [created, setCreated] = useState<{ id: string; name: string; warnings: CheckView[] } | null>(null);
  const [submitted, setSubmitted] = useState<CheckView[] | null>(null);
  const [{ fetching }, create] = useMutation(CreateCustomImageDocument);

  const [{ data: guestData }] = useQuery({
    query: InstanceGuestDocument,
    variables: { id: instance.id },
    requestPolicy: "network-only",
  });
  const guest = guestData?.instance?.guest;
  // The same pre-checks the gateway runs, on the guest state it last reported.
  const before: CheckView[] = instance.osType === "LINUX" && guest ? runLinuxPrechecks(guest) : [];
  const checks = submitted ?? before;
  const failing = checks.some((c) => c.result === "FAIL");

  const submit = async () => {
    const result = await create({
      input: {
        instanceId: instance.id,
        name: name.trim(),
        description: description.trim() || undefined,
        ignoreCheckFailures: ignoreFailures,
      },
    });
    const payload = result.data?.createCustomImage;
    if (!payload) return;
    setErrors(payload.userErrors);
    setSubmitted(payload.warnings.length ? payload.warnings : null);
    if (payload.image)
      setCreated({ id: payload.image.id, name: payload.image.name, warnings: payload.warnings });
  };

  if (created) {
    return (
      <Dialog
        title="Create Custom Image"
        onClose={onClose}
        onSubmit={() => {
          onClose();
          navigate(href("images", region));
        }}
        actions={
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" className="button button-primary">
              View in Images
            </button>
          </>
        }
      >
        <p role="status" className="notice notice-success">
          Image <strong>{created.name}</strong> ({created.id}) is being created: a snapshot of each of the{" "}
          {instance.disks.length} disks is under way. {instance.name} is locked until it is done.
        </p>
        <PrecheckList checks={created.warnings} heading="Pre-check results" />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Create Custom Image"
      onClose={onClose}
      onSubmit={submit}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={fetching}>
            Create
          </button>
        </>
      }
    >
      <p className="muted">
        From instance <strong>{instance.name}</strong> ({instance.id}): a snapshot of{" "}
        {instance.disks.map((d) => `${d.device} (${d.sizeGiB} GiB)`).join(", ")}.
      </p>
      <FormErrors errors={unplacedErrors(errors, FIELDS)} />
      <NameAndDescription
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors}
        hints
      />
      <PrecheckList checks={checks} heading="Pre-check results" />
      {failing ? (
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={ignoreFailures}
              onChange={(e) => setIgnoreFailures(e.target.checked)}
            />
            Ignore check failures
          </label>
          {errorsFor(errors, "ignoreCheckFailures").map((e) => (
            <p key={e.message} className="field-error" role="alert">
              {e.message}
            </p>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}
