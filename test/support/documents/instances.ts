import { graphql } from "../../generated/index.ts";

/** The Instance type: its fields, its queries and its mutations, once for every suite. */
export const InstanceFieldsFragment = graphql(`
  fragment InstanceFields on Instance {
    id
    name
    status
    osType
    platform
    architecture
    region {
      id
    }
    image {
      id
      status
    }
    imageInProgress {
      id
      status
    }
    disks {
      ...DiskSummaryFields
      region {
        id
      }
      instance {
        id
      }
      sourceSnapshot {
        id
      }
    }
    guest {
      fstabDataDiskEntries
      mountedFileSystems
      kernelUpgraded
      systemDiskPartitions
      systemDiskFreeMiB
      modifiedSystemPaths
      rootUsername
    }
    expiresAt
    createdAt
    releasedAt
  }
`);

export const CreateInstanceDocument = graphql(`
  mutation CreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** What every action on one instance answers (start, stop, reboot, release, guest state). */
export const InstancePayloadFieldsFragment = graphql(`
  fragment InstancePayloadFields on InstancePayload {
    instance {
      ...InstanceFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const StartInstanceDocument = graphql(`
  mutation StartInstance($input: InstanceActionInput!) {
    startInstance(input: $input) {
      ...InstancePayloadFields
    }
  }
`);

export const StopInstanceDocument = graphql(`
  mutation StopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      ...InstancePayloadFields
    }
  }
`);

export const RebootInstanceDocument = graphql(`
  mutation RebootInstance($input: InstanceActionInput!) {
    rebootInstance(input: $input) {
      ...InstancePayloadFields
    }
  }
`);

export const ReleaseInstanceDocument = graphql(`
  mutation ReleaseInstance($input: InstanceActionInput!) {
    releaseInstance(input: $input) {
      ...InstancePayloadFields
    }
  }
`);

export const UpdateGuestDocument = graphql(`
  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {
    updateInstanceGuestState(input: $input) {
      ...InstancePayloadFields
    }
  }
`);

export const InstanceDocument = graphql(`
  query Instance($id: ID!) {
    instance(id: $id) {
      ...InstanceFields
    }
  }
`);

/** An instance as a row of the console's list, before its disks. */
export const ConsoleInstanceRowFieldsFragment = graphql(`
  fragment ConsoleInstanceRowFields on Instance {
    id
    name
    status
    region {
      id
      name
    }
  }
`);

/** The console's instance list: every instance with its disks and region. Kept to this selection: test/n-plus-one.test.ts counts its statements. */
export const ConsoleInstancesDocument = graphql(`
  query ConsoleInstances($first: Int, $after: String, $filter: InstanceFilter) {
    instances(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ConsoleInstanceRowFields
          disks {
            ...DiskSummaryFields
          }
        }
      }
    }
  }
`);

export const InstancesDocument = graphql(`
  query Instances($first: Int, $after: String, $filter: InstanceFilter) {
    instances(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name
          status
          createdAt
          expiresAt
          region {
            id
          }
        }
      }
    }
  }
`);

/**
 * The console's instance list with each disk's latest snapshots. Kept to this selection:
 * limits.test.ts measures its cost against the limit.
 */
export const ConsoleInstancesWithSnapshotsDocument = graphql(`
  query ConsoleInstancesWithSnapshots($first: Int) {
    instances(first: $first) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ConsoleInstanceRowFields
          disks {
            ...DiskSummaryFields
            snapshots(first: 5) {
              totalCount
              edges {
                node {
                  id
                  name
                  status
                  progress
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** The instances created from one image, a page at a time. */
export const ImageInstancesDocument = graphql(`
  query ImageInstances($id: ID!, $first: Int, $after: String) {
    image(id: $id) {
      id
      instances(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
          }
        }
      }
    }
  }
`);

/** A page of instances and nothing else: no totalCount, no fields of the nodes. */
export const InstancePageDocument = graphql(`
  query InstancePage($first: Int, $after: String) {
    instances(first: $first, after: $after) {
      edges {
        cursor
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);
