import { graphql } from "../../generated/index.ts";

/** The Node interface: one object of any type by its global ID, or many at once. */
export const NodeDocument = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Instance {
        name
        status
        region {
          id
        }
      }
      ... on Disk {
        device
        instance {
          id
        }
      }
      ... on Image {
        name
        ownerAlias
      }
      ... on Snapshot {
        sourceDiskId
      }
      ... on Account {
        name
      }
    }
  }
`);

export const NodesDocument = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`);
