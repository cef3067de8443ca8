// The Images page and its dialogs.
import type { ConsoleImageListQuery } from "../gql/graphql.ts";
import { graphql } from "../gql/index.ts";

export const ImageListDocument = graphql(`
  query ConsoleImageList($regionId: ID!) {
    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          description
          status
          progress
          remainingSeconds
          sizeGiB
          osType
          platform
          source
          createdAt
          failureReason
          sourceRegion {
            id
          }
          sourceImage {
            id
            name
          }
          sourceInstance {
            id
            name
          }
          diskMappings {
            device
            sizeGiB
            type
            snapshot {
              id
              status
              progress
              remainingSeconds
            }
          }
        }
      }
    }
  }
`);

export const ImageChoicesDocument = graphql(`
  query ConsoleImageChoices($regionId: ID!) {
    images(filter: { regionId: $regionId, status: [AVAILABLE, DEPRECATED] }, first: 100) {
      edges {
        node {
          id
          name
          status
          ownerAlias
          sizeGiB
          diskMappings {
            device
            sizeGiB
            type
          }
        }
      }
    }
  }
`);

export const ImageProgressDocument = graphql(`
  subscription ConsoleImageProgress($imageId: ID!) {
    imageProgress(imageId: $imageId) {
      sequence
      done
      image {
        id
        status
        progress
        remainingSeconds
      }
      snapshot {
        device
        ...ConsoleSnapshotState
      }
    }
  }
`);

export const CreateCustomImageDocument = graphql(`
  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        id
        name
        status
      }
      warnings {
        item
        result
        message
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const CopyImageDocument = graphql(`
  mutation ConsoleCopyImage($input: CopyImageInput!) {
    copyImage(input: $input) {
      image {
        id
        name
        status
        region {
          id
        }
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const UpdateImageDocument = graphql(`
  mutation ConsoleUpdateImage($input: UpdateImageInput!) {
    updateImage(input: $input) {
      image {
        id
        name
        description
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const DeleteImageDocument = graphql(`
  mutation ConsoleDeleteImage($input: DeleteImageInput!) {
    deleteImage(input: $input) {
      deletedImageId
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const CancelCopyImageDocument = graphql(`
  mutation ConsoleCancelCopyImage($input: CancelCopyImageInput!) {
    cancelCopyImage(input: $input) {
      image {
        id
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

/** An image as the Images page lists it. */
export type ConsoleImage = ConsoleImageListQuery["images"]["edges"][number]["node"];
