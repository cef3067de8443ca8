import { graphql } from "../generated/index.ts";

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

/** The console's instance list: every instance with its disks and region. */
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
