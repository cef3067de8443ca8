import { expect } from "vitest";
import type { CreateCustomImageInput, CreateInstanceInput } from "../generated/graphql.ts";
import { DEMO_KEY } from "./app.ts";
import { gqlData } from "./client.ts";
import { CreateCustomImageDocument } from "./documents/images.ts";
import { CreateInstanceDocument } from "./documents/instances.ts";

export const UBUNTU = "ubuntu_22_04_x64_20G_alibase";

/** Resources the tests need on the way, made through the API as a client would. */
let created = 0;

/**
 * Creates an instance and fails the test if it is refused: in cn-hangzhou, from Ubuntu, named
 * vm-N and with no data disks, unless the input says otherwise.
 */
export async function newInstance(
  origin: string,
  input: Partial<CreateInstanceInput> = {},
  key: string = DEMO_KEY,
) {
  created += 1;
  const { createInstance } = await gqlData(
    origin,
    CreateInstanceDocument,
    {
      input: {
        ...input,
        regionId: input.regionId ?? "cn-hangzhou",
        name: input.name ?? `vm-${created}`,
        imageId: input.imageId ?? UBUNTU,
      },
    },
    key,
  );
  expect(createInstance.userErrors).toEqual([]);
  return createInstance.instance!;
}

/**
 * Creates an instance (see newInstance), then a custom image from it, and fails the test if either
 * is refused. The image is CREATING: the test's clock decides when it is done.
 */
export async function newImage(
  origin: string,
  image: Omit<CreateCustomImageInput, "instanceId">,
  instance: Partial<CreateInstanceInput> = {},
  key: string = DEMO_KEY,
) {
  const { id: instanceId } = await newInstance(origin, instance, key);
  const { createCustomImage } = await gqlData(
    origin,
    CreateCustomImageDocument,
    { input: { ...image, instanceId } },
    key,
  );
  expect(createCustomImage.userErrors).toEqual([]);
  return createCustomImage.image!;
}
