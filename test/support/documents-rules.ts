import { graphql } from "../generated/index.ts";

/**
 * Documents of the custom-image rules and snapshot suites (custom-image-rules, snapshots).
 * Every operation and fragment name starts with R so it cannot clash with the other support files.
 */

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
