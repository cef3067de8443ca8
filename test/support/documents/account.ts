import { graphql } from "../../generated/index.ts";

/** The Account type (the caller) and what the caller owns, seen at once. */
export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      name
      imageQuotaPerRegion
    }
  }
`);

/** How many instances and disks the caller has: a rejected mutation must not change them. */
export const ResourceCountsDocument = graphql(`
  query ResourceCounts {
    instances(first: 0) {
      totalCount
    }
    disks(first: 0) {
      totalCount
    }
  }
`);

/** Everything a refused mutation must leave alone, as the caller sees it. */
export const ResourcesDocument = graphql(`
  query Resources {
    images(first: 100, filter: { status: [WAITING, CREATING, AVAILABLE, CREATE_FAILED, CANCELLED, DEPRECATED] }) {
      totalCount
      edges {
        node {
          id
          name
          description
          status
          region {
            id
          }
        }
      }
    }
    instances(first: 100) {
      totalCount
      edges {
        node {
          id
          status
          image {
            id
          }
          disks {
            id
            device
            sizeGiB
            status
          }
        }
      }
    }
    snapshots(first: 100) {
      totalCount
      edges {
        node {
          id
          status
        }
      }
    }
  }
`);
