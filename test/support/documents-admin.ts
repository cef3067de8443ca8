import { graphql } from "../generated/index.ts";

/**
 * Documents of the image-administration suite (image-admin: updateImage, deleteImage, creating
 * instances from custom images, copy idempotency and the copy queue across a restart).
 * Every operation and fragment name starts with A so it cannot clash with the other support files.
 */

export const AImageFieldsFragment = graphql(`
  fragment AImageFields on Image {
    id
    name
    description
    status
    progress
    ownerAlias
    source
    osType
    platform
    architecture
    sizeGiB
    region {
      id
    }
    sourceImage {
      id
    }
    diskMappings {
      device
      type
      sizeGiB
      snapshot {
        id
        status
        device
        sourceDiskSizeGiB
      }
    }
    failureReason
  }
`);

export const AImageDocument = graphql(`
  query AImage($id: ID!) {
    image(id: $id) {
      ...AImageFields
    }
    node(id: $id) {
      __typename
      id
    }
  }
`);

export const AImagesDocument = graphql(`
  query AImages($filter: ImageFilter) {
    images(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          status
          ownerAlias
          region {
            id
          }
        }
      }
    }
  }
`);

/** Everything a refused mutation must leave alone, as the caller sees it. */
export const AStateDocument = graphql(`
  query AState {
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

export const ACreateImageDocument = graphql(`
  mutation ACreateImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        ...AImageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AUpdateImageDocument = graphql(`
  mutation AUpdateImage($input: UpdateImageInput!) {
    updateImage(input: $input) {
      image {
        ...AImageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ADeleteImageDocument = graphql(`
  mutation ADeleteImage($input: DeleteImageInput!) {
    deleteImage(input: $input) {
      deletedImageId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ACopyImageDocument = graphql(`
  mutation ACopyImage($input: CopyImageInput!) {
    copyImage(input: $input) {
      image {
        ...AImageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ACancelCopyImageDocument = graphql(`
  mutation ACancelCopyImage($input: CancelCopyImageInput!) {
    cancelCopyImage(input: $input) {
      image {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ACreateSnapshotDocument = graphql(`
  mutation ACreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      snapshot {
        id
        status
        device
        sourceDiskType
        sourceDiskSizeGiB
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ADeleteSnapshotDocument = graphql(`
  mutation ADeleteSnapshot($input: DeleteSnapshotInput!) {
    deleteSnapshot(input: $input) {
      deletedSnapshotId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ASnapshotsDocument = graphql(`
  query ASnapshots($filter: SnapshotFilter) {
    snapshots(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          status
          device
          sourceDiskType
          image {
            id
          }
        }
      }
    }
  }
`);
