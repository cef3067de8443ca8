import { graphql } from "../generated/index.ts";
import type { TestApp } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { statementsOf as statementsOfRequest } from "../support/statements.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

/** An instance with its disks and each disk's relations: every level is a relation of the row before. */
const PayloadCreateInstanceDocument = graphql(`
  mutation PayloadCreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        id
        image {
          id
        }
        imageInProgress {
          id
        }
        disks {
          id
          device
          instance {
            id
          }
          sourceSnapshot {
            id
          }
        }
      }
      userErrors {
        code
      }
    }
  }
`);

const PayloadCreateInstanceFlatDocument = graphql(`
  mutation PayloadCreateInstanceFlat($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        id
      }
      userErrors {
        code
      }
    }
  }
`);

const PayloadCreateCustomImageDocument = graphql(`
  mutation PayloadCreateCustomImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        id
        status
        diskMappings {
          device
          snapshot {
            id
          }
        }
        sourceInstance {
          id
          imageInProgress {
            id
          }
          disks {
            id
            instance {
              id
            }
          }
        }
        sourceSnapshot {
          id
        }
        sourceImage {
          id
        }
      }
      warnings {
        item
      }
      userErrors {
        code
      }
    }
  }
`);

const PayloadCreateCustomImageFlatDocument = graphql(`
  mutation PayloadCreateCustomImageFlat($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        id
        status
      }
      userErrors {
        code
      }
    }
  }
`);

const PayloadStopInstanceDocument = graphql(`
  mutation PayloadStopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      instance {
        id
        status
        disks {
          id
          instance {
            id
          }
        }
      }
      userErrors {
        code
      }
    }
  }
`);

const PayloadStopInstanceFlatDocument = graphql(`
  mutation PayloadStopInstanceFlat($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      instance {
        id
        status
      }
      userErrors {
        code
      }
    }
  }
`);

const clock = new ManualClock();
let app: TestApp;
let instances = 0;

// The engine never ticks on its own here, so no step's statements fall into a measured request.
useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(({ server }) => {
  app = server;
});

const statementsOf = (run: () => Promise<unknown>) => statementsOfRequest(app.statements, run);

const listing = (statements: string[]) =>
  `${statements.length} statements:\n${statements.map((s, i) => `${i + 1}. ${s}`).join("\n")}`;

function instanceInput(dataDisks: number) {
  instances += 1;
  clock.advance(1000);
  return {
    regionId: "cn-hangzhou",
    name: `payload-${instances}`,
    imageId: "ubuntu_22_04_x64_20G_alibase",
    dataDisks: Array.from({ length: dataDisks }, () => ({ sizeGiB: 20 })),
  };
}

async function newInstanceId(dataDisks: number): Promise<string> {
  const { createInstance } = await gqlData(app.origin, PayloadCreateInstanceFlatDocument, {
    input: instanceInput(dataDisks),
  });
  expect(createInstance.userErrors).toEqual([]);
  return createInstance.instance!.id;
}

/**
 * One mutation run twice, on rows alike: once selecting the payload's row with its relations, once
 * the row's own columns only. The difference is what the relations cost.
 */
interface Measured {
  nested: string[];
  flat: string[];
}

/**
 * Measures with 1 disk and with 9, and expects the relations to cost one statement each (Prisma
 * reads each relation with a statement of its own): none per disk, and no second read of the
 * payload's row for them (a fallback query per row, as when the row was re-fetched without them).
 */
async function expectRelationsCost(relations: number, measure: (dataDisks: number) => Promise<Measured>) {
  const one = await measure(0);
  const nine = await measure(8);
  const report = [
    `1 disk, nested: ${listing(one.nested)}`,
    `1 disk, flat: ${listing(one.flat)}`,
    `9 disks, nested: ${listing(nine.nested)}`,
    `9 disks, flat: ${listing(nine.flat)}`,
  ].join("\n");
  expect(nine.nested.length - nine.flat.length, report).toBe(one.nested.length - one.flat.length);
  expect(nine.nested.length - nine.flat.length, report).toBe(relations);
}

