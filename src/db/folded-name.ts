/** Names compared without case in every script: the stored `nameFolded` of an image, and the images list's nameContains. */
export function foldName(name: string): string {
  return name.toLowerCase();
}
