import { graphql } from "../../generated/index.ts";

/** A disk's own fields, as every list of disks shows them. */
export const DiskSummaryFieldsFragment = graphql(`
  fragment DiskSummaryFields on Disk {
    id
    type
    device
    sizeGiB
    status
  }
`);

/**
 * The Disk type. The two lists select different relations on purpose: test/n-plus-one.test.ts
 * counts the statements of each, so their selections are what it measures.
 */
export const DisksDocument = graphql(`
  query Disks($first: Int, $after: String, $filter: DiskFilter) {
    disks(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...DiskSummaryFields
          createdAt
          region {
            id
            name
          }
          instance {
            id
            name
          }
        }
      }
    }
  }
`);

/** Each disk with its own page of snapshots (a nested connection per row). */
export const DisksWithSnapshotCountsDocument = graphql(`
  query DisksWithSnapshotCounts($first: Int, $after: String, $filter: DiskFilter) {
    disks(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          ...DiskSummaryFields
          region {
            id
          }
          instance {
            id
          }
          snapshots(first: 5) {
            totalCount
          }
        }
      }
    }
  }
`);

export const DiskDocument = graphql(`
  query Disk($id: ID!) {
    disk(id: $id) {
      id
      type
      device
      status
      instance {
        id
      }
    }
  }
`);

export const DiskSnapshotsDocument = graphql(`
  query DiskSnapshots($id: ID!, $first: Int, $after: String) {
    disk(id: $id) {
      id
      snapshots(first: $first, after: $after) {
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
