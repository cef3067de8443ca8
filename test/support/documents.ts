import { graphql } from "../generated/index.ts";

/** Shared by every mutation document: a refusal's code, field path and message. */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    message
  }
`);

/** Shared by every connection document. */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      name
      imageQuotaPerRegion
    }
  }
`);

export const RegionsAndSystemImagesDocument = graphql(`
  query RegionsAndSystemImages($filter: ImageFilter, $first: Int) {
    regions {
      id
      name
    }
    images(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          region {
            id
          }
          status
          ownerAlias
          source
          osType
          platform
          architecture
          sizeGiB
          progress
          checks {
            item
          }
        }
      }
    }
  }
`);

export const DisksDocument = graphql(`
  query Disks($first: Int, $after: String, $filter: DiskFilter) {
    disks(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
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
          snapshots(first: 5) {
            totalCount
          }
        }
      }
    }
  }
`);

export const SnapshotsDocument = graphql(`
  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {
    snapshots(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          status
          progress
          device
          sourceDiskId
        }
      }
    }
  }
`);

export const DiskDocument = graphql(`
  query Disk($id: ID!) {
    disk(id: $id) {
      id
      status
      instance {
        id
      }
    }
  }
`);

export const ImageDocument = graphql(`
  query Image($id: ID!) {
    image(id: $id) {
      id
      name
      status
      ownerAlias
      region {
        id
      }
      sizeGiB
      instances(first: 10) {
        totalCount
        edges {
          node {
            id
          }
        }
      }
    }
  }
`);

export const NodeDocument = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Instance {
        name
      }
      ... on Image {
        name
      }
      ... on Account {
        name
      }
      ... on Disk {
        device
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
