/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n    }\n    regions {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  fragment ConsoleUserError on UserError {\n    code\n    field\n    message\n  }\n": typeof types.ConsoleUserErrorFragmentDoc,
    "\n  query ConsoleImageList($regionId: ID!) {\n    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          progress\n          remainingSeconds\n          sizeGiB\n          osType\n          platform\n          source\n          createdAt\n          failureReason\n          sourceRegion {\n            id\n          }\n          sourceImage {\n            id\n            name\n          }\n          sourceInstance {\n            id\n            name\n          }\n          diskMappings {\n            device\n            sizeGiB\n            type\n            snapshot {\n              id\n              status\n              progress\n              remainingSeconds\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleImageListDocument,
    "\n  query ConsoleImageChoices($regionId: ID!) {\n    images(filter: { regionId: $regionId, status: [AVAILABLE, DEPRECATED] }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          status\n          ownerAlias\n          sizeGiB\n          diskMappings {\n            device\n            sizeGiB\n            type\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleImageChoicesDocument,
    "\n  subscription ConsoleImageProgress($imageId: ID!) {\n    imageProgress(imageId: $imageId) {\n      sequence\n      done\n      image {\n        id\n        status\n        progress\n        remainingSeconds\n      }\n      snapshot {\n        device\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n": typeof types.ConsoleImageProgressDocument,
    "\n  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {\n    createCustomImage(input: $input) {\n      image {\n        id\n        name\n        status\n      }\n      warnings {\n        item\n        result\n        message\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleCreateCustomImageDocument,
    "\n  mutation ConsoleCopyImage($input: CopyImageInput!) {\n    copyImage(input: $input) {\n      image {\n        id\n        name\n        status\n        region {\n          id\n        }\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleCopyImageDocument,
    "\n  mutation ConsoleUpdateImage($input: UpdateImageInput!) {\n    updateImage(input: $input) {\n      image {\n        id\n        name\n        description\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleUpdateImageDocument,
    "\n  mutation ConsoleDeleteImage($input: DeleteImageInput!) {\n    deleteImage(input: $input) {\n      deletedImageId\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleDeleteImageDocument,
    "\n  mutation ConsoleCancelCopyImage($input: CancelCopyImageInput!) {\n    cancelCopyImage(input: $input) {\n      image {\n        id\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleCancelCopyImageDocument,
    "\n  query ConsoleInstanceList($regionId: ID!) {\n    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          osType\n          platform\n          createdAt\n          disks {\n            id\n            device\n            sizeGiB\n            type\n          }\n          imageInProgress {\n            id\n            name\n            progress\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleInstanceListDocument,
    "\n  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        id\n        name\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": typeof types.ConsoleCreateInstanceDocument,
    "\n  fragment ConsoleInstanceActionResult on InstancePayload {\n    instance {\n      id\n      status\n    }\n    userErrors {\n      ...ConsoleUserError\n    }\n  }\n": typeof types.ConsoleInstanceActionResultFragmentDoc,
    "\n  mutation ConsoleStartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": typeof types.ConsoleStartInstanceDocument,
    "\n  mutation ConsoleStopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": typeof types.ConsoleStopInstanceDocument,
    "\n  mutation ConsoleRebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": typeof types.ConsoleRebootInstanceDocument,
    "\n  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": typeof types.ConsoleReleaseInstanceDocument,
    "\n  query ConsoleInstanceGuest($id: ID!) {\n    instance(id: $id) {\n      id\n      guest {\n        fstabDataDiskEntries\n        kernelUpgraded\n        modifiedSystemPaths\n        mountedFileSystems\n        rootUsername\n        systemDiskFreeMiB\n        systemDiskPartitions\n      }\n    }\n  }\n": typeof types.ConsoleInstanceGuestDocument,
    "\n  query ConsoleSnapshotList($regionId: ID!) {\n    snapshots(filter: { regionId: $regionId }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          device\n          status\n          progress\n          remainingSeconds\n          sourceDiskId\n          sourceDiskSizeGiB\n          sourceDiskType\n          createdAt\n          failureReason\n          image {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSnapshotListDocument,
    "\n  fragment ConsoleSnapshotState on Snapshot {\n    id\n    status\n    progress\n    remainingSeconds\n  }\n": typeof types.ConsoleSnapshotStateFragmentDoc,
    "\n  subscription ConsoleSnapshotProgress($snapshotId: ID!) {\n    snapshotProgress(snapshotId: $snapshotId) {\n      sequence\n      done\n      snapshot {\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n": typeof types.ConsoleSnapshotProgressDocument,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n    }\n    regions {\n      id\n      name\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  fragment ConsoleUserError on UserError {\n    code\n    field\n    message\n  }\n": types.ConsoleUserErrorFragmentDoc,
    "\n  query ConsoleImageList($regionId: ID!) {\n    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          progress\n          remainingSeconds\n          sizeGiB\n          osType\n          platform\n          source\n          createdAt\n          failureReason\n          sourceRegion {\n            id\n          }\n          sourceImage {\n            id\n            name\n          }\n          sourceInstance {\n            id\n            name\n          }\n          diskMappings {\n            device\n            sizeGiB\n            type\n            snapshot {\n              id\n              status\n              progress\n              remainingSeconds\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleImageListDocument,
    "\n  query ConsoleImageChoices($regionId: ID!) {\n    images(filter: { regionId: $regionId, status: [AVAILABLE, DEPRECATED] }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          status\n          ownerAlias\n          sizeGiB\n          diskMappings {\n            device\n            sizeGiB\n            type\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleImageChoicesDocument,
    "\n  subscription ConsoleImageProgress($imageId: ID!) {\n    imageProgress(imageId: $imageId) {\n      sequence\n      done\n      image {\n        id\n        status\n        progress\n        remainingSeconds\n      }\n      snapshot {\n        device\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n": types.ConsoleImageProgressDocument,
    "\n  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {\n    createCustomImage(input: $input) {\n      image {\n        id\n        name\n        status\n      }\n      warnings {\n        item\n        result\n        message\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleCreateCustomImageDocument,
    "\n  mutation ConsoleCopyImage($input: CopyImageInput!) {\n    copyImage(input: $input) {\n      image {\n        id\n        name\n        status\n        region {\n          id\n        }\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleCopyImageDocument,
    "\n  mutation ConsoleUpdateImage($input: UpdateImageInput!) {\n    updateImage(input: $input) {\n      image {\n        id\n        name\n        description\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleUpdateImageDocument,
    "\n  mutation ConsoleDeleteImage($input: DeleteImageInput!) {\n    deleteImage(input: $input) {\n      deletedImageId\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleDeleteImageDocument,
    "\n  mutation ConsoleCancelCopyImage($input: CancelCopyImageInput!) {\n    cancelCopyImage(input: $input) {\n      image {\n        id\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleCancelCopyImageDocument,
    "\n  query ConsoleInstanceList($regionId: ID!) {\n    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          osType\n          platform\n          createdAt\n          disks {\n            id\n            device\n            sizeGiB\n            type\n          }\n          imageInProgress {\n            id\n            name\n            progress\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleInstanceListDocument,
    "\n  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        id\n        name\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n": types.ConsoleCreateInstanceDocument,
    "\n  fragment ConsoleInstanceActionResult on InstancePayload {\n    instance {\n      id\n      status\n    }\n    userErrors {\n      ...ConsoleUserError\n    }\n  }\n": types.ConsoleInstanceActionResultFragmentDoc,
    "\n  mutation ConsoleStartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": types.ConsoleStartInstanceDocument,
    "\n  mutation ConsoleStopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": types.ConsoleStopInstanceDocument,
    "\n  mutation ConsoleRebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": types.ConsoleRebootInstanceDocument,
    "\n  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n": types.ConsoleReleaseInstanceDocument,
    "\n  query ConsoleInstanceGuest($id: ID!) {\n    instance(id: $id) {\n      id\n      guest {\n        fstabDataDiskEntries\n        kernelUpgraded\n        modifiedSystemPaths\n        mountedFileSystems\n        rootUsername\n        systemDiskFreeMiB\n        systemDiskPartitions\n      }\n    }\n  }\n": types.ConsoleInstanceGuestDocument,
    "\n  query ConsoleSnapshotList($regionId: ID!) {\n    snapshots(filter: { regionId: $regionId }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          device\n          status\n          progress\n          remainingSeconds\n          sourceDiskId\n          sourceDiskSizeGiB\n          sourceDiskType\n          createdAt\n          failureReason\n          image {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleSnapshotListDocument,
    "\n  fragment ConsoleSnapshotState on Snapshot {\n    id\n    status\n    progress\n    remainingSeconds\n  }\n": types.ConsoleSnapshotStateFragmentDoc,
    "\n  subscription ConsoleSnapshotProgress($snapshotId: ID!) {\n    snapshotProgress(snapshotId: $snapshotId) {\n      sequence\n      done\n      snapshot {\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n": types.ConsoleSnapshotProgressDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n    }\n    regions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ConsoleViewer {\n    viewer {\n      id\n      name\n    }\n    regions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleUserError on UserError {\n    code\n    field\n    message\n  }\n"): (typeof documents)["\n  fragment ConsoleUserError on UserError {\n    code\n    field\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleImageList($regionId: ID!) {\n    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          progress\n          remainingSeconds\n          sizeGiB\n          osType\n          platform\n          source\n          createdAt\n          failureReason\n          sourceRegion {\n            id\n          }\n          sourceImage {\n            id\n            name\n          }\n          sourceInstance {\n            id\n            name\n          }\n          diskMappings {\n            device\n            sizeGiB\n            type\n            snapshot {\n              id\n              status\n              progress\n              remainingSeconds\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleImageList($regionId: ID!) {\n    images(filter: { regionId: $regionId, ownerAlias: [SELF] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          progress\n          remainingSeconds\n          sizeGiB\n          osType\n          platform\n          source\n          createdAt\n          failureReason\n          sourceRegion {\n            id\n          }\n          sourceImage {\n            id\n            name\n          }\n          sourceInstance {\n            id\n            name\n          }\n          diskMappings {\n            device\n            sizeGiB\n            type\n            snapshot {\n              id\n              status\n              progress\n              remainingSeconds\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleImageChoices($regionId: ID!) {\n    images(filter: { regionId: $regionId, status: [AVAILABLE, DEPRECATED] }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          status\n          ownerAlias\n          sizeGiB\n          diskMappings {\n            device\n            sizeGiB\n            type\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleImageChoices($regionId: ID!) {\n    images(filter: { regionId: $regionId, status: [AVAILABLE, DEPRECATED] }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          status\n          ownerAlias\n          sizeGiB\n          diskMappings {\n            device\n            sizeGiB\n            type\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleImageProgress($imageId: ID!) {\n    imageProgress(imageId: $imageId) {\n      sequence\n      done\n      image {\n        id\n        status\n        progress\n        remainingSeconds\n      }\n      snapshot {\n        device\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleImageProgress($imageId: ID!) {\n    imageProgress(imageId: $imageId) {\n      sequence\n      done\n      image {\n        id\n        status\n        progress\n        remainingSeconds\n      }\n      snapshot {\n        device\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {\n    createCustomImage(input: $input) {\n      image {\n        id\n        name\n        status\n      }\n      warnings {\n        item\n        result\n        message\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateCustomImage($input: CreateCustomImageInput!) {\n    createCustomImage(input: $input) {\n      image {\n        id\n        name\n        status\n      }\n      warnings {\n        item\n        result\n        message\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCopyImage($input: CopyImageInput!) {\n    copyImage(input: $input) {\n      image {\n        id\n        name\n        status\n        region {\n          id\n        }\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCopyImage($input: CopyImageInput!) {\n    copyImage(input: $input) {\n      image {\n        id\n        name\n        status\n        region {\n          id\n        }\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateImage($input: UpdateImageInput!) {\n    updateImage(input: $input) {\n      image {\n        id\n        name\n        description\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateImage($input: UpdateImageInput!) {\n    updateImage(input: $input) {\n      image {\n        id\n        name\n        description\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteImage($input: DeleteImageInput!) {\n    deleteImage(input: $input) {\n      deletedImageId\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteImage($input: DeleteImageInput!) {\n    deleteImage(input: $input) {\n      deletedImageId\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelCopyImage($input: CancelCopyImageInput!) {\n    cancelCopyImage(input: $input) {\n      image {\n        id\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCancelCopyImage($input: CancelCopyImageInput!) {\n    cancelCopyImage(input: $input) {\n      image {\n        id\n        status\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleInstanceList($regionId: ID!) {\n    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          osType\n          platform\n          createdAt\n          disks {\n            id\n            device\n            sizeGiB\n            type\n          }\n          imageInProgress {\n            id\n            name\n            progress\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleInstanceList($regionId: ID!) {\n    instances(filter: { regionId: $regionId, status: [RUNNING, STOPPED, EXPIRED] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          status\n          osType\n          platform\n          createdAt\n          disks {\n            id\n            device\n            sizeGiB\n            type\n          }\n          imageInProgress {\n            id\n            name\n            progress\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        id\n        name\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        id\n        name\n      }\n      userErrors {\n        ...ConsoleUserError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleInstanceActionResult on InstancePayload {\n    instance {\n      id\n      status\n    }\n    userErrors {\n      ...ConsoleUserError\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleInstanceActionResult on InstancePayload {\n    instance {\n      id\n      status\n    }\n    userErrors {\n      ...ConsoleUserError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      ...ConsoleInstanceActionResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleInstanceGuest($id: ID!) {\n    instance(id: $id) {\n      id\n      guest {\n        fstabDataDiskEntries\n        kernelUpgraded\n        modifiedSystemPaths\n        mountedFileSystems\n        rootUsername\n        systemDiskFreeMiB\n        systemDiskPartitions\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleInstanceGuest($id: ID!) {\n    instance(id: $id) {\n      id\n      guest {\n        fstabDataDiskEntries\n        kernelUpgraded\n        modifiedSystemPaths\n        mountedFileSystems\n        rootUsername\n        systemDiskFreeMiB\n        systemDiskPartitions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSnapshotList($regionId: ID!) {\n    snapshots(filter: { regionId: $regionId }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          device\n          status\n          progress\n          remainingSeconds\n          sourceDiskId\n          sourceDiskSizeGiB\n          sourceDiskType\n          createdAt\n          failureReason\n          image {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSnapshotList($regionId: ID!) {\n    snapshots(filter: { regionId: $regionId }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          device\n          status\n          progress\n          remainingSeconds\n          sourceDiskId\n          sourceDiskSizeGiB\n          sourceDiskType\n          createdAt\n          failureReason\n          image {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleSnapshotState on Snapshot {\n    id\n    status\n    progress\n    remainingSeconds\n  }\n"): (typeof documents)["\n  fragment ConsoleSnapshotState on Snapshot {\n    id\n    status\n    progress\n    remainingSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleSnapshotProgress($snapshotId: ID!) {\n    snapshotProgress(snapshotId: $snapshotId) {\n      sequence\n      done\n      snapshot {\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleSnapshotProgress($snapshotId: ID!) {\n    snapshotProgress(snapshotId: $snapshotId) {\n      sequence\n      done\n      snapshot {\n        ...ConsoleSnapshotState\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;