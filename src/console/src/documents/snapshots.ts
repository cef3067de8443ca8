// The Snapshots page.
import { graphql } from "../gql/index.ts";

export const SnapshotListDocument = graphql(`
  query ConsoleSnapshotList($regionId: ID!) {
    snapshots(filter: { regionId: $regionId }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          device
          status
          progress
          remainingSeconds
          sourceDiskId
          sourceDiskSizeGiB
          sourceDiskType
          createdAt
          failureReason
          image {
            id
            name
          }
        }
      }
    }
  }
`);

/** A snapshot's progress as a live-progress event carries it. */
export const SnapshotStateFields = graphql(`
  fragment ConsoleSnapshotState on Snapshot {
    id
    status
    progress
    remainingSeconds
  }
`);

export const SnapshotProgressDocument = graphql(`
  subscription ConsoleSnapshotProgress($snapshotId: ID!) {
    snapshotProgress(snapshotId: $snapshotId) {
      sequence
      done
      snapshot {
        ...ConsoleSnapshotState
      }
    }
  }
`);
