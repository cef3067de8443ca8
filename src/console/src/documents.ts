import type { ConsoleImageListQuery, ConsoleInstanceListQuery } from "./gql/graphql.ts";
import { graphql } from "./gql/index.ts";

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

export const SnapshotListDocument = graphql(`
  query ConsoleSnapshotList($regionId: ID!) {
    snapshots(filter: { regionId: $regionId }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          device
          status
          progress
          remainingSeconds
          sourceDiskId
          sourceDiskSizeGiB
          sourceDiskType
          createdAt
          failureReason
          image {
            id
            name
          }
        }
      }
    }
  }
`);

/** A snapshot's progress as a live-progress event carries it. */
export const SnapshotStateFields = graphql(`
  fragment ConsoleSnapshotState on Snapshot {
    id
    status
    progress
    remainingSeconds
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

export const SnapshotProgressDocument = graphql(`
  subscription ConsoleSnapshotProgress($snapshotId: ID!) {
    snapshotProgress(snapshotId: $snapshotId) {
      sequence
      done
      snapshot {
        ...ConsoleSnapshotState
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
