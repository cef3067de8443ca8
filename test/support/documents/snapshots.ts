import { graphql } from "../../generated/index.ts";

/** The Snapshot type: its fields, its queries, its mutations and its progress, once for every suite. */
export const SnapshotFieldsFragment = graphql(`
  fragment SnapshotFields on Snapshot {
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
    region {
      id
    }
    failureReason
    createdAt
    completedAt
  }
`);

export const SnapshotDocument = graphql(`
  query Snapshot($id: ID!) {
    snapshot(id: $id) {
      ...SnapshotFields
    }
  }
`);

export const SnapshotsDocument = graphql(`
  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {
    snapshots(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...SnapshotFields
        }
      }
    }
  }
`);

export const CreateSnapshotDocument = graphql(`
  mutation CreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      snapshot {
        ...SnapshotFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteSnapshotDocument = graphql(`
  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {
    deleteSnapshot(input: $input) {
      deletedSnapshotId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SnapshotProgressDocument = graphql(`
  subscription SnapshotProgress($snapshotId: ID!) {
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
