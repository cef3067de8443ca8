// The Instances page and its dialogs.
import type { ConsoleInstanceListQuery } from "../gql/graphql.ts";
import { graphql } from "../gql/index.ts";

export const InstanceListDocument = graphql(`
  query ConsoleInstanceList($regionId: ID!) {
    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          status
          osType
          platform
          createdAt
          disks {
            id
            device
            sizeGiB
            type
          }
          imageInProgress {
            id
            name
            progress
          }
        }
      }
    }
  }
`);

export const CreateInstanceDocument = graphql(`
  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        id
        name
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

/** What Start, Stop, Reboot and Release answer: the instance's new status, or why not. */
export const InstanceActionResultFields = graphql(`
  fragment ConsoleInstanceActionResult on InstancePayload {
    instance {
      id
      status
    }
    userErrors {
      ...ConsoleUserError
    }
  }
`);

export const StartInstanceDocument = graphql(`
  mutation ConsoleStartInstance($input: InstanceActionInput!) {
    startInstance(input: $input) {
      ...ConsoleInstanceActionResult
    }
  }
`);

export const StopInstanceDocument = graphql(`
  mutation ConsoleStopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      ...ConsoleInstanceActionResult
    }
  }
`);

export const RebootInstanceDocument = graphql(`
  mutation ConsoleRebootInstance($input: InstanceActionInput!) {
    rebootInstance(input: $input) {
      ...ConsoleInstanceActionResult
    }
  }
`);

export const ReleaseInstanceDocument = graphql(`
  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {
    releaseInstance(input: $input) {
      ...ConsoleInstanceActionResult
    }
  }
`);

/** An instance as the Instances page lists it. */
export type ConsoleInstance = ConsoleInstanceListQuery["instances"]["edges"][number]["node"];

/** Read when the Create Custom Image dialog opens, so its pre-checks see the latest guest report. */
export const InstanceGuestDocument = graphql(`
  query ConsoleInstanceGuest($id: ID!) {
    instance(id: $id) {
      id
      guest {
        fstabDataDiskEntries
        kernelUpgraded
        modifiedSystemPaths
        mountedFileSystems
        rootUsername
        systemDiskFreeMiB
        systemDiskPartitions
      }
    }
  }
`);
