/** GraphQL over HTTP to the gateway, and the mutations that make the bench's data (their payloads checked). */
import { KEY } from "./options.ts";

export interface Response {
  status: number;
  text: string;
  contentType: string;
}

export async function postRaw(origin: string, query: string, variables?: object): Promise<Response> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    // fetch would ask for gzip by default; the load (autocannon) does not, so neither does this.
    headers: {
      "content-type": "application/json",
      "accept-encoding": "identity",
      authorization: `Bearer ${KEY}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get("content-type") ?? "",
  };
}

export async function post<T>(origin: string, query: string, variables?: object): Promise<T> {
  const response = await postRaw(origin, query, variables);
  const body = JSON.parse(response.text) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${response.text.slice(0, 500)}`);
  return body.data;
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}

export const CREATE_INSTANCE = `mutation CreateInstance($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id status disks { id device } } userErrors { code message } }
}`;
export const CREATE_IMAGE = `mutation CreateImage($input: CreateCustomImageInput!) {
  createCustomImage(input: $input) { image { id status diskMappings { device snapshot { id status } } } userErrors { code message } }
}`;

export interface InstancePayload {
  createInstance: {
    instance: { id: string; status: string; disks: { id: string }[] } | null;
    userErrors: unknown[];
  };
}
export interface ImagePayload {
  createCustomImage: {
    image: { id: string; status: string; diskMappings: { snapshot: { id: string } | null }[] } | null;
    userErrors: unknown[];
  };
}

export const instanceInput = (regionId: string, name: string) => ({
  input: {
    regionId,
    name,
    imageId: "ubuntu_22_04_x64_20G_alibase",
    dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }],
  },
});

export async function createInstance(origin: string, regionId: string, name: string): Promise<string> {
  const data = await post<InstancePayload>(origin, CREATE_INSTANCE, instanceInput(regionId, name));
  const instance = data.createInstance.instance;
  check(
    instance && data.createInstance.userErrors.length === 0 && instance.disks.length === 3,
    `createInstance ${name}`,
  );
  return instance.id;
}

export async function createImage(origin: string, instanceId: string, name: string): Promise<string> {
  const data = await post<ImagePayload>(origin, CREATE_IMAGE, { input: { instanceId, name } });
  const image = data.createCustomImage.image;
  check(
    image &&
      data.createCustomImage.userErrors.length === 0 &&
      image.status === "CREATING" &&
      image.diskMappings.length === 3 &&
      image.diskMappings.every((m) => m.snapshot),
    `createCustomImage ${name}`,
  );
  return image.id;
}
