import { graphql } from "../generated/index.ts";

/**
 * Documents of the custom-image rules and snapshot suites (custom-image-rules, snapshots).
 * Every operation and fragment name starts with R so it cannot clash with the other support files.
 */

export const RInstanceFieldsFragment = graphql(`
  fragment RInstanceFields on Instance {
    id
    name
    status
    osType
    region {
      id
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
    }
    expiresAt
    releasedAt
  }
`);

export const RCreateInstanceDocument = graphql(`
  mutation RCreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        ...RInstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RInstanceLockDocument = graphql(`
  query RInstanceLock($id: ID!) {
    instance(id: $id) {
      ...RInstanceFields
    }
  }
`);

export const RUpdateGuestDocument = graphql(`
  mutation RUpdateGuest($input: UpdateInstanceGuestStateInput!) {
    updateInstanceGuestState(input: $input) {
      instance {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RStopInstanceDocument = graphql(`
  mutation RStopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      instance {
        ...RInstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RReleaseInstanceDocument = graphql(`
  mutation RReleaseInstance($input: InstanceActionInput!) {
    releaseInstance(input: $input) {
      instance {
        ...RInstanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A light createCustomImage, for the requests fired many at once. */
export const RCreateImageLiteDocument = graphql(`
  mutation RCreateImageLite($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        id
        name
        status
      }
      warnings {
        item
        result
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RSnapshotFieldsFragment = graphql(`
  fragment RSnapshotFields on Snapshot {
    id
    name
    status
    progress
    remainingSeconds
    device
    sourceDiskId
    sourceDiskType
    sourceDiskSizeGiB
    sourceDisk {
      id
      status
    }
    image {
      id
      status
    }
    failureReason
    createdAt
    completedAt
  }
`);

export const RSnapshotDocument = graphql(`
  query RSnapshot($id: ID!) {
    snapshot(id: $id) {
      ...RSnapshotFields
    }
  }
`);

export const RSnapshotsDocument = graphql(`
  query RSnapshots($first: Int, $filter: SnapshotFilter) {
    snapshots(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          ...RSnapshotFields
        }
      }
    }
  }
`);

export const RCreateSnapshotDocument = graphql(`
  mutation RCreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      snapshot {
        ...RSnapshotFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RSnapshotProgressDocument = graphql(`
  subscription RSnapshotProgress($snapshotId: ID!) {
    snapshotProgress(snapshotId: $snapshotId) {
      sequence
      done
      snapshot {
        id
        status
        progress
        remainingSeconds
        failureReason
      }
    }
  }
`);
