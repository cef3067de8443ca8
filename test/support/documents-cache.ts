import { graphql } from "../generated/index.ts";

/** The console's image list: the document the response cache and the bench serve. */
export const ConsoleImagesDocument = graphql(`
  query ConsoleImages($regionId: ID!) {
    images(first: 20, filter: { regionId: $regionId, ownerAlias: [SELF] }) {
      totalCount
      edges {
        node {
          id
          name
          status
          progress
          createdAt
          region {
            id
          }
          diskMappings {
            device
            type
            sizeGiB
            snapshot {
              id
              status
              progress
            }
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
          id
          name
          status
        }
      }
    }
  }
`);