describe("mutation payloads load their rows with the selection asked for", () => {
  it("createInstance: the instance's relations and its disks' relations cost one statement each", async () => {
    // image, imageInProgress, disks, and the disks' instance and sourceSnapshot.
    await expectRelationsCost(5, async (dataDisks) => {
      const nested = await statementsOf(async () => {
        const { createInstance } = await gqlData(app.origin, PayloadCreateInstanceDocument, {
          input: instanceInput(dataDisks),
        });
        expect(createInstance.userErrors).toEqual([]);
        const instance = createInstance.instance!;
        expect(instance.image?.id).toBe("ubuntu_22_04_x64_20G_alibase");
        expect(instance.imageInProgress).toBeNull();
        expect(instance.disks.map((disk) => disk.device)).toHaveLength(dataDisks + 1);
        expect(instance.disks[0]?.device).toBe("/dev/vda");
        for (const disk of instance.disks) {
          expect(disk.instance?.id).toBe(instance.id);
          expect(disk.sourceSnapshot).toBeNull();
        }
      });
      const flat = await statementsOf(() => newInstanceId(dataDisks));
      return { nested, flat };
    });
  });

  it("createCustomImage: the image's mappings and source instance cost one statement per relation", async () => {
    // diskMappings, their snapshots (one batch), sourceInstance, its imageInProgress, its disks,
    // their instance, sourceSnapshot and sourceImage.
    await expectRelationsCost(8, async (dataDisks) => {
      const nestedFrom = await newInstanceId(dataDisks);
      const flatFrom = await newInstanceId(dataDisks);
      const nested = await statementsOf(async () => {
        const { createCustomImage } = await gqlData(app.origin, PayloadCreateCustomImageDocument, {
          input: { instanceId: nestedFrom, name: `nested-${dataDisks}`, ignoreCheckFailures: true },
        });
        expect(createCustomImage.userErrors).toEqual([]);
        expect(createCustomImage.warnings.length).toBeGreaterThan(0);
        const image = createCustomImage.image!;
        expect(image.status).toBe("CREATING");
        expect(image.diskMappings).toHaveLength(dataDisks + 1);
        for (const mapping of image.diskMappings) expect(mapping.snapshot?.id).toBeTruthy();
        expect(image.sourceInstance?.id).toBe(nestedFrom);
        expect(image.sourceInstance?.imageInProgress?.id).toBe(image.id);
        expect(image.sourceInstance?.disks).toHaveLength(dataDisks + 1);
        for (const disk of image.sourceInstance?.disks ?? []) expect(disk.instance?.id).toBe(nestedFrom);
        expect(image.sourceSnapshot).toBeNull();
        expect(image.sourceImage).toBeNull();
      });
      const flat = await statementsOf(async () => {
        const { createCustomImage } = await gqlData(app.origin, PayloadCreateCustomImageFlatDocument, {
          input: { instanceId: flatFrom, name: `flat-${dataDisks}`, ignoreCheckFailures: true },
        });
        expect(createCustomImage.userErrors).toEqual([]);
        expect(createCustomImage.image?.status).toBe("CREATING");
      });
      return { nested, flat };
    });
  });

  it("stopInstance: the instance the domain returns is read once more, with its disks planned in", async () => {
    // disks and their instance.
    await expectRelationsCost(2, async (dataDisks) => {
      const nestedId = await newInstanceId(dataDisks);
      const flatId = await newInstanceId(dataDisks);
      const nested = await statementsOf(async () => {
        const { stopInstance } = await gqlData(app.origin, PayloadStopInstanceDocument, {
          input: { instanceId: nestedId },
        });
        expect(stopInstance.userErrors).toEqual([]);
        expect(stopInstance.instance?.status).toBe("STOPPED");
        expect(stopInstance.instance?.disks).toHaveLength(dataDisks + 1);
        for (const disk of stopInstance.instance?.disks ?? []) expect(disk.instance?.id).toBe(nestedId);
      });
      const flat = await statementsOf(async () => {
        const { stopInstance } = await gqlData(app.origin, PayloadStopInstanceFlatDocument, {
          input: { instanceId: flatId },
        });
        expect(stopInstance.userErrors).toEqual([]);
        expect(stopInstance.instance?.status).toBe("STOPPED");
      });
      return { nested, flat };
    });
  });

  it("returns userErrors and a null row when the domain refuses", async () => {
    const { createCustomImage } = await gqlData(app.origin, PayloadCreateCustomImageDocument, {
      input: { instanceId: "i-missing", name: "no-such-instance" },
    });
    expect(createCustomImage.image).toBeNull();
    expect(createCustomImage.warnings).toEqual([]);
    expect(createCustomImage.userErrors.map((error) => error.code)).toEqual(["NOT_FOUND"]);
  });
});
