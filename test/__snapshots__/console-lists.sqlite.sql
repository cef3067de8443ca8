-- ConsoleInstanceList: 5 statements
SELECT … FROM (SELECT … FROM Instance WHERE (Instance.accountId = ? AND Instance.regionId = ? AND ((Instance.status = ? AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status = ? AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status IN (…) AND Instance.expiresAt <= ?))) LIMIT ? OFFSET ?) AS sub;
SELECT … FROM Disk WHERE Disk.instanceId IN (…) ORDER BY Disk.device ASC LIMIT ? OFFSET ?;
SELECT … FROM Image WHERE Image.id IN (…) LIMIT ? OFFSET ?;
SELECT … FROM Instance WHERE (Instance.accountId = ? AND Instance.regionId = ? AND ((Instance.status = ? AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status = ? AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status IN (…) AND Instance.expiresAt <= ?))) ORDER BY Instance.createdAt DESC, Instance.id DESC LIMIT ? OFFSET ?;
SELECT … FROM Snapshot WHERE Snapshot.imageId IN (…) LIMIT ? OFFSET ?;

-- ConsoleImageList: 7 statements
SELECT … FROM (SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = ? OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = ?) AND Image.status <> ? AND Image.ownerAlias IN (…)) LIMIT ? OFFSET ?) AS sub;
SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = ? OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = ?) AND Image.status <> ? AND Image.ownerAlias IN (…)) ORDER BY Image.createdAt DESC, Image.id DESC LIMIT ? OFFSET ?;
SELECT … FROM Image WHERE Image.id IN (…) LIMIT ? OFFSET ?;
SELECT … FROM ImageDiskMapping WHERE ImageDiskMapping.imageId IN (…) ORDER BY ImageDiskMapping.device ASC LIMIT ? OFFSET ?;
SELECT … FROM Instance WHERE Instance.id IN (…) LIMIT ? OFFSET ?;
SELECT … FROM Region WHERE Region.id IN (…) LIMIT ? OFFSET ?;
SELECT … FROM Snapshot WHERE Snapshot.imageId IN (…) LIMIT ? OFFSET ?;

-- ConsoleImageChoices: 2 statements
SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = ? OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = ?) AND Image.status IN (…)) ORDER BY Image.createdAt DESC, Image.id DESC LIMIT ? OFFSET ?;
SELECT … FROM ImageDiskMapping WHERE ImageDiskMapping.imageId IN (…) ORDER BY ImageDiskMapping.device ASC LIMIT ? OFFSET ?;

-- ConsoleSnapshotList: 3 statements
SELECT … FROM (SELECT … FROM Snapshot WHERE (Snapshot.accountId = ? AND Snapshot.regionId = ?) LIMIT ? OFFSET ?) AS sub;
SELECT … FROM Image WHERE Image.id IN (…) LIMIT ? OFFSET ?;
SELECT … FROM Snapshot WHERE (Snapshot.accountId = ? AND Snapshot.regionId = ?) ORDER BY Snapshot.createdAt DESC, Snapshot.id DESC LIMIT ? OFFSET ?;
