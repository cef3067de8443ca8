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
      id
      type
      device
      sizeGiB
      status
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

export const StartInstanceDocument = graphql(`
  mutation StartInstance($input: InstanceActionInput!) {
    startInstance(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const StopInstanceDocument = graphql(`
  mutation StopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RebootInstanceDocument = graphql(`
  mutation RebootInstance($input: InstanceActionInput!) {
    rebootInstance(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReleaseInstanceDocument = graphql(`
  mutation ReleaseInstance($input: InstanceActionInput!) {
    releaseInstance(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateGuestDocument = graphql(`
  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {
    updateInstanceGuestState(input: $input) {
      instance {
        ...InstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
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
          id
          name
          status
          region {
            id
            name
          }
          disks {
            id
            type
            device
            sizeGiB
            status
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
          id
          name
          status
          region {
            id
            name
          }
          disks {
            id
            type
            device
            sizeGiB
            status
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
