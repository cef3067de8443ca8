import { useState } from "react";
import { useQuery } from "urql";
import { runLinuxPrechecks } from "../../../domain/prechecks.ts";
import { Dialog } from "../components/Dialog.tsx";
import { errorsFor, FormErrors, unplacedErrors } from "../components/Field.tsx";
import { NameAndDescription, useNameAndDescription } from "../components/NameAndDescription.tsx";
import { CreateCustomImageDocument } from "../documents/images.ts";
import { type ConsoleInstance, InstanceGuestDocument } from "../documents/instances.ts";
import { useConsole } from "../regions.tsx";
import { href, navigate } from "../router.ts";
import { type CheckView, PrecheckList } from "./PrecheckList.tsx";
import { useFormMutation } from "./useFormMutation.ts";

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
  const text = useNameAndDescription({ name: "" });
  const [ignoreFailures, setIgnoreFailures] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string; warnings: CheckView[] } | null>(null);
  const [submitted, setSubmitted] = useState<CheckView[] | null>(null);
  const {
    errors,
    fetching,
    submit: create,
  } = useFormMutation(CreateCustomImageDocument, (data) => data.createCustomImage);

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
    const payload = await create({
      input: {
        instanceId: instance.id,
        name: text.name.trim(),
        description: text.description.trim() || undefined,
        ignoreCheckFailures: ignoreFailures,
      },
    });
    if (!payload) return;
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
        submitLabel="View in Images"
        cancelLabel="Close"
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
      submitLabel="Create"
      submitDisabled={fetching}
    >
      <p className="muted">
        From instance <strong>{instance.name}</strong> ({instance.id}): a snapshot of{" "}
        {instance.disks.map((d) => `${d.device} (${d.sizeGiB} GiB)`).join(", ")}.
      </p>
      <FormErrors errors={unplacedErrors(errors, FIELDS)} />
      <NameAndDescription {...text} errors={errors} hints />
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
