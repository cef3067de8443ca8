import { graphql } from "../../generated/index.ts";

/** Where one of an image's disks goes: its device, type and size (its snapshot is selected apart). */
export const DiskMappingFieldsFragment = graphql(`
  fragment DiskMappingFields on ImageDiskMapping {
    device
    type
    sizeGiB
  }
`);

/** One pre-check of an image: as the image lists its checks and createCustomImage its warnings. */
export const ImageCheckFieldsFragment = graphql(`
  fragment ImageCheckFields on ImageCheck {
    item
    result
    message
  }
`);

/** The Image type: its fields, its queries, its mutations and its progress, once for every suite. */
export const ImageFieldsFragment = graphql(`
  fragment ImageFields on Image {
    id
    name
    description
    status
    progress
    remainingSeconds
    source
    ownerAlias
    osType
    platform
    architecture
    sizeGiB
    region {
      id
    }
    sourceInstance {
      id
      imageInProgress {
        id
      }
    }
    sourceSnapshot {
      id
    }
    sourceImage {
      id
    }
    sourceRegion {
      id
    }
    diskMappings {
      ...DiskMappingFields
      snapshot {
        id
        status
        device
        sourceDiskType
        sourceDiskSizeGiB
        region {
          id
        }
      }
    }
    checks {
      ...ImageCheckFields
    }
    failureReason
    createdAt
    availableAt
  }
`);

/** An image by name and status: what the lists show of it first. */
export const ImageStatusFieldsFragment = graphql(`
  fragment ImageStatusFields on Image {
    id
    name
    status
  }
`);

/** One image, and the same ID through node(id:) (a deleted image is gone from both). */
export const ImageDocument = graphql(`
  query Image($id: ID!) {
    image(id: $id) {
      ...ImageFields
    }
    node(id: $id) {
      __typename
      id
    }
  }
`);

export const ImagesDocument = graphql(`
  query Images($first: Int, $after: String, $filter: ImageFilter) {
    images(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ImageStatusFields
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

/** Kept to this selection: test/n-plus-one.test.ts counts its statements. */
export const ImagesByStatusDocument = graphql(`
  query ImagesByStatus($filter: ImageFilter) {
    images(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          ...ImageStatusFields
          source
        }
      }
    }
  }
`);

/** A response large enough to be compressed (http-delivery.test.ts). */
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

/** Names and statuses only: nothing in it moves with the clock, so it is cached even while images are in flight. */
export const ImageStatusesDocument = graphql(`
  query ImageStatuses($regionId: ID!) {
    images(first: 20, filter: { regionId: $regionId, ownerAlias: [SELF] }) {
      totalCount
      edges {
        node {
          ...ImageStatusFields
        }
      }
    }
  }
`);

export const CreateCustomImageDocument = graphql(`
  mutation CreateCustomImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        ...ImageFields
      }
      warnings {
        ...ImageCheckFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateImageDocument = graphql(`
  mutation UpdateImage($input: UpdateImageInput!) {
    updateImage(input: $input) {
      image {
        ...ImageFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

// deleteImage: the tests send the console's ConsoleDeleteImageDocument (src/console/src/gql), the same selection.

export const ImageProgressDocument = graphql(`
  subscription ImageProgress($imageId: ID!) {
    imageProgress(imageId: $imageId) {
      sequence
      done
      image {
        id
        status
        progress
        remainingSeconds
        failureReason
      }
      snapshot {
        id
        device
        status
        progress
        remainingSeconds
        sourceDiskSizeGiB
      }
    }
  }
`);
