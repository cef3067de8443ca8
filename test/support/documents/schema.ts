import { graphql } from "../../generated/index.ts";

/** The arguments of each field of one type, as introspection shows them. */
export const FieldArgumentsDocument = graphql(`
  query FieldArguments($type: String!) {
    __type(name: $type) {
      fields {
        name
        args {
          name
        }
      }
    }
  }
`);
