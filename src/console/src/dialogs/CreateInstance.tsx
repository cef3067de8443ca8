import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { Dialog } from "../components/Dialog.tsx";
import { errorsFor, Field, FormErrors, unplacedErrors } from "../components/Field.tsx";
import { ImageChoicesDocument } from "../documents/images.ts";
import { CreateInstanceDocument } from "../documents/instances.ts";
import { fieldKey } from "../format.ts";
import { regionName, useConsole } from "../regions.tsx";
import { useFormMutation } from "./useFormMutation.ts";

interface CreateInstanceProps {
  onClose(): void;
  onCreated(name: string): void;
  /** Preselected, e.g. when launched from an image's row. */
  imageId?: string;
}

const DEVICES = Array.from({ length: 25 }, (_, i) => `/dev/vd${String.fromCharCode(98 + i)}`);

export function CreateInstanceDialog({ onClose, onCreated, imageId: initialImageId }: CreateInstanceProps) {
  const { region, regions } = useConsole();
  const [{ data }] = useQuery({ query: ImageChoicesDocument, variables: { regionId: region } });
  const images = data?.images.edges.map((e) => e.node) ?? [];
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState(initialImageId ?? "");
  const [dataDisks, setDataDisks] = useState<string[]>([]);
  const {
    errors,
    fetching,
    submit: create,
  } = useFormMutation(CreateInstanceDocument, (data) => data.createInstance);

  const imageId = chosen || images[0]?.id || "";
  const image = images.find((i) => i.id === imageId);
  const fromImage = image?.diskMappings.filter((m) => m.type === "DATA") ?? [];
  // Extra disks take the next devices the image's own data disks leave free.
  const freeDevices = useMemo(
    () => DEVICES.filter((d) => !fromImage.some((m) => m.device === d)),
    [fromImage],
  );
  const fields = [
    "name",
    "imageId",
    "regionId",
    "dataDisks",
    ...dataDisks.map((_, i) => `dataDisks.${i}.sizeGiB`),
  ];

  const submit = async () => {
    const payload = await create({
      input: {
        regionId: region,
        name: name.trim(),
        imageId,
        dataDisks: dataDisks.map((size) => ({ sizeGiB: Number(size) })),
      },
    });
    if (payload?.instance) {
      onCreated(payload.instance.name);
      onClose();
    }
  };

  return (
    <Dialog
      title="Create Instance"
      onClose={onClose}
      onSubmit={submit}
      wide
      submitLabel="Create"
      submitDisabled={fetching || !imageId}
    >
      <p className="muted">
        In {regionName(regions, region)} ({region}).
      </p>
      <FormErrors errors={unplacedErrors(errors, fields)} />
      <Field label="Name" errors={errorsFor(errors, "name")}>
        {(props) => <input {...props} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Image" errors={errorsFor(errors, "imageId")}>
        {(props) => (
          <select {...props} value={imageId} onChange={(e) => setChosen(e.target.value)}>
            {images.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
                {i.ownerAlias === "SELF" ? " (custom)" : ""}
                {i.status === "DEPRECATED" ? " (deprecated)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="disks">
        <legend>Disks</legend>
        <p className="disk-row">
          <span className="mono">/dev/vda</span> System disk, {image?.sizeGiB ?? "–"} GiB
        </p>
        {fromImage.map((m) => (
          <p key={m.device} className="disk-row">
            <span className="mono">{m.device}</span> Data disk from the image, {m.sizeGiB} GiB
          </p>
        ))}
        {dataDisks.map((size, index) => {
          const label = `Data disk ${index + 1} size (GiB)`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: disks are only added and removed at the end
            <div className="disk-row" key={index}>
              <span className="mono">{freeDevices[index]}</span>
              <Field label={label} errors={errorsFor(errors, `dataDisks.${index}.sizeGiB`)}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={20}
                    max={32768}
                    value={size}
                    onChange={(e) =>
                      setDataDisks(dataDisks.map((s, i) => (i === index ? e.target.value : s)))
                    }
                  />
                )}
              </Field>
              {index === dataDisks.length - 1 ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove data disk ${index + 1}`}
                  onClick={() => setDataDisks(dataDisks.slice(0, -1))}
                >
                  Remove
                </button>
              ) : null}
            </div>
          );
        })}
        {errors
          .filter((e) => fieldKey(e.field) === "dataDisks")
          .map((e) => (
            <p key={e.message} className="field-error" role="alert">
              {e.message}
            </p>
          ))}
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setDataDisks([...dataDisks, "40"])}
        >
          Add data disk
        </button>
      </fieldset>
    </Dialog>
  );
}
