-- ConsoleInstanceList: 5 statements
SELECT … FROM (SELECT … FROM Instance WHERE (Instance.accountId = ? AND Instance.regionId = ? AND ((Instance.status = CAST(?::text AS InstanceStatus) AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status = CAST(?::text AS InstanceStatus) AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status IN (CAST(?::text AS InstanceStatus),CAST(?::text AS InstanceStatus)) AND Instance.expiresAt <= ?))) OFFSET ?) AS sub;
SELECT … FROM Disk WHERE Disk.instanceId IN (…) ORDER BY Disk.device ASC OFFSET ?;
SELECT … FROM Image WHERE Image.id IN (…) OFFSET ?;
SELECT … FROM Instance WHERE (Instance.accountId = ? AND Instance.regionId = ? AND ((Instance.status = CAST(?::text AS InstanceStatus) AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status = CAST(?::text AS InstanceStatus) AND (Instance.expiresAt IS NULL OR Instance.expiresAt > ?)) OR (Instance.status IN (CAST(?::text AS InstanceStatus),CAST(?::text AS InstanceStatus)) AND Instance.expiresAt <= ?))) ORDER BY Instance.createdAt DESC, Instance.id DESC LIMIT ? OFFSET ?;
SELECT … FROM Snapshot WHERE Snapshot.imageId IN (…) OFFSET ?;

-- ConsoleImageList: 7 statements
SELECT … FROM (SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = CAST(?::text AS ImageOwnerAlias) OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = CAST(?::text AS ImageOwnerAlias)) AND Image.status <> CAST(?::text AS ImageStatus) AND Image.ownerAlias IN (CAST(?::text AS ImageOwnerAlias))) OFFSET ?) AS sub;
SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = CAST(?::text AS ImageOwnerAlias) OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = CAST(?::text AS ImageOwnerAlias)) AND Image.status <> CAST(?::text AS ImageStatus) AND Image.ownerAlias IN (CAST(?::text AS ImageOwnerAlias))) ORDER BY Image.createdAt DESC, Image.id DESC LIMIT ? OFFSET ?;
SELECT … FROM Image WHERE Image.id IN (…) OFFSET ?;
SELECT … FROM ImageDiskMapping WHERE ImageDiskMapping.imageId IN (…) ORDER BY ImageDiskMapping.device ASC OFFSET ?;
SELECT … FROM Instance WHERE Instance.id IN (…) OFFSET ?;
SELECT … FROM Region WHERE Region.id IN (…) OFFSET ?;
SELECT … FROM Snapshot WHERE Snapshot.imageId IN (…) OFFSET ?;

-- ConsoleImageChoices: 2 statements
SELECT … FROM Image WHERE (Image.deletedAt IS NULL AND (Image.ownerAlias = CAST(?::text AS ImageOwnerAlias) OR Image.accountId = ?) AND (Image.regionId = ? OR Image.ownerAlias = CAST(?::text AS ImageOwnerAlias)) AND Image.status IN (CAST(?::text AS ImageStatus),CAST(?::text AS ImageStatus))) ORDER BY Image.createdAt DESC, Image.id DESC LIMIT ? OFFSET ?;
SELECT … FROM ImageDiskMapping WHERE ImageDiskMapping.imageId IN (…) ORDER BY ImageDiskMapping.device ASC OFFSET ?;

-- ConsoleSnapshotList: 3 statements
SELECT … FROM (SELECT … FROM Snapshot WHERE (Snapshot.accountId = ? AND Snapshot.regionId = ?) OFFSET ?) AS sub;
SELECT … FROM Image WHERE Image.id IN (…) OFFSET ?;
SELECT … FROM Snapshot WHERE (Snapshot.accountId = ? AND Snapshot.regionId = ?) ORDER BY Snapshot.createdAt DESC, Snapshot.id DESC LIMIT ? OFFSET ?;
