import { graphql } from "../../generated/index.ts";

/** Cross-region copies of an image: starting one and cancelling it. */
export const CopyImageDocument = graphql(`
  mutation CopyImage($input: CopyImageInput!) {
    copyImage(input: $input) {
      image {
        ...ImageFields
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
