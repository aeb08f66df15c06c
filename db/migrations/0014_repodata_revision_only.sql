-- Repodata is no longer one jsonb document rewritten by every upload: the packages' own
-- "record" column holds each entry, and channel_repodata keeps only the revision (its trigger
-- still NOTIFYs "channel_content"). Every process assembles the document once per revision.
ALTER TABLE "channel_repodata" DROP COLUMN "data";
