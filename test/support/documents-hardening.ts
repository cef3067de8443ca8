import { graphql } from "../generated/index.ts";

/** The console's instance list: disks, and each disk's latest snapshots. */
export const HConsoleInstancesWithSnapshotsDocument = graphql(`
  query HConsoleInstancesWithSnapshots($first: Int) {
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

export const HNodesDocument = graphql(`
  query HNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`);
