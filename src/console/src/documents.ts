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

export const InstanceFields = graphql(`
  fragment ConsoleInstance on Instance {
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
    image {
      id
      name
    }
    imageInProgress {
      id
      name
      status
      progress
    }
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
`);

export const InstanceListDocument = graphql(`
  query ConsoleInstanceList($regionId: ID!) {
    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {
      totalCount
      edges {
        node {
          ...ConsoleInstance
        }
      }
    }
  }
`);

export const ImageFields = graphql(`
  fragment ConsoleImage on Image {
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
`);

export const ImageListDocument = graphql(`
  query ConsoleImageList($regionId: ID!) {
    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {
      totalCount
      edges {
        node {
          ...ConsoleImage
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
        id
        device
        status
        progress
        remainingSeconds
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
        id
        status
        progress
        remainingSeconds
      }
    }
  }
`);

export const CreateInstanceDocument = graphql(`
  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {
    createInstance(input: $input) {
      instance {
        ...ConsoleInstance
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const StartInstanceDocument = graphql(`
  mutation ConsoleStartInstance($input: InstanceActionInput!) {
    startInstance(input: $input) {
      instance {
        id
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const StopInstanceDocument = graphql(`
  mutation ConsoleStopInstance($input: InstanceActionInput!) {
    stopInstance(input: $input) {
      instance {
        id
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const RebootInstanceDocument = graphql(`
  mutation ConsoleRebootInstance($input: InstanceActionInput!) {
    rebootInstance(input: $input) {
      instance {
        id
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const ReleaseInstanceDocument = graphql(`
  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {
    releaseInstance(input: $input) {
      instance {
        id
        status
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);

export const CreateCustomImageDocument = graphql(`
  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        ...ConsoleImage
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
        ...ConsoleImage
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
        ...ConsoleImage
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
        ...ConsoleImage
      }
      userErrors {
        ...ConsoleUserError
      }
    }
  }
`);
