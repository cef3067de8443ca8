// The signed-in account, and the userErrors every mutation answers.
import { graphql } from "../gql/index.ts";

export const ViewerDocument = graphql(`
  query ConsoleViewer {
    viewer {
      id
      name
    }
    regions {
      id
      name
    }
  }
`);

export const UserErrorFields = graphql(`
  fragment ConsoleUserError on UserError {
    code
    field
    message
  }
`);

// Lists spell their fields out: the cost limit counts a fragment's fields more than once.
