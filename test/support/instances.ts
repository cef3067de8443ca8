import { expect } from "vitest";
import type { CreateInstanceInput } from "../generated/graphql.ts";
import { DEMO_KEY } from "./app.ts";
import { gqlData } from "./client.ts";
import { CreateInstanceDocument } from "./documents/instances.ts";

export const UBUNTU = "ubuntu_22_04_x64_20G_alibase";

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
