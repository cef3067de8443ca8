import { graphql } from "../generated/index.ts";

export const CopyImageDocument = graphql(`
  mutation CopyImage($input: CopyImageInput!) {
    copyImage(input: $input) {
      image {
        id
        name
        description
        status
        source
        region {
          id
        }
        sourceImage {
          id
        }
        sourceRegion {
          id
        }
        sizeGiB
        osType
        platform
        diskMappings {
          device
          type
          sizeGiB
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
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelCopyImageDocument = graphql(`
  mutation CancelCopyImage($input: CancelCopyImageInput!) {
    cancelCopyImage(input: $input) {
      image {
        id
        status
        diskMappings {
          device
          snapshot {
            id
          }
        }
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
        id
        name
        description
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteImageDocument = graphql(`
  mutation DeleteImage($input: DeleteImageInput!) {
    deleteImage(input: $input) {
      deletedImageId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ImagesByStatusDocument = graphql(`
  query ImagesByStatus($filter: ImageFilter) {
    images(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          status
          source
        }
      }
    }
  }
`);
