import { graphql } from "../generated/index.ts";

/**
 * Documents of the read-API and instance-lifecycle suites (instances, read, n-plus-one).
 * Every operation and fragment name starts with F so it cannot clash with test/support/documents.ts.
 */

/** How many instances and disks the caller has: a rejected mutation must not change them. */
export const FCountsDocument = graphql(`
  query FCounts {
    instances(first: 0) {
      totalCount
    }
    disks(first: 0) {
      totalCount
    }
  }
`);

export const FInstancesDocument = graphql(`
  query FInstances($first: Int, $after: String, $filter: InstanceFilter) {
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
          createdAt
          expiresAt
          region {
            id
          }
        }
      }
    }
  }
`);

export const FDisksDocument = graphql(`
  query FDisks($first: Int, $after: String, $filter: DiskFilter) {
    disks(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          type
          device
          sizeGiB
          status
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

export const FDiskDocument = graphql(`
  query FDisk($id: ID!) {
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

export const FSnapshotsDocument = graphql(`
  query FSnapshots($first: Int, $after: String, $filter: SnapshotFilter) {
    snapshots(first: $first, after: $after, filter: $filter) {
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
          sourceDiskId
          sourceDiskType
          device
          createdAt
          region {
            id
          }
        }
      }
    }
  }
`);

export const FSnapshotDocument = graphql(`
  query FSnapshot($id: ID!) {
    snapshot(id: $id) {
      id
      sourceDiskId
    }
  }
`);

export const FRegionsDocument = graphql(`
  query FRegions {
    regions {
      id
      name
    }
  }
`);

export const FImagesDocument = graphql(`
  query FImages($first: Int, $after: String, $filter: ImageFilter) {
    images(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          status
          ownerAlias
          source
          osType
          architecture
          sizeGiB
          region {
            id
          }
        }
      }
    }
  }
`);

export const FImageDocument = graphql(`
  query FImage($id: ID!) {
    image(id: $id) {
      id
      name
      ownerAlias
      osType
      architecture
      sizeGiB
      region {
        id
      }
    }
  }
`);

export const FViewerDocument = graphql(`
  query FViewer {
    viewer {
      id
      name
    }
  }
`);

export const FNodeDocument = graphql(`
  query FNode($id: ID!) {
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

export const FNodesDocument = graphql(`
  query FNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`);

export const FDiskSnapshotsDocument = graphql(`
  query FDiskSnapshots($id: ID!, $first: Int, $after: String) {
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

export const FImageInstancesDocument = graphql(`
  query FImageInstances($id: ID!, $first: Int, $after: String) {
    image(id: $id) {
      id
      instances(first: $first, after: $after) {
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
